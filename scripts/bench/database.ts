// The throwaway PostgreSQL databases the benchmarks run in (127.0.0.1:5432, trust auth).
import pg from "pg";

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
export async function freshDatabase(name: string): Promise<string> {
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return `postgresql://postgres@127.0.0.1:5432/${name}`;
}

export async function dropDatabase(url: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`));
}
