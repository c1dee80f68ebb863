import { resolve } from "node:path";
import pg from "pg";

/** Where the embedded e2e database lives (wiped at the start of every run). */
export const E2E_DATA_DIR = resolve(".data/e2e");

export const E2E_SECRETS = {
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
};

/** The PostgreSQL database e2e runs against, or null when it runs on the embedded one. */
export function e2eDatabaseUrl(): string | null {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const u = new URL(base);
  u.pathname = `/${decodeURIComponent(u.pathname.slice(1))}_e2e`;
  return u.toString();
}

export async function recreateDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const admin = new pg.Client(u.toString());
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}
