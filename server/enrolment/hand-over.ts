import "server-only";
import type { EnrolmentStatus } from "../db/generated/enums";
import { Prisma } from "../db/generated/client";
import { clientNotice, queueNotice } from "./notifications";
import { lockClient, lockCourse, lockEnrolment, type EnrolmentRow, type LockedClient, type LockedCourse } from "./locks";
import { transition } from "./transitions";
import { formatDate, helsinkiToday } from "../../lib/dates";
import { inTransaction, type Tx } from "./transaction";
import type { EngineActor } from "./types";

// Seat hand-over: who may hold a seat, giving a freed seat to the first eligible person in the
// queue, and settling a client's other places when they take one (the one-seat rule).

/**
 * Whether the client holds a seat that rules out another offer: an offered, confirmed or started
 * seat, but not a conditional one (a client on a conditional seat still waits for the courses they
 * ranked higher). The SQL twin, for queries over many clients, is `holdsUnconditionalSeat`.
 */
export async function clientHoldsSeat(tx: Tx, clientId: string, exceptEnrolmentId?: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Enrolment" WHERE "clientId" = ${clientId}::uuid AND NOT conditional
        AND enrolment_holds_seat(status) AND id <> ${exceptEnrolmentId ?? "00000000-0000-0000-0000-000000000000"}::uuid
    ) AS held`;
  return rows[0]?.held ?? false;
}

/** SQL: the client in `clientColumn` holds a seat that rules out another offer (see clientHoldsSeat). */
export function holdsUnconditionalSeat(clientColumn: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = ${Prisma.raw(clientColumn)} AND enrolment_holds_seat(h.status) AND NOT h.conditional)`;
}

/** Courses hand out seats while published or closed for referrals, until they end. */
export function acceptsSeats(course: Pick<LockedCourse, "status" | "endsOn">, now: Date): boolean {
  return (course.status === "PUBLISHED" || course.status === "CLOSED") && formatDate(course.endsOn) >= helsinkiToday(now);
}

/** The calendar date in Finland (YYYY-MM-DD): referral periods and course ends are Finnish dates. */

export function offerDeadline(course: Pick<LockedCourse, "offerResponseHours">, now: Date): Date {
  return new Date(now.getTime() + course.offerResponseHours * 3_600_000);
}

/**
 * Gives a held seat to a waitlisted or newly referred enrolment: OFFERED with a deadline, or
 * CONFIRMED at once on a course that confirms on referral (which settles the client's other
 * places, see settlePlaces). Returns the new status and the courses whose seats that released.
 */
export async function grantSeat(
  tx: Tx,
  course: LockedCourse,
  client: LockedClient,
  enrolment: Pick<EnrolmentRow, "id" | "status" | "preferenceRank">,
  options: { actor: EngineActor; now: Date; reason?: string | null; data?: Prisma.InputJsonObject },
): Promise<{ to: EnrolmentStatus; released: string[] } | null> {
  const to: EnrolmentStatus = course.confirmOnReferral ? "CONFIRMED" : "OFFERED";
  const deadline = to === "OFFERED" ? offerDeadline(course, options.now) : null;
  // A conditional seat must go before this one is confirmed unconditionally (one held seat).
  const released = to === "CONFIRMED" ? await releaseConditionalSeat(tx, client, enrolment.id, course.name, options) : [];
  const moved = await transition(tx, enrolment, to, { ...options, patch: { offerExpiresAt: deadline } });
  if (!moved) return null;
  if (to === "CONFIRMED") {
    released.push(...(await settlePlaces(tx, client, { id: enrolment.id, preferenceRank: enrolment.preferenceRank }, { ...options, conditional: false })));
    await queueNotice(tx, clientNotice("client/seat_confirmed", client, enrolment.id, course));
  } else {
    const preferred = await placesRankedAbove(tx, client.id, enrolment);
    await queueNotice(tx, {
      ...clientNotice("client/seat_offered", client, enrolment.id, course),
      payload: { courseId: course.id, courseName: course.name, offerExpiresAt: deadline!.toISOString(), conditionalAvailable: preferred.length > 0, preferredCourses: preferred.map((p) => p.courseName) },
    });
  }
  return { to, released };
}

/** The client's queue places ranked above this one (smaller rank; an unranked place is last): what a conditional acceptance keeps. */
export async function placesRankedAbove(tx: Tx, clientId: string, enrolment: Pick<EnrolmentRow, "id" | "preferenceRank">): Promise<{ id: string; courseId: string; courseName: string }[]> {
  return tx.$queryRaw`
    SELECT e.id, e."courseId", k.name AS "courseName" FROM "Enrolment" e JOIN "Course" k ON k.id = e."courseId"
    WHERE e."clientId" = ${clientId}::uuid AND e.id <> ${enrolment.id}::uuid AND e.status = 'WAITLISTED'
      AND e."preferenceRank" IS NOT NULL AND e."preferenceRank" < ${enrolment.preferenceRank ?? 2_147_483_647}
    ORDER BY e."preferenceRank"`;
}

/**
 * Accepting another seat releases the client's conditional seat (if any): WITHDRAWN, and the client
 * is told why. Returns the course to refill after commit.
 */
export async function releaseConditionalSeat(tx: Tx, client: LockedClient, keptEnrolmentId: string, keptCourseName: string, options: { actor: EngineActor; now: Date }): Promise<string[]> {
  const seat = await tx.enrolment.findFirst({
    where: { clientId: client.id, status: "CONFIRMED", conditional: true, id: { not: keptEnrolmentId } },
    select: { id: true, status: true, course: { select: { id: true, name: true } } },
  });
  if (!seat) return [];
  const moved = await transition(tx, seat, "WITHDRAWN", { ...options, reason: "Accepted a seat ranked higher", data: { placedEnrolmentId: keptEnrolmentId } });
  if (!moved) return [];
  await queueNotice(tx, { ...clientNotice("client/conditional_seat_released", client, seat.id, seat.course), payload: { courseId: seat.course.id, courseName: seat.course.name, placedCourseName: keptCourseName } });
  return [seat.course.id];
}

