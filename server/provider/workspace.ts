import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { presentCourse } from "../courses/courses";
import { db } from "../db/client";
import type { EnrolmentStatus } from "../db/generated/enums";
import { courseQueueLength, expireDueOffers, listCourseEnrolments, staff } from "../enrolment";
import { HELD_STATUSES, holdsSeat, takesReferrals, type ReferralWindow } from "../enrolment/states";
import { addDays, helsinkiToday, parseDate } from "../../lib/dates";

// Read models for the provider's workspace. Every function answers null for a course or
// enrolment outside the actor's provider, so pages answer 404 without revealing it exists.
// Clients appear with the minimal data a provider needs: never the identity code.

const UUID = /^[0-9a-f-]{36}$/i;

/** What a provider may see of a client referred to its course. */
/** Seat holders are listed offered, then confirmed, then started. */
const seatOrder = (status: EnrolmentStatus) => (HELD_STATUSES as readonly EnrolmentStatus[]).indexOf(status);

export const providerClientSelect = {
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  preferredLanguage: true,
  interpreterNeeded: true,
  languageLevel: true,
  studyPath: true,
  needsChildcare: true,
  needsAccessibility: true,
  eveningOnly: true,
  specialNeeds: true,
} as const;

function providerIdOf(actor: Actor): string | null {
  return actor.role === "PROVIDER_STAFF" && actor.organisationId ? actor.organisationId : null;
}

/** The course if it belongs to the actor's provider. */
export async function ownCourseRow(actor: Actor, courseId: string) {
  const providerId = providerIdOf(actor);
  if (!providerId || !UUID.test(courseId)) return null;
  return db().course.findFirst({ where: { id: courseId, providerId } });
}

const enrolmentSelect = {
  id: true,
  status: true,
  priority: true,
  priorityReason: true,
  referredAt: true,
  referralNote: true,
  offeredAt: true,
  offerExpiresAt: true,
  confirmedAt: true,
  startedAt: true,
  endedAt: true,
  statusReason: true,
  referredById: true,
  // A pooled referral's place, the client's rank for this course there, and a seat accepted on condition.
  queueEntryId: true,
  preferenceRank: true,
  conditional: true,
  client: { select: providerClientSelect },
} as const;

/** The course as the provider sees it, with whether it takes referrals on the Finnish day `today`. */
function withReferralsToday<C extends ReferralWindow>(course: C, today: string): C & { takesReferrals: boolean } {
  return { ...course, takesReferrals: takesReferrals(course, today) };
}


/** The course page: the course, its seats, its queue in order with positions, and everyone else referred. */
export async function coursePage(actor: Actor, courseId: string, now = new Date()) {
  const own = await ownCourseRow(actor, courseId);
  if (!own) return null;
  const listed = await listCourseEnrolments({ actor: staff(actor), courseId, now });
  if (!listed.ok) return null;
  const queueLength = await courseQueueLength(courseId, now);
  const course = withReferralsToday(presentCourse(await db().course.findUniqueOrThrow({ where: { id: courseId } }), queueLength), helsinkiToday(now));
  const rows = await db().enrolment.findMany({ where: { courseId }, select: enrolmentSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const referrers = await userNames(rows.map((r) => r.referredById));
  const enrolments = listed.enrolments.flatMap((e) => {
    const row = byId.get(e.id);
    return row ? [{ ...row, queuePosition: e.queuePosition, referredBy: row.referredById ? (referrers.get(row.referredById) ?? null) : null }] : [];
  });
  return {
    course,
    history: (await courseHistory(actor, courseId)) ?? [],
    queue: enrolments.filter((e) => e.status === "WAITLISTED"),
    seats: enrolments.filter((e) => holdsSeat(e.status)).sort((a, b) => seatOrder(a.status) - seatOrder(b.status) || a.referredAt.getTime() - b.referredAt.getTime()),
    others: enrolments.filter((e) => e.status !== "WAITLISTED" && !holdsSeat(e.status)).sort((a, b) => b.referredAt.getTime() - a.referredAt.getTime()),
  };
}

export type CoursePage = NonNullable<Awaited<ReturnType<typeof coursePage>>>;
export type CourseEnrolment = CoursePage["queue"][number];

async function userNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, organisation: { select: { name: true } } } });
  return new Map(users.map((u) => [u.id, u.organisation ? `${u.name} (${u.organisation.name})` : u.name]));
}

