import "server-only";
import pg from "pg";
import { closeDb } from "../db/client";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrations";
import { resetEnv } from "../env";

// A fresh, migrated database for each run: a new database on a PostgreSQL server when one is
// reachable, else an in-memory PGlite. The engine's db() is pointed at it for the run.

export interface ScratchDatabase {
  url: string;
  kind: "postgresql" | "pglite";
  /** Drops the database (PostgreSQL) or stops the PGlite. */
  dispose(): Promise<void>;
}

async function isPostgresServer(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>("SELECT version() AS version");
    // PGlite serves one database whatever name is asked for: it gets an instance of its own.
    return !rows[0]?.version.includes("PGlite");
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A fresh database called `name` beside the one in `serverUrl` (dropped first if it exists), or an
 * in-memory PGlite when `serverUrl` is null, unreachable or itself a PGlite. Migrated.
 */
export async function scratchDatabase(name: string, serverUrl: string | null): Promise<ScratchDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`scratch database name ${name}: letters, digits and _ only`);
  if (serverUrl && (await isPostgresServer(serverUrl))) {
    const admin = new pg.Client(serverUrl);
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    return {
      url: url.toString(),
      kind: "postgresql",
      async dispose() {
        const client = new pg.Client(serverUrl);
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: null });
  await applyMigrations(embedded.url);
  return { url: embedded.url, kind: "pglite", dispose: () => embedded.stop() };
}

/** Points the server code (db(), sql(), env()) at this database until the next call. */
export async function pointServerAt(database: Pick<ScratchDatabase, "url" | "kind">): Promise<void> {
  await closeDb();
  process.env.DATABASE_URL = database.url;
  // PGlite is one session behind a socket (docs/decisions/001-embedded-pglite.md).
  process.env.DATABASE_POOL_MAX = database.kind === "pglite" ? "1" : "4";
  process.env.NEXTAUTH_SECRET ??= "simulation-secret-simulation-secret-0123456789";
  process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 5).toString("base64");
  resetEnv();
}
