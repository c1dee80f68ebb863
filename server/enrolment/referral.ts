import "server-only";
import { db } from "../db/client";
import type { EnrolmentStatus, QueuePriority } from "../db/generated/enums";
import { fillFreeSeats, helsinkiDate } from "./seats";
import { queuePosition as positionOf } from "./queue";
import { retrying } from "./transaction";
import { fail, type EngineActor, type EngineErrorCode, type Result } from "./types";

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ReferralRow {
  failure: EngineErrorCode | null;
  seatFree: boolean | null;
  id: string | null;
  status: EnrolmentStatus | null;
  offerExpiresAt: Date | null;
}

/**
 * An official refers a client of their own office to a published course in its referral period.
 * A free seat is offered at once (or confirmed, on a course that confirms on referral, which
 * withdraws the client's other queue places) unless the client holds a seat elsewhere; otherwise
 * the client joins the queue.
 *
 * This is the hottest path in a burst, so it is one atomic statement: lock the course, then the
 * client (the engine's lock order), check, insert the enrolment with its event and outbox message.
 * The seat decision reads the locked course row as it is after any earlier referral (PostgreSQL
 * re-reads a row it waited for); a duplicate that the statement's snapshot could not yet see is
 * stopped by the partial unique indexes and the statement is retried, when it sees it. The queue
 * position is read after commit, so it counts everyone who was referred before.
 */