export interface HistoryEntry {
  id: string;
  at: Date;
  actorKind: "USER" | "CLIENT" | "SYSTEM";
  actorName: string | null;
  /** An enrolment event (status change, queue move) or a course change from the audit trail. */
  kind: "enrolment" | "course";
  clientName?: string;
  fromStatus?: EnrolmentStatus | null;
  toStatus?: EnrolmentStatus;
  move?: { from: number | null; to: number } | null;
  action?: string;
  details?: Record<string, unknown> | null;
  reason: string | null;
}

function moveOf(data: unknown): HistoryEntry["move"] {
  const move = (data as { move?: { from: number | null; to: number } } | null)?.move;
  return move && typeof move.to === "number" ? { from: move.from ?? null, to: move.to } : null;
}

/** One enrolment on the actor's course, with the client's minimal data and its full event history. */
export async function enrolmentPage(actor: Actor, courseId: string, enrolmentId: string, now = new Date()) {
  const own = await ownCourseRow(actor, courseId);
  if (!own || !UUID.test(enrolmentId)) return null;
  await expireDueOffers(now, courseId);
  const enrolment = await db().enrolment.findFirst({
    where: { id: enrolmentId, courseId },
    select: { ...enrolmentSelect, events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, at: true, actorKind: true, actorUserId: true, fromStatus: true, toStatus: true, reason: true, data: true } } },
  });
  if (!enrolment) return null;
  const names = await userNames([enrolment.referredById, ...enrolment.events.map((e) => e.actorUserId)]);
  const clientName = `${enrolment.client.firstName} ${enrolment.client.lastName}`;
  const history: HistoryEntry[] = enrolment.events.map((e) => ({
    id: `e${e.id}`,
    at: e.at,
    actorKind: e.actorKind,
    actorName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
    kind: "enrolment",
    clientName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    move: moveOf(e.data),
    reason: e.reason,
  }));
  const { events: _events, ...rest } = enrolment;
  void _events;
  let queuePosition: number | null = null;
  if (rest.status === "WAITLISTED") {
    const queue = await listCourseEnrolments({ actor: staff(actor), courseId, status: "WAITLISTED", now });
    if (queue.ok) queuePosition = queue.enrolments.find((e) => e.id === enrolmentId)?.queuePosition ?? null;
  }
  return {
    course: { id: own.id, name: own.name },
    enrolment: { ...rest, queuePosition, referredBy: rest.referredById ? (names.get(rest.referredById) ?? null) : null },
    history: history.reverse(),
  };
}

