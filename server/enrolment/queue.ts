import "server-only";
import type { QueuePriority } from "../db/generated/enums";
import type { Tx } from "./transaction";

// One total order per course queue: priority group (URGENT first), then the queue key, which is
// the referral time in epoch milliseconds unless a provider moved the place; referral time and id
// break ties. Positions are computed from that order on every read, so they are always dense (1..n).

export async function queuePosition(tx: Pick<Tx, "$queryRaw">, enrolmentId: string): Promise<number | null> {
  return (await queuePositions(tx, [enrolmentId])).get(enrolmentId) ?? null;
}

/** The positions of those of these enrolments that are waitlisted, in one query. */
export async function queuePositions(tx: Pick<Tx, "$queryRaw">, enrolmentIds: string[]): Promise<Map<string, number>> {
  if (enrolmentIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; position: bigint }[]>`
    SELECT me.id, (
      SELECT count(*) + 1 FROM "Enrolment" o
      WHERE o."courseId" = me."courseId" AND o.status = 'WAITLISTED'
        AND (o.priority, o."queueOrder", o."referredAt", o.id) < (me.priority, me."queueOrder", me."referredAt", me.id)
    ) AS position
    FROM "Enrolment" me WHERE me.id = ANY(${enrolmentIds}::uuid[]) AND me.status = 'WAITLISTED'`;
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

export interface QueueEntry {
  id: string;
  priority: QueuePriority;
  queueOrder: number;
}

export async function waitlist(tx: Pick<Tx, "$queryRaw">, courseId: string): Promise<QueueEntry[]> {
  return tx.$queryRaw<QueueEntry[]>`
    SELECT id, priority, "queueOrder" FROM "Enrolment"
    WHERE "courseId" = ${courseId}::uuid AND status = 'WAITLISTED'
    ORDER BY priority, "queueOrder", "referredAt", id`;
}

/**
 * The queue key and priority group that put `self` at `position` (1-based) among `others` (the
 * queue without it). The entry joins the group of the place it moves into; moved to the end of its
 * group it is keyed by the time of the move, so people referred later still queue behind it.
 */
export function placeAt(
  others: QueueEntry[],
  position: number,
  self: Pick<QueueEntry, "priority" | "queueOrder">,
  now: Date,
): { priority: QueuePriority; queueOrder: number } | null {
  if (!Number.isInteger(position) || position < 1 || position > others.length + 1) return null;
  const before = others[position - 2];
  const after = others[position - 1];
  if (!before && !after) return { priority: self.priority, queueOrder: self.queueOrder };
  const priority = after?.priority ?? before?.priority ?? self.priority;
  const sameBefore = before && before.priority === priority ? before : undefined;
  const sameAfter = after && after.priority === priority ? after : undefined;
  let queueOrder: number;
  if (sameBefore && sameAfter) queueOrder = (sameBefore.queueOrder + sameAfter.queueOrder) / 2;
  else if (sameAfter) queueOrder = sameAfter.queueOrder - 1000;
  else if (sameBefore) queueOrder = Math.max(sameBefore.queueOrder + 1, now.getTime());
  else queueOrder = now.getTime();
  // Between two keys that are too close to split, the caller renumbers the queue first.
  if (sameBefore && sameAfter && !(queueOrder > sameBefore.queueOrder && queueOrder < sameAfter.queueOrder)) return null;
  return { priority, queueOrder };
}

/** Spreads the queue keys out again, keeping the order (used when two neighbours are too close). */
export async function renumberQueue(tx: Tx, courseId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Enrolment" e SET "queueOrder" = r.n * 1000
    FROM (SELECT id, row_number() OVER (ORDER BY priority, "queueOrder", "referredAt", id) AS n
          FROM "Enrolment" WHERE "courseId" = ${courseId}::uuid AND status = 'WAITLISTED') r
    WHERE e.id = r.id`;
}