export async function referClient(input: ReferralInput): Promise<Result<Referral>> {
  const { actor } = input;
  const now = input.now ?? new Date();
  const priority = input.priority ?? "NORMAL";
  const reason = input.reason?.trim() || null;
  if (actor.kind !== "USER" || actor.user.role !== "OFFICIAL" || !actor.user.organisationId) return fail("FORBIDDEN");
  if (priority === "URGENT" && !reason) return fail("REASON_REQUIRED");
  if (!UUID.test(input.courseId) || !UUID.test(input.clientId)) return fail("NOT_FOUND");
  const officeId = actor.user.organisationId;
  const userId = actor.user.userId;
  const note = input.note?.trim() || null;
  const today = helsinkiDate(now);
  const prisma = db();

  const rows = await retrying(
    () => prisma.$queryRaw<ReferralRow[]>`
          WITH c AS (SELECT * FROM "Course" WHERE id = ${input.courseId}::uuid FOR UPDATE),
          -- The EXISTS is evaluated before the client row is locked, so the course is always locked first.
          locked_client AS (
            SELECT id, "officeId", "anonymisedAt", email, "preferredLanguage" FROM "Client"
            WHERE id = ${input.clientId}::uuid AND EXISTS (SELECT 1 FROM c) FOR UPDATE
          ),
          cl AS (
            SELECT id, email, "preferredLanguage"::text AS lang FROM locked_client
            WHERE "officeId" = ${officeId}::uuid AND "anonymisedAt" IS NULL
          ),
          decision AS (
            SELECT
              CASE
                WHEN c.id IS NULL THEN 'NOT_FOUND'
                WHEN c.status = 'DRAFT' THEN 'COURSE_NOT_PUBLISHED'
                WHEN c.status = 'CLOSED' THEN 'COURSE_CLOSED'
                WHEN c.status = 'CANCELLED' THEN 'COURSE_CANCELLED'
                WHEN ${today}::date < c."referralOpensOn" OR ${today}::date > c."referralClosesOn" THEN 'REFERRAL_PERIOD_NOT_OPEN'
                WHEN cl.id IS NULL THEN 'NOT_FOUND'
                WHEN EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = cl.id AND e."courseId" = c.id
                             AND e.status IN ('WAITLISTED', 'OFFERED', 'CONFIRMED', 'STARTED')) THEN 'ALREADY_ENROLLED'
              END AS failure,
              -- A free seat goes to a newcomer only when nobody already waits for this course; otherwise the
              -- newcomer queues and the seat goes to the first in the queue (fillFreeSeats, right after).
              (CASE
                WHEN c."seatsHeld" < c.capacity
                  AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = cl.id AND h.status IN ('OFFERED', 'CONFIRMED', 'STARTED'))
                  AND NOT EXISTS (SELECT 1 FROM "Enrolment" q WHERE q."courseId" = c.id AND q.status = 'WAITLISTED')
                THEN CASE WHEN c."confirmOnReferral" THEN 'CONFIRMED' ELSE 'OFFERED' END
                ELSE 'WAITLISTED'
              END)::"EnrolmentStatus" AS status,
              c."seatsHeld" < c.capacity AS "seatFree"
            FROM (SELECT 1) one LEFT JOIN c ON true LEFT JOIN cl ON true
          ),
          ins AS (
            INSERT INTO "Enrolment" (id, "clientId", "courseId", status, priority, "priorityReason", "queueOrder", "referredAt",
              "referredById", "referralNote", "offeredAt", "offerExpiresAt", "confirmedAt", "createdAt", "updatedAt")
            SELECT gen_random_uuid(), cl.id, c.id, d.status, ${priority}::"QueuePriority",
              CASE WHEN ${priority} = 'URGENT' THEN ${reason} END, ${now.getTime()}, ${now}, ${userId}::uuid, ${note},
              CASE WHEN d.status = 'OFFERED' THEN ${now}::timestamptz END,
              CASE WHEN d.status = 'OFFERED' THEN ${now}::timestamptz + make_interval(hours => c."offerResponseHours") END,
              CASE WHEN d.status = 'CONFIRMED' THEN ${now}::timestamptz END,
              ${now}, ${now}
            FROM decision d, c, cl WHERE d.failure IS NULL
            RETURNING id, status, priority, "queueOrder", "referredAt", "offerExpiresAt"
          ),
          placed AS (SELECT * FROM ins),
          event AS (
            INSERT INTO "EnrolmentEvent" ("enrolmentId", at, "actorKind", "actorUserId", "fromStatus", "toStatus", reason, data)
            SELECT id, ${now}, 'USER', ${userId}::uuid, NULL, status, ${reason}, '{"referral": true}'::jsonb FROM ins
          ),
          withdrawn AS (
            UPDATE "Enrolment" w SET status = 'WITHDRAWN', "statusReason" = 'Placed on another course', "endedAt" = ${now}, "updatedAt" = ${now}
            FROM ins WHERE ins.status = 'CONFIRMED' AND w."clientId" = ${input.clientId}::uuid AND w.id <> ins.id AND w.status = 'WAITLISTED'
            RETURNING w.id, w."courseId", ins.id AS "placedId"
          ),
          withdrawal_events AS (
            INSERT INTO "EnrolmentEvent" ("enrolmentId", at, "actorKind", "actorUserId", "fromStatus", "toStatus", reason, data)
            SELECT id, ${now}, 'USER', ${userId}::uuid, 'WAITLISTED', 'WITHDRAWN', 'Placed on another course', jsonb_build_object('placedEnrolmentId', "placedId")
            FROM withdrawn
          ),
          notices AS (
            INSERT INTO "OutboxMessage" (id, template, "messageId", locale, "recipientEmail", "clientId", "enrolmentId", payload, "nextAttemptAt", "createdAt", "updatedAt")
            SELECT gen_random_uuid(), n.template, '<' || gen_random_uuid() || '@koulutusportti.invalid>', cl.lang, cl.email, cl.id, n."enrolmentId", n.payload, ${now}, ${now}, ${now}
            FROM cl, (
              SELECT CASE p.status WHEN 'WAITLISTED' THEN 'client/referral_received' WHEN 'OFFERED' THEN 'client/seat_offered' ELSE 'client/seat_confirmed' END AS template,
                p.id AS "enrolmentId",
                jsonb_build_object('courseId', c.id, 'courseName', c.name, 'offerExpiresAt', p."offerExpiresAt") AS payload
              FROM placed p, c
              UNION ALL
              SELECT 'client/queue_place_withdrawn', w.id, jsonb_build_object('courseId', k.id, 'courseName', k.name)
              FROM withdrawn w JOIN "Course" k ON k.id = w."courseId"
            ) n
            WHERE cl.email IS NOT NULL
          )
          SELECT d.failure, d."seatFree", p.id, p.status, p."offerExpiresAt"
          FROM decision d LEFT JOIN placed p ON true`,
  );
  const row = rows[0]!;
  if (row.failure) return fail(row.failure);
  // Queued although a seat is free: someone waits ahead (or this client holds a seat elsewhere);
  // the seat goes to the first eligible person in queue order, possibly this one.
  let { status, offerExpiresAt } = row as { status: EnrolmentStatus; offerExpiresAt: Date | null };
  if (status === "WAITLISTED" && row.seatFree) {
    await fillFreeSeats(input.courseId, now);
    ({ status, offerExpiresAt } = await prisma.enrolment.findUniqueOrThrow({ where: { id: row.id! }, select: { status: true, offerExpiresAt: true } }));
  }
  const queuePosition = status === "WAITLISTED" ? await positionOf(prisma, row.id!) : null;
  return { ok: true, enrolment: { id: row.id!, status, queuePosition, offerExpiresAt } };
}
