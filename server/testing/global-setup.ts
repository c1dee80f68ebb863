// One database per test run: TEST_DATABASE_URL when set (CI creates a fresh PostgreSQL database),
// otherwise an in-memory PGlite served on a loopback port for the run's duration.
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const embedded = process.env.TEST_DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: null });
  const url = process.env.TEST_DATABASE_URL ?? embedded!.url;
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return async () => {
    await embedded?.stop();
  };
}
