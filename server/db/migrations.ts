// Deploy and author migrations in Prisma's standard layout (prisma/migrations/<ts>_<name>/migration.sql,
// history in `_prisma_migrations`) through the WebAssembly schema engine.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { defaultPaths, readMigrationDirs, readSqlDefinitions, type MigrationDir, type MigrationPaths } from "./migration-files";
import { openSchemaEngine, type SchemaEngine, type ShadowDatabase } from "./schema-engine";

const LOCKFILE = 'provider = "postgresql"\n';
export { defaultPaths, type MigrationPaths };

const noFilters = { externalTables: [], externalEnums: [] };

function migrationsList(migrationsDir: string, dirs: MigrationDir[]) {
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: LOCKFILE },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map(({ name, sql }) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: sql } },
    })),
  };
}

async function withEngine<T>(
  url: string,
  paths: MigrationPaths,
  shadow: ShadowDatabase | null,
  run: (engine: SchemaEngine, schemaText: string) => Promise<T>,
): Promise<T> {
  const schemaText = await readFile(paths.schemaPath, "utf8");
  const { engine, close } = await openSchemaEngine({
    url,
    schemaPath: paths.schemaPath,
    schemaText,
    shadow: shadow ?? (await shadowFor(url)),
  });
  try {
    return await run(engine, schemaText);
  } finally {
    await close();
  }
}

/** A PGlite server (one database) needs an in-memory shadow; a PostgreSQL server gets a sibling. */
export async function shadowFor(url: string): Promise<ShadowDatabase> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version() AS version");
    return rows[0]?.version.includes("PGlite") ? { kind: "pglite-memory" } : { kind: "sibling" };
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations, then every SQL definition in prisma/sql; returns the names of the
 * migrations applied now (empty when up to date).
 */
export async function applyMigrations(url: string, paths = defaultPaths()): Promise<string[]> {
  const dirs = await readMigrationDirs(paths.migrationsDir);
  const applied = await withEngine(url, paths, null, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: migrationsList(paths.migrationsDir, dirs),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  });
  await applySqlDefinitions(url, paths.definitionsDir);
  return applied;
}

// Any constant will do; it only keeps two deploys from replacing the functions at once.
const DEFINITIONS_LOCK = 7_246_001;

/**
 * A SQL function kept in a migration has as many versions as migrations that replace it; kept in
 * prisma/sql it has one, which every deploy (and every test database) gets. Each file is
 * idempotent (CREATE OR REPLACE), and all are applied in one transaction.
 */
async function applySqlDefinitions(url: string, definitionsDir: string): Promise<void> {
  const definitions = await readSqlDefinitions(definitionsDir);
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [DEFINITIONS_LOCK]);
    for (const { name, sql } of definitions) {
      try {
        await client.query(sql);
      } catch (error) {
        throw new Error(`prisma/sql/${name}: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** SQL that would bring a database built from the migrations to `schema.prisma`; "" when in sync. */
export async function diffMigrationsToSchema(
  url: string,
  paths = defaultPaths(),
  shadow: ShadowDatabase | null = null,
): Promise<string> {
  const dirs = await readMigrationDirs(paths.migrationsDir);
  return withEngine(url, paths, shadow, async (engine, schemaText) => {
    const from = dirs.length
      ? { tag: "migrations" as const, ...migrationsList(paths.migrationsDir, dirs) }
      : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: paths.schemaPath, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  });
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the diff; null when nothing changed. */
export async function createMigration(
  url: string,
  name: string,
  paths = defaultPaths(),
  now = new Date(),
): Promise<{ dir: string; sql: string } | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Migration name must be snake_case: ${name}`);
  const sql = await diffMigrationsToSchema(url, paths);
  if (!sql) return null;
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = `${stamp}_${name}`;
  await mkdir(join(paths.migrationsDir, dir), { recursive: true });
  await writeFile(join(paths.migrationsDir, dir, "migration.sql"), sql);
  await writeFile(join(paths.migrationsDir, "migration_lock.toml"), LOCKFILE);
  return { dir, sql };
}
