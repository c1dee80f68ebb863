import "server-only";
import { db, sql } from "../db/client";
import type { EnrolmentStatus, QueuePriority } from "../db/generated/enums";
import { helsinkiToday } from "../../lib/dates";
import { fillFreeSeats } from "./hand-over";
import { queuePosition as positionOf } from "./queue";
import { retrying } from "./transaction";
import { fail, isUuid, type EngineActor, type EngineErrorCode, type Result } from "./types";

export interface ReferralInput {
  actor: EngineActor;
  clientId: string;
  courseId: string;
  priority?: QueuePriority;
  /** Why the place is urgent (required for URGENT). */
  reason?: string | null;
  /** The official's note for the provider. */
  note?: string | null;
  now?: Date;
}

export interface Referral {
  enrolment: { id: string; status: EnrolmentStatus; queuePosition: number | null; offerExpiresAt: Date | null };
}

interface ReferralRow {
  failure: EngineErrorCode | null;
  needs_fill: boolean | null;
  enrolment_id: string | null;
  status: EnrolmentStatus | null;
  offer_expires_at: Date | null;
  queue_position: number | null;
}

/**
 * An official refers a client of their own office to a published course in its referral period.
 * A free seat is offered at once (or confirmed, on a course that confirms on referral, which
 * withdraws the client's other queue places) unless the client holds a seat elsewhere; otherwise
 * the client joins the queue.
 *
 * This is the hottest path in a burst, so it is one call of the SQL function refer_client
 * (prisma/sql/020_refer_client.sql): it locks the course, then the client (the engine's lock
 * order), checks, writes the enrolment with its event and outbox message, and takes the queue key
 * and counts the position under the course lock, so the place it answers with is kept. Each
 * statement in it sees everything committed before the locks were granted; a duplicate that still
 * slips through is stopped by the partial unique indexes and retried.
 */
export async function referClient(input: ReferralInput): Promise<Result<Referral>> {
  const { actor } = input;
  const now = input.now ?? new Date();
  const priority = input.priority ?? "NORMAL";
  const reason = input.reason?.trim() || null;
  if (actor.kind !== "USER" || actor.user.role !== "OFFICIAL" || !actor.user.organisationId) return fail("FORBIDDEN");
  if (priority === "URGENT" && !reason) return fail("REASON_REQUIRED");
  if (!isUuid(input.courseId) || !isUuid(input.clientId)) return fail("NOT_FOUND");
  const officeId = actor.user.organisationId;
  const userId = actor.user.userId;
  const note = input.note?.trim() || null;
  const today = helsinkiToday(now);

  const { rows } = await retrying(() =>
    sql().query<ReferralRow>({
      // Named: each connection parses and plans it once.
      name: "refer_client",
      text: `SELECT * FROM refer_client($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::"QueuePriority", $6, $7, $8::timestamptz, $9::date)`,
      values: [input.courseId, input.clientId, officeId, userId, priority, reason, note, now, today],
    }),
  );
  const row = rows[0]!;
  if (row.failure) return fail(row.failure);
  const id = row.enrolment_id!;
  if (!row.needs_fill) {
    return { ok: true, enrolment: { id, status: row.status!, queuePosition: row.queue_position, offerExpiresAt: row.offer_expires_at } };
  }
  // Queued although a seat is free and someone eligible waits: the seat goes to the first
  // eligible person in queue order, possibly this one.
  await fillFreeSeats(input.courseId, now);
  const { status, offerExpiresAt } = await db().enrolment.findUniqueOrThrow({ where: { id }, select: { status: true, offerExpiresAt: true } });
  const queuePosition = status === "WAITLISTED" ? await positionOf(db(), id) : null;
  return { ok: true, enrolment: { id, status, queuePosition, offerExpiresAt } };
}
