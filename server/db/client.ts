import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "../env";
import { logger } from "../logger";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };
export * as Db from "./generated/client";

export function createPrismaClient(url: string, poolMax: number): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }) });
}

// One pool per process, kept on globalThis so Next's dev reloads don't open new ones. Prisma runs
// on it, and so do the few hot-path statements that use it directly (sql()): Prisma spends about
// three times the CPU of plain pg on each query (docs/decisions/003-enrolment-engine.md). Sharing
// the pool keeps one connection limit per process, which the embedded PGlite needs.
const holder = globalThis as { koulutusporttiPrisma?: PrismaClient; koulutusporttiPool?: pg.Pool };

/** The process's connection pool, for hand-written hot-path statements. */
export function sql(): pg.Pool {
  if (!holder.koulutusporttiPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_MAX });
    // An idle connection the server closed (restart, failover) is dropped from the pool; without a
    // listener the error would end the process.
    pool.on("error", (error: Error & { code?: string }) => logger.warn({ code: error.code, reason: error.message }, "database connection lost"));
    holder.koulutusporttiPool = pool;
  }
  return holder.koulutusporttiPool;
}

export function db(): PrismaClient {
  holder.koulutusporttiPrisma ??= new PrismaClient({ adapter: new PrismaPg(sql()) });
  return holder.koulutusporttiPrisma;
}

/** Closes the process's Prisma client and pool (scripts that end on their own). */
export async function closeDb(): Promise<void> {
  const { koulutusporttiPrisma: prisma, koulutusporttiPool: pool } = holder;
  holder.koulutusporttiPrisma = undefined;
  holder.koulutusporttiPool = undefined;
  await prisma?.$disconnect();
  await pool?.end();
}
