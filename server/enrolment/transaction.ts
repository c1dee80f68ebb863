import "server-only";
import type { Prisma } from "../db/generated/client";
import { db } from "../db/client";

export type Tx = Prisma.TransactionClient;

// Serialization failures and deadlocks; and the two enrolment indexes, which only trip when a
// concurrent transaction wrote the client's seat or place after this statement's snapshot: a retry sees it.
const RETRYABLE = new Set(["P2034", "40001", "40P01"]);

const RETRYABLE_INDEXES = ["Enrolment_one_held_seat_per_client", "Enrolment_one_live_per_client_course"];

function isRetryable(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } }; message?: string };
  const described = `${e.message ?? ""} ${JSON.stringify(e.meta ?? {})}`;
  return (
    RETRYABLE.has(e.code ?? "") ||
    RETRYABLE.has(e.meta?.code ?? "") ||
    RETRYABLE.has(e.meta?.driverAdapterError?.cause?.originalCode ?? "") ||
    /deadlock detected|could not serialize/.test(described) ||
    RETRYABLE_INDEXES.some((index) => described.includes(index))
  );
}

/**
 * Every engine verb runs in its own READ COMMITTED transaction with explicit row locks (course
 * first, then client). A deadlock or serialization failure, which the lock order makes rare,
 * is retried a few times.
 */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return retrying(() => db().$transaction(work, { isolationLevel: "ReadCommitted", maxWait: 60_000, timeout: 30_000 }));
}

export async function retrying<T>(attemptOnce: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (error) {
      if (attempt >= 5 || !isRetryable(error)) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}
