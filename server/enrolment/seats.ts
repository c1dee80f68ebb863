import "server-only";
import type { CourseStatus, EnrolmentStatus, QueuePriority } from "../db/generated/enums";
import type { Prisma } from "../db/generated/client";
import { queueNotice } from "./notifications";
import { canTransition, holdsSeat } from "./states";
import { inTransaction, type Tx } from "./transaction";
import type { EngineActor } from "./types";

// The seat mechanics every verb shares: row locks in one order (course, then client), guarded
// transitions that always write their event, and handing freed seats to the queue.

export interface LockedCourse {
  id: string;
  providerId: string;
  name: string;
  status: CourseStatus;
  capacity: number;
  seatsHeld: number;
  offerResponseHours: number;
  confirmOnReferral: boolean;
  referralOpensOn: Date | null;
  referralClosesOn: Date | null;
  endsOn: Date;
  startsOn: Date;
}

export interface LockedClient {
  id: string;
  officeId: string;
  email: string | null;
  preferredLanguage: string;
  anonymisedAt: Date | null;
}

export interface EnrolmentRow {
  id: string;
  clientId: string;
  courseId: string;
  status: EnrolmentStatus;
  priority: QueuePriority;
  queueOrder: number;
  referredAt: Date;
  referredById: string | null;
  offerExpiresAt: Date | null;
}

