import "server-only";
import pg from "pg";
import { env } from "../env";
import { logger } from "../logger";

// The process's connection pool, on its own so that code which needs only the pool (the rate
// limits that proxy.ts consults) does not load the Prisma client. Kept on globalThis so Next's dev
// reloads and the proxy share one pool with the rest of the process; Prisma runs on it too
// (client.ts).
const holder = globalThis as { koulutusporttiPool?: pg.Pool };

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

/** Forgets the process's pool after closing it (closeDb in client.ts). */
export async function closePool(): Promise<void> {
  const pool = holder.koulutusporttiPool;
  holder.koulutusporttiPool = undefined;
  await pool?.end();
}
