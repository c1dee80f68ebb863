// Where migrations live and what is on disk; no engine here, so the web server can use it cheaply.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
  /** SQL functions, one source file each, applied after the migrations on every deploy. */
  definitionsDir: string;
}

export interface MigrationDir {
  name: string;
  sql: string;
}

export function defaultPaths(root = process.cwd()): MigrationPaths {
  return {
    schemaPath: resolve(root, "prisma/schema.prisma"),
    migrationsDir: resolve(root, "prisma/migrations"),
    definitionsDir: resolve(root, "prisma/sql"),
  };
}

/** Migration directory names in the order Prisma applies them. */
export async function migrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir).catch(() => [] as string[]);
  const names: string[] = [];
  for (const name of entries.sort()) {
    if ((await stat(join(migrationsDir, name))).isDirectory()) names.push(name);
  }
  return names;
}

export async function readMigrationDirs(migrationsDir: string): Promise<MigrationDir[]> {
  const names = await migrationNames(migrationsDir);
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(join(migrationsDir, name, "migration.sql"), "utf8") })),
  );
}

/** The SQL definition files (prisma/sql/NNN_name.sql) in the order they are applied. */
export async function readSqlDefinitions(definitionsDir: string): Promise<MigrationDir[]> {
  const names = (await readdir(definitionsDir)).filter((name) => name.endsWith(".sql")).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(definitionsDir, name), "utf8") })));
}