export async function lockCourse(tx: Tx, courseId: string): Promise<LockedCourse | null> {
  const rows = await tx.$queryRaw<LockedCourse[]>`
    SELECT id, "providerId", name, status, capacity, "seatsHeld", "offerResponseHours", "confirmOnReferral",
           "referralOpensOn", "referralClosesOn", "startsOn", "endsOn"
    FROM "Course" WHERE id = ${courseId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function lockClient(tx: Tx, clientId: string): Promise<LockedClient | null> {
  const rows = await tx.$queryRaw<LockedClient[]>`
    SELECT id, "officeId", email, "preferredLanguage"::text AS "preferredLanguage", "anonymisedAt"
    FROM "Client" WHERE id = ${clientId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function lockEnrolment(tx: Tx, enrolmentId: string): Promise<EnrolmentRow | null> {
  const rows = await tx.$queryRaw<EnrolmentRow[]>`
    SELECT id, "clientId", "courseId", status, priority, "queueOrder", "referredAt", "referredById", "offerExpiresAt"
    FROM "Enrolment" WHERE id = ${enrolmentId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function clientHoldsSeat(tx: Tx, clientId: string, exceptEnrolmentId?: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Enrolment" WHERE "clientId" = ${clientId}::uuid
        AND status IN ('OFFERED', 'CONFIRMED', 'STARTED') AND id <> ${exceptEnrolmentId ?? "00000000-0000-0000-0000-000000000000"}::uuid
    ) AS held`;
  return rows[0]?.held ?? false;
}

export function actorColumns(actor: EngineActor) {
  return {
    actorKind: actor.kind,
    actorUserId: actor.kind === "USER" ? actor.user.userId : null,
  };
}

export interface TransitionOptions {
  actor: EngineActor;
  now: Date;
  reason?: string | null;
  data?: Prisma.InputJsonObject;
  patch?: Prisma.EnrolmentUpdateManyMutationInput;
}

/**
 * Moves one enrolment along the state machine and records the event. The update is guarded by
 * the expected current status, so a concurrent change makes it fail instead of being overwritten.
 */
export async function transition(tx: Tx, enrolment: Pick<EnrolmentRow, "id" | "status">, to: EnrolmentStatus, options: TransitionOptions): Promise<boolean> {
  if (!canTransition(enrolment.status, to)) return false;
  const timestamps: Prisma.EnrolmentUpdateManyMutationInput = {};
  if (to === "OFFERED") timestamps.offeredAt = options.now;
  if (to === "CONFIRMED") timestamps.confirmedAt = options.now;
  if (to === "STARTED") timestamps.startedAt = options.now;
  if (!holdsSeat(to) && to !== "WAITLISTED") timestamps.endedAt = options.now;
  const { count } = await tx.enrolment.updateMany({
    where: { id: enrolment.id, status: enrolment.status },
    data: { status: to, statusReason: options.reason ?? null, ...timestamps, ...options.patch },
  });
  if (count !== 1) return false;
  await tx.enrolmentEvent.create({
    data: {
      enrolmentId: enrolment.id,
      at: options.now,
      ...actorColumns(options.actor),
      fromStatus: enrolment.status,
      toStatus: to,
      reason: options.reason ?? null,
      data: options.data,
    },
  });
  return true;
}

/** Courses hand out seats while published or closed for referrals, until they end. */
export function acceptsSeats(course: Pick<LockedCourse, "status" | "endsOn">, now: Date): boolean {
  return (course.status === "PUBLISHED" || course.status === "CLOSED") && course.endsOn.toISOString().slice(0, 10) >= helsinkiDate(now);
}

// Building an Intl formatter costs more than a referral's queries; build it once.
const helsinkiDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" });

/** The calendar date in Finland (YYYY-MM-DD): referral periods and course ends are Finnish dates. */
export function helsinkiDate(now: Date): string {
  return helsinkiDay.format(now);
}

export function offerDeadline(course: Pick<LockedCourse, "offerResponseHours">, now: Date): Date {
  return new Date(now.getTime() + course.offerResponseHours * 3_600_000);
}

/**
 * Gives a held seat to a waitlisted or newly referred enrolment: OFFERED with a deadline, or
 * CONFIRMED at once on a course that confirms on referral (which withdraws the client's other places).
 */
export async function grantSeat(
  tx: Tx,
  course: LockedCourse,
  client: LockedClient,
  enrolment: Pick<EnrolmentRow, "id" | "status">,
  options: { actor: EngineActor; now: Date; reason?: string | null },
): Promise<EnrolmentStatus | null> {
  const to: EnrolmentStatus = course.confirmOnReferral ? "CONFIRMED" : "OFFERED";
  const deadline = to === "OFFERED" ? offerDeadline(course, options.now) : null;
  const moved = await transition(tx, enrolment, to, { ...options, patch: { offerExpiresAt: deadline } });
  if (!moved) return null;
  if (to === "CONFIRMED") {
    await withdrawOtherPlaces(tx, client, enrolment.id, options);
    await queueNotice(tx, clientNotice("client/seat_confirmed", client, enrolment.id, course));
  } else {
    await queueNotice(tx, { ...clientNotice("client/seat_offered", client, enrolment.id, course), payload: { courseId: course.id, courseName: course.name, offerExpiresAt: deadline!.toISOString() } });
  }
  return to;
}

export function clientNotice(template: "client/seat_confirmed" | "client/seat_offered" | "client/offer_expired" | "client/enrolment_cancelled" | "client/referral_received" | "client/queue_place_withdrawn", client: LockedClient, enrolmentId: string, course: Pick<LockedCourse, "id" | "name">) {
  return {
    template,
    to: client.anonymisedAt ? null : client.email,
    locale: client.preferredLanguage,
    clientId: client.id,
    enrolmentId,
    payload: { courseId: course.id, courseName: course.name },
  };
}

/** A confirmed seat ends the client's other queue places (the one-seat rule). */
export async function withdrawOtherPlaces(
  tx: Tx,
  client: LockedClient,
  keptEnrolmentId: string,
  options: { actor: EngineActor; now: Date },
): Promise<void> {
  const others = await tx.enrolment.findMany({
    where: { clientId: client.id, id: { not: keptEnrolmentId }, status: { in: ["WAITLISTED", "OFFERED"] } },
    select: { id: true, status: true, course: { select: { id: true, name: true, provider: { select: { email: true } } } } },
  });
  for (const other of others) {
    const moved = await transition(tx, other, "WITHDRAWN", { ...options, reason: "Placed on another course", data: { placedEnrolmentId: keptEnrolmentId } });
    if (moved) await queueNotice(tx, clientNotice("client/queue_place_withdrawn", client, other.id, other.course));
  }
}

/**
 * Offers the course's free seats to the first eligible people in its queue, one seat per short
 * transaction (course lock, then that one client's lock), so no transaction ever holds two client
 * locks and the lock order cannot deadlock. Returns how many seats were given.
 */
export async function fillFreeSeats(courseId: string, now: Date): Promise<number> {
  let granted = 0;
  // A retry means a candidate changed under us (another course just seated them); many in a row
  // would mean a bug, and the minute job tries again later rather than spinning here.
  for (let retries = 0; retries < 20; ) {
    const outcome = await inTransaction(async (tx) => {
      const course = await lockCourse(tx, courseId);
      if (!course || !acceptsSeats(course, now) || course.seatsHeld >= course.capacity) return "done" as const;
      const [candidate] = await tx.$queryRaw<{ id: string; clientId: string }[]>`
        SELECT e.id, e."clientId" FROM "Enrolment" e
        WHERE e."courseId" = ${courseId}::uuid AND e.status = 'WAITLISTED'
          AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = e."clientId" AND h.status IN ('OFFERED', 'CONFIRMED', 'STARTED'))
        ORDER BY e.priority, e."queueOrder", e."referredAt", e.id
        LIMIT 1`;
      if (!candidate) return "done" as const;
      const client = await lockClient(tx, candidate.clientId);
      const enrolment = await lockEnrolment(tx, candidate.id);
      // Re-check under the client lock: another course may have just given this client a seat.
      if (!client || enrolment?.status !== "WAITLISTED" || (await clientHoldsSeat(tx, client.id))) return "retry" as const;
      const to = await grantSeat(tx, course, client, enrolment, { actor: { kind: "SYSTEM" }, now, reason: "Seat freed: next in the queue" });
      return to ? ("granted" as const) : ("retry" as const);
    });
    if (outcome === "done") break;
    if (outcome === "granted") granted++;
    else retries++;
  }
  return granted;
}

/** Courses where a client waits: after their seat is released they may be next there. */
export async function coursesWhereClientWaits(clientId: string, tx: Pick<Tx, "enrolment">): Promise<string[]> {
  const rows = await tx.enrolment.findMany({ where: { clientId, status: "WAITLISTED" }, select: { courseId: true } });
  return rows.map((r) => r.courseId);
}

/** After a seat is released: refill that course, then the courses where the released client waits. */
export async function afterSeatReleased(db: Pick<Tx, "enrolment">, courseId: string, clientId: string, now: Date): Promise<void> {
  await fillFreeSeats(courseId, now);
  for (const other of await coursesWhereClientWaits(clientId, db)) await fillFreeSeats(other, now);
}
