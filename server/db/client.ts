import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };
export * as Db from "./generated/client";

export function createPrismaClient(url: string, poolMax: number): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }) });
}

// One client per process; kept on globalThis so Next's dev reloads don't open new pools.
const holder = globalThis as { koulutusporttiPrisma?: PrismaClient };

export function db(): PrismaClient {
  holder.koulutusporttiPrisma ??= createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_MAX);
  return holder.koulutusporttiPrisma;
}
