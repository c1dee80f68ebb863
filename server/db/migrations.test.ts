import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations, createMigration, defaultPaths, diffMigrationsToSchema } from "./migrations";

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of prisma/ to author migrations in without touching the real one. */
async function scratchPrisma() {
  const dir = await mkdtemp(join(tmpdir(), "kp-prisma-"));
  scratch.push(dir);
  await cp(defaultPaths().migrationsDir, join(dir, "migrations"), { recursive: true });
  await cp(defaultPaths().schemaPath, join(dir, "schema.prisma"));
  return { schemaPath: join(dir, "schema.prisma"), migrationsDir: join(dir, "migrations"), definitionsDir: defaultPaths().definitionsDir };
}

describe("migrations", () => {
  it("schema.prisma and prisma/migrations agree (fails on drift)", async () => {
    expect(await diffMigrationsToSchema(process.env.DATABASE_URL!)).toBe("");
  });

  it("detects drift when the schema changes without a migration, and authors the migration", async () => {
    const paths = await scratchPrisma();
    const schema = await readFile(paths.schemaPath, "utf8");
    await writeFile(paths.schemaPath, schema.replace("  notes                  String?", "  notes                  String?\n  nickname               String?"));
    const url = process.env.DATABASE_URL!;
    expect(await diffMigrationsToSchema(url, paths)).toMatch(/ALTER TABLE "Client" ADD COLUMN\s+"nickname" TEXT/);
    const created = await createMigration(url, "add_nickname", paths, new Date("2099-01-01T00:00:00Z"));
    expect(created?.dir).toBe("20990101000000_add_nickname");
    expect(await readdir(paths.migrationsDir)).toContain("20990101000000_add_nickname");
    expect(await diffMigrationsToSchema(url, paths)).toBe("");
    expect(await createMigration(url, "nothing", paths)).toBeNull();
  });

  it("deploys to an empty PGlite, records _prisma_migrations like Prisma, and a second run is a no-op", async () => {
    const db = await startEmbeddedPostgres({ dataDir: null });
    try {
      const names = (await readdir(defaultPaths().migrationsDir)).filter((n) => /^\d{14}_/.test(n)).sort();
      expect(await applyMigrations(db.url)).toEqual(names);
      expect(await applyMigrations(db.url)).toEqual([]);
      const client = new pg.Client(db.url);
      await client.connect();
      const { rows } = await client.query(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
      );
      await client.end();
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      for (const r of rows) {
        expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(r.finished_at).not.toBeNull();
        expect(r.applied_steps_count).toBe(1);
      }
    } finally {
      await db.stop();
    }
  });

  it("rolls a failing migration back whole (hand-written SQL runs as one script)", async () => {
    const db = await startEmbeddedPostgres({ dataDir: null });
    const paths = await scratchPrisma();
    try {
      await applyMigrations(db.url, paths);
      const dir = join(paths.migrationsDir, "20990101000000_broken");
      await cp(join(paths.migrationsDir, (await readdir(paths.migrationsDir)).find((n) => /^\d{14}_/.test(n))!), dir, { recursive: true });
      await writeFile(join(dir, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";\n`);
      await expect(applyMigrations(db.url, paths)).rejects.toThrow(/NoSuchTable/);
      const client = new pg.Client(db.url);
      await client.connect();
      const { rows } = await client.query(`SELECT to_regclass('"Half"') AS half`);
      await client.end();
      expect(rows[0].half).toBeNull();
    } finally {
      await db.stop();
    }
  });
});
