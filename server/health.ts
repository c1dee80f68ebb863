import "server-only";
import { defaultPaths, migrationNames } from "./db/migration-files";
import { db, type PrismaClient } from "./db/client";

export interface Health {
  status: "ok" | "degraded" | "down";
  database: "up" | "down";
  migrations: { applied: number; pending: string[] } | null;
}

const TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS).unref()),
  ]);
}

/** Database reachability and whether every migration on disk has been applied. */
export async function checkHealth(prisma: PrismaClient = db()): Promise<Health> {
  try {
    const rows = await withTimeout(
      prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const onDisk = await migrationNames(defaultPaths().migrationsDir);
    const pending = onDisk.filter((n) => !applied.has(n)).sort();
    return { status: pending.length ? "degraded" : "ok", database: "up", migrations: { applied: applied.size, pending } };
  } catch {
    return { status: "down", database: "down", migrations: null };
  }
}