/**
 * After a seat is accepted (or confirmed at once): the one-seat rule ends the client's other
 * places. An unconditional seat ends all of them and places the client's pooled referrals; a
 * conditional one keeps the queue places ranked above it. Returns courses whose seats this released.
 */
export async function settlePlaces(
  tx: Tx,
  client: LockedClient,
  kept: Pick<EnrolmentRow, "id" | "preferenceRank">,
  options: { actor: EngineActor; now: Date; conditional: boolean },
): Promise<string[]> {
  const keep = options.conditional ? new Set((await placesRankedAbove(tx, client.id, kept)).map((p) => p.id)) : new Set<string>();
  const others = await tx.enrolment.findMany({
    where: { clientId: client.id, id: { not: kept.id }, status: { in: ["WAITLISTED", "OFFERED"] } },
    select: { id: true, status: true, course: { select: { id: true, name: true } } },
    orderBy: { courseId: "asc" },
  });
  const released: string[] = [];
  for (const other of others) {
    if (keep.has(other.id)) continue;
    const moved = await transition(tx, other, "WITHDRAWN", { ...options, reason: "Placed on another course", data: { placedEnrolmentId: kept.id } });
    if (!moved) continue;
    if (other.status === "OFFERED") released.push(other.course.id);
    await queueNotice(tx, clientNotice("client/queue_place_withdrawn", client, other.id, other.course));
  }
  if (!options.conditional) {
    await tx.queueEntry.updateMany({
      where: { clientId: client.id, status: "ACTIVE" },
      data: { status: "PLACED", statusReason: "Placed on a course", endedAt: options.now },
    });
  }
  return released;
}

/**
 * Offers the course's free seats to the first eligible people in its queue, one seat per short
 * transaction (course lock, then that one client's lock), so no transaction ever holds two client
 * locks and the lock order cannot deadlock. Returns how many seats were given.
 */
export async function fillFreeSeats(courseId: string, now: Date): Promise<number> {
  let granted = 0;
  const released: string[] = [];
  // A retry means a candidate changed under us (another course just seated them); many in a row
  // would mean a bug, and the minute job tries again later rather than spinning here.
  for (let retries = 0; retries < 20; ) {
    const outcome = await inTransaction(async (tx) => {
      const course = await lockCourse(tx, courseId);
      if (!course || !acceptsSeats(course, now) || course.seatsHeld >= course.capacity) return "done" as const;
      // One order for everyone who waits for this course, referred to it alone or through a pool:
      // priority group, then the queue key (the referral time unless a provider moved it).
      const [candidate] = await tx.$queryRaw<{ id: string; clientId: string; skipped: number }[]>`
        SELECT e.id, e."clientId",
               (SELECT count(*)::int FROM "Enrolment" s WHERE s."courseId" = e."courseId" AND s.status = 'WAITLISTED'
                  AND (s.priority, s."queueOrder", s."referredAt", s.id) < (e.priority, e."queueOrder", e."referredAt", e.id)) AS skipped
        FROM "Enrolment" e
        WHERE e."courseId" = ${courseId}::uuid AND e.status = 'WAITLISTED' AND NOT ${holdsUnconditionalSeat('e."clientId"')}
        ORDER BY e.priority, e."queueOrder", e."referredAt", e.id
        LIMIT 1`;
      if (!candidate) return "done" as const;
      const client = await lockClient(tx, candidate.clientId);
      const enrolment = await lockEnrolment(tx, candidate.id);
      // Re-check under the client lock: another course may have just given this client a seat.
      if (!client || enrolment?.status !== "WAITLISTED" || (await clientHoldsSeat(tx, client.id))) return "retry" as const;
      // Recorded with why: the rule, and how many ahead were passed over for holding a seat elsewhere.
      const data = { rule: "priority, then referral time", pooled: enrolment.queueEntryId !== null, passedOver: candidate.skipped };
      const grant = await grantSeat(tx, course, client, enrolment, { actor: { kind: "SYSTEM" }, now, reason: "Seat freed: next in the queue", data });
      if (!grant) return "retry" as const;
      released.push(...grant.released);
      return "granted" as const;
    });
    if (outcome === "done") break;
    if (outcome === "granted") granted++;
    else retries++;
  }
  for (const other of released) if (other !== courseId) await fillFreeSeats(other, now);
  return granted;
}

/**
 * Courses where a client waits: after their seat is released they may be next there. In the
 * client's order of preference (ranked choices first, then the soonest start), so when they are
 * next on several, the course they prefer offers first; and the same every time (no arbitrary order).
 */
export async function coursesWhereClientWaits(clientId: string, tx: Pick<Tx, "enrolment">): Promise<string[]> {
  const rows = await tx.enrolment.findMany({
    where: { clientId, status: "WAITLISTED" },
    select: { courseId: true },
    orderBy: [{ preferenceRank: { sort: "asc", nulls: "last" } }, { course: { startsOn: "asc" } }, { courseId: "asc" }],
  });
  return rows.map((r) => r.courseId);
}

/** After a seat is released: refill that course, then the courses where the released client waits. */
export async function afterSeatReleased(db: Pick<Tx, "enrolment">, courseId: string, clientId: string, now: Date): Promise<void> {
  await fillFreeSeats(courseId, now);
  for (const other of await coursesWhereClientWaits(clientId, db)) await fillFreeSeats(other, now);
}
