import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { closePool, sql } from "./pool";

export { sql };

export type { PrismaClient };
export * as Db from "./generated/client";

export function createPrismaClient(url: string, poolMax: number): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }) });
}

// One pool per process (pool.ts). Prisma runs on it, and so do the few hot-path statements that
// use it directly (sql()): Prisma spends about three times the CPU of plain pg on each query
// (docs/decisions/003-enrolment-engine.md). Sharing the pool keeps one connection limit per
// process, which the embedded PGlite needs.
const holder = globalThis as { koulutusporttiPrisma?: PrismaClient };

export function db(): PrismaClient {
  holder.koulutusporttiPrisma ??= new PrismaClient({ adapter: new PrismaPg(sql()) });
  return holder.koulutusporttiPrisma;
}

/** Closes the process's Prisma client and pool (scripts that end on their own). */
export async function closeDb(): Promise<void> {
  const prisma = holder.koulutusporttiPrisma;
  holder.koulutusporttiPrisma = undefined;
  await prisma?.$disconnect();
  await closePool();
}
