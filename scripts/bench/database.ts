// The throwaway PostgreSQL databases the benchmarks run in (127.0.0.1:5432, trust auth).
import pg from "pg";
import { applyMigrations } from "../../server/db/migrations";

const ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(ADMIN_URL);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database of this name (dropped first if it exists); returns its URL. */
async function freshDatabase(name: string): Promise<string> {
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return `postgresql://postgres@127.0.0.1:5432/${name}`;
}

/**
 * The database a benchmark runs against, migrated, with the environment the server code reads:
 * DATABASE_URL when given, else a fresh database named `<prefix>_<now>` that the run owns (and drops).
 */
export async function benchDatabase(prefix: string): Promise<{ databaseUrl: string; ownDatabase: boolean }> {
  const ownDatabase = !process.env.DATABASE_URL;
  const databaseUrl = process.env.DATABASE_URL ?? (await freshDatabase(`${prefix}_${Date.now()}`));
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0123",
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? Buffer.alloc(32, 3).toString("base64"),
    LOG_LEVEL: "warn",
  });
  await applyMigrations(databaseUrl);
  return { databaseUrl, ownDatabase };
}

export async function dropDatabase(url: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`));
}