/** Everything that happened on a course: its own changes (audit trail) and every enrolment's events, newest first. */
export async function courseHistory(actor: Actor, courseId: string, take = 200): Promise<HistoryEntry[] | null> {
  const own = await ownCourseRow(actor, courseId);
  if (!own) return null;
  const [audits, events] = await Promise.all([
    db().auditEvent.findMany({ where: { courseId, action: { startsWith: "course." }, NOT: { action: "course.export" } }, orderBy: { at: "desc" }, take }),
    db().enrolmentEvent.findMany({
      where: { enrolment: { courseId } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take,
      select: { id: true, at: true, actorKind: true, actorUserId: true, fromStatus: true, toStatus: true, reason: true, data: true, enrolment: { select: { client: { select: { firstName: true, lastName: true } } } } },
    }),
  ]);
  const names = await userNames([...audits.map((a) => a.actorUserId), ...events.map((e) => e.actorUserId)]);
  const entries: HistoryEntry[] = [
    ...audits.map((a): HistoryEntry => {
      const details = (a.details ?? null) as Record<string, unknown> | null;
      return {
        id: `a${a.id}`,
        at: a.at,
        actorKind: a.actorUserId ? "USER" : "SYSTEM",
        actorName: a.actorUserId ? (names.get(a.actorUserId) ?? null) : null,
        kind: "course",
        action: a.action,
        details,
        reason: typeof details?.reason === "string" ? details.reason : null,
      };
    }),
    ...events.map((e): HistoryEntry => ({
      id: `e${e.id}`,
      at: e.at,
      actorKind: e.actorKind,
      actorName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
      kind: "enrolment",
      clientName: `${e.enrolment.client.firstName} ${e.enrolment.client.lastName}`,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      move: moveOf(e.data),
      reason: e.reason,
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, take);
}

const DAY = 86_400_000;

/**
 * The provider's home: every course with its seat numbers, referrals that arrived since this
 * person last looked (in an earlier session), offers whose answer time is running out, and courses starting within two
 * weeks that still have free seats. Looking records the visit (audit `provider.home.view`).
 */
export async function providerHome(actor: Actor, now = new Date()) {
  const providerId = providerIdOf(actor);
  if (!providerId) return null;
  // A visit is a signed-in session: the list stays put while this person works, and shows what
  // arrived since they last looked at the home page in an earlier session.
  const session = await db().auditEvent.findFirst({ where: { actorUserId: actor.userId, action: "auth.sign_in" }, orderBy: { at: "desc" }, select: { at: true } });
  const previousVisit = await db().auditEvent.findFirst({
    where: { actorUserId: actor.userId, action: "providerHome.view", ...(session ? { at: { lt: session.at } } : {}) },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const since = previousVisit?.at ?? new Date(now.getTime() - 7 * DAY);
  await expireDueOffers(now);
  const today = helsinkiToday(now);
  const courses = await db().course.findMany({ where: { providerId, status: { not: "CANCELLED" }, endsOn: { gte: parseDate(addDays(today, -30)) } }, orderBy: [{ startsOn: "asc" }, { name: "asc" }] });
  const queues = await db().enrolment.groupBy({ by: ["courseId"], where: { courseId: { in: courses.map((c) => c.id) }, status: "WAITLISTED" }, _count: true });
  const queueOf = new Map(queues.map((q) => [q.courseId, q._count]));
  const presented = courses.map((c) => withReferralsToday(presentCourse(c, queueOf.get(c.id) ?? 0), today));
  const inTwoWeeks = addDays(today, 14);
  const [newReferrals, expiringOffers] = await Promise.all([
    db().enrolment.findMany({
      where: { course: { providerId }, referredAt: { gt: since } },
      orderBy: { referredAt: "desc" },
      take: 50,
      select: { id: true, status: true, referredAt: true, course: { select: { id: true, name: true } }, client: { select: { firstName: true, lastName: true } } },
    }),
    db().enrolment.findMany({
      where: { course: { providerId }, status: "OFFERED", offerExpiresAt: { gt: now, lte: new Date(now.getTime() + 2 * DAY) } },
      orderBy: { offerExpiresAt: "asc" },
      take: 50,
      select: { id: true, offerExpiresAt: true, course: { select: { id: true, name: true } }, client: { select: { firstName: true, lastName: true } } },
    }),
  ]);
  await recordAudit(db(), { actorUserId: actor.userId, action: "providerHome.view", organisationId: providerId });
  return {
    since,
    firstVisit: !previousVisit,
    courses: presented,
    newReferrals,
    expiringOffers,
    startingSoon: presented.filter((c) => (c.status === "PUBLISHED" || c.status === "CLOSED") && c.freeSeats > 0 && c.startsOn >= today && c.startsOn <= inTwoWeeks),
  };
}

/** Seat holders and finished participants of a course, for the participant list and the attendance sheet. */
export async function participants(actor: Actor, courseId: string, purpose: "export" | "attendance", now = new Date()) {
  const own = await ownCourseRow(actor, courseId);
  if (!own) return null;
  await expireDueOffers(now, courseId);
  const statuses: EnrolmentStatus[] = purpose === "attendance" ? ["CONFIRMED", "STARTED"] : ["OFFERED", "CONFIRMED", "STARTED", "COMPLETED", "INTERRUPTED", "NO_SHOW"];
  const rows = await db().enrolment.findMany({
    where: { courseId, status: { in: statuses } },
    select: { id: true, status: true, referredAt: true, confirmedAt: true, startedAt: true, referralNote: true, client: { select: providerClientSelect } },
    orderBy: [{ client: { lastName: "asc" } }, { client: { firstName: "asc" } }],
  });
  if (purpose === "export") {
    await recordAudit(db(), { actorUserId: actor.userId, action: "course.export", entityType: "Course", entityId: courseId, courseId, organisationId: own.providerId, details: { rows: rows.length } });
  }
  return { course: presentCourse(own), rows };
}
