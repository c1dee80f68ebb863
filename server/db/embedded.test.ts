import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function query(url: string, sql: string) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps committed data across a stop and a restart (nothing lost on shutdown)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kp-embedded-"));
    dirs.push(dir);
    const first = await startEmbeddedPostgres({ dataDir: join(dir, "pgdata") });
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir: join(dir, "pgdata") });
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    await second.stop();
  });

  it("serves several connections, keeping each transaction to its own connection", async () => {
    const db = await startEmbeddedPostgres({ dataDir: null });
    const pool = new pg.Pool({ connectionString: db.url, max: 4 });
    await pool.query("CREATE TABLE counter (n int); INSERT INTO counter VALUES (0)");
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const c = await pool.connect();
        try {
          await c.query("BEGIN");
          const { rows } = await c.query("SELECT n FROM counter FOR UPDATE");
          await c.query("UPDATE counter SET n = $1", [rows[0].n + 1]);
          await c.query("COMMIT");
        } finally {
          c.release();
        }
      }),
    );
    expect((await pool.query("SELECT n FROM counter")).rows[0].n).toBe(20);
    await pool.end();
    await db.stop();
  });
});
