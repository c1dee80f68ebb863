import "server-only";
import { Prisma } from "../db/generated/client";
import { db } from "../db/client";
import type { EnrolmentStatus, QueueEntryStatus } from "../db/generated/enums";
import type { PoolCriteria } from "../../lib/schemas/pool";
import { recordAudit } from "../audit";
import { isOfficialOf } from "./access";
import { queueNotice } from "./notifications";
import { queuePositions } from "./queue";
import { actorColumns, fillFreeSeats, helsinkiDate, lockClient, lockCourse, transition } from "./seats";
import { inTransaction, type Tx } from "./transaction";
import { fail, type EngineActor, type Result } from "./types";

// Pooled referrals ("the first free seat among matching courses"), docs/decisions/005-pooled-queue.md.
// A pool is materialised as a WAITLISTED place on every course it matches, keyed by the pool's
// referral time, so each course keeps one queue in one order (priority group, then referral time)
// and every rule of the engine (seats, one held seat, dense positions, events) applies unchanged.
// New matches (a course published later, a referral period opening) are joined by syncPools.

export interface PoolReferralCommand {
  actor: EngineActor;
  clientId: string;
  criteria: PoolCriteria;
  /** In the client's order of preference: the first is the most wanted. */
  rankedCourseIds: string[];
  priority?: "NORMAL" | "URGENT";
  reason?: string | null;
  note?: string | null;
  now?: Date;
}

export interface PoolPlace {
  enrolmentId: string;
  courseId: string;
  courseName: string;
  status: EnrolmentStatus;
  preferenceRank: number | null;
  conditional: boolean;
  queuePosition: number | null;
}

export interface PoolStatus {
  id: string;
  status: QueueEntryStatus;
  referredAt: Date;
  priority: "NORMAL" | "URGENT";
  criteria: PoolCriteria;
  rankedCourses: { courseId: string; courseName: string; rank: number }[];
  /** The places the pool holds, best-ranked first. */
  places: PoolPlace[];
  /** Courses that match now but are not joined yet (their referral period opens later, or the minute job has not run). */
  pendingCourses: { courseId: string; courseName: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * SQL: course `k` matches pool entry `q` of client `c` today and the pool has no place on it yet.
 * A course matches if the client ranked it, or if it meets the pool's criteria; either way it must
 * take referrals today. A client on a conditional seat joins only courses ranked above that seat.
 */
function matchesPool(today: string): Prisma.Sql {
  return Prisma.sql`
    q.status = 'ACTIVE' AND c."anonymisedAt" IS NULL
    AND k.status = 'PUBLISHED' AND k."endsOn" >= ${today}::date
    AND (k."referralOpensOn" IS NULL OR k."referralOpensOn" <= ${today}::date)
    AND (k."referralClosesOn" IS NULL OR k."referralClosesOn" >= ${today}::date)
    AND (
      r.rank IS NOT NULL
      OR (q."studyPath" IS NOT NULL AND k."studyPath" = q."studyPath"
        AND (NOT q."levelFit" OR c."languageLevel" IS NULL OR c."languageLevel" BETWEEN k."levelFrom" AND k."levelTo")
        AND ((cardinality(q.municipalities) = 0 AND NOT q."includeRemote") OR k.municipality = ANY(q.municipalities) OR (q."includeRemote" AND k.remote))
        AND (q.schedule IS NULL OR k.schedule = q.schedule)
        AND (q."instructionLanguage" IS NULL OR k."instructionLanguage" = q."instructionLanguage")
        AND (q."startFrom" IS NULL OR k."startsOn" >= q."startFrom")
        AND (q."startTo" IS NULL OR k."startsOn" <= q."startTo"))
    )
    AND NOT EXISTS (SELECT 1 FROM "Enrolment" p WHERE p."queueEntryId" = q.id AND p."courseId" = k.id)
    AND NOT EXISTS (SELECT 1 FROM "Enrolment" l WHERE l."clientId" = q."clientId" AND l."courseId" = k.id
                      AND l.status IN ('WAITLISTED', 'OFFERED', 'CONFIRMED', 'STARTED'))
    AND NOT EXISTS (SELECT 1 FROM "Enrolment" s WHERE s."clientId" = q."clientId" AND s.status = 'CONFIRMED' AND s.conditional
                      AND COALESCE(r.rank, 2147483647) >= COALESCE(s."preferenceRank", 2147483647))`;
}

interface Match {
  entryId: string;
  courseId: string;
  courseName: string;
  rank: number | null;
}

/** Pairs of (pool, course) to join, best-ranked and soonest-starting first within each pool. */
async function findMatches(tx: Pick<Tx, "$queryRaw">, today: string, filter: { entryId?: string; courseId?: string }): Promise<Match[]> {
  return tx.$queryRaw<Match[]>`
    SELECT q.id AS "entryId", k.id AS "courseId", k.name AS "courseName", r.rank
    FROM "QueueEntry" q
    JOIN "Client" c ON c.id = q."clientId"
    JOIN "Course" k ON true
    LEFT JOIN "QueueEntryCourse" r ON r."queueEntryId" = q.id AND r."courseId" = k.id
    WHERE ${filter.entryId ? Prisma.sql`q.id = ${filter.entryId}::uuid` : Prisma.sql`q.status = 'ACTIVE'`}
      AND ${filter.courseId ? Prisma.sql`k.id = ${filter.courseId}::uuid` : Prisma.sql`true`}
      AND ${matchesPool(today)}
    ORDER BY q."referredAt", q.id, r.rank NULLS LAST, k."startsOn", k.id`;
}

/**
 * An official queues a client of their office for the first free seat among matching courses.
 * One pool per client at a time. The client gets one e-mail listing the courses it matches now;
 * places are then joined course by course, and a free seat is offered at once in queue order.
 */
export async function referToPool(input: PoolReferralCommand): Promise<Result<{ entry: { id: string; places: PoolPlace[] } }>> {
  const { actor } = input;
  const now = input.now ?? new Date();
  const priority = input.priority ?? "NORMAL";
  const reason = input.reason?.trim() || null;
  if (actor.kind !== "USER" || actor.user.role !== "OFFICIAL" || !actor.user.organisationId) return fail("FORBIDDEN");
  if (priority === "URGENT" && !reason) return fail("REASON_REQUIRED");
  if (!UUID.test(input.clientId) || !input.rankedCourseIds.every((id) => UUID.test(id))) return fail("NOT_FOUND");
  const officeId = actor.user.organisationId;
  const today = helsinkiDate(now);

  const created = await inTransaction(async (tx) => {
    const client = await lockClient(tx, input.clientId);
    if (!client || client.officeId !== officeId || client.anonymisedAt) return fail("NOT_FOUND");
    if (await tx.queueEntry.findFirst({ where: { clientId: client.id, status: "ACTIVE" }, select: { id: true } })) return fail("ALREADY_IN_POOL");
    const ranked = await tx.course.findMany({ where: { id: { in: input.rankedCourseIds } }, select: { id: true, status: true, endsOn: true, referralClosesOn: true } });
    if (ranked.length !== input.rankedCourseIds.length) return fail("NOT_FOUND");
    for (const course of ranked) {
      if (course.status === "DRAFT") return fail("COURSE_NOT_PUBLISHED");
      if (course.status === "CANCELLED") return fail("COURSE_CANCELLED");
      if (course.status === "CLOSED") return fail("COURSE_CLOSED");
      const last = course.referralClosesOn ?? course.endsOn;
      if (last.toISOString().slice(0, 10) < today) return fail("REFERRAL_PERIOD_NOT_OPEN");
    }
    const { criteria } = input;
    const entry = await tx.queueEntry.create({
      data: {
        clientId: client.id,
        priority,
        priorityReason: priority === "URGENT" ? reason : null,
        referredAt: now,
        referredById: actor.user.userId,
        note: input.note?.trim() || null,
        studyPath: criteria.studyPath,
        levelFit: criteria.levelFit,
        municipalities: criteria.municipalities,
        includeRemote: criteria.includeRemote,
        schedule: criteria.schedule,
        instructionLanguage: criteria.instructionLanguage,
        startFrom: criteria.startFrom ? new Date(criteria.startFrom) : null,
        startTo: criteria.startTo ? new Date(criteria.startTo) : null,
        courses: { create: input.rankedCourseIds.map((courseId, i) => ({ courseId, rank: i + 1 })) },
      },
      select: { id: true },
    });
    const matches = await findMatches(tx, today, { entryId: entry.id });
    await queueNotice(tx, {
      template: "client/pool_referral_received",
      to: client.anonymisedAt ? null : client.email,
      locale: client.preferredLanguage,
      clientId: client.id,
      payload: { queueEntryId: entry.id, courses: matches.map((m) => ({ courseId: m.courseId, courseName: m.courseName, rank: m.rank })) },
    });
    await recordAudit(tx, {
      actorUserId: actor.user.userId,
      action: "pool.referred",
      entityType: "QueueEntry",
      entityId: entry.id,
      organisationId: officeId,
      clientId: client.id,
      details: { priority, rankedCourseIds: input.rankedCourseIds, criteria: { ...criteria }, matched: matches.length },
    });
    return { ok: true as const, id: entry.id };
  });
  if (!created.ok) return created;
  await syncPools(now, { entryId: created.id, actor });
  return { ok: true, entry: { id: created.id, places: (await poolPlaces(db(), created.id)) } };
}

/**
 * Joins pools to the courses they newly match (a course published, a referral period opened, a
 * pool just made), then offers free seats in queue order. Run by referToPool, after a course is
 * published, and every minute by the job runner. Returns how many places were joined.
 */
export async function syncPools(now = new Date(), options: { entryId?: string; courseId?: string; actor?: EngineActor } = {}): Promise<number> {
  const today = helsinkiDate(now);
  const matches = await findMatches(db(), today, options);
  const touched = new Set<string>();
  for (const match of matches) {
    if (await joinPoolCourse(match, today, now, options.actor ?? { kind: "SYSTEM" })) touched.add(match.courseId);
  }
  for (const courseId of touched) await fillFreeSeats(courseId, now);
  return matches.length;
}

/** One pool joins one course's queue: locks course, then client (the engine's order), re-checks the match, writes the place and its event. */
async function joinPoolCourse(match: Match, today: string, now: Date, actor: EngineActor): Promise<boolean> {
  return inTransaction(async (tx) => {
    const course = await lockCourse(tx, match.courseId);
    const entry = await tx.queueEntry.findUnique({ where: { id: match.entryId } });
    if (!course || !entry) return false;
    const client = await lockClient(tx, entry.clientId);
    if (!client) return false;
    const [still] = await findMatches(tx, today, { entryId: entry.id, courseId: course.id });
    if (!still) return false;
    // The pool's referral time keeps one fair order across the courses it joins, but never ahead of
    // someone already told their place in this queue (a pool joining a course after others queued).
    const [{ key }] = await tx.$queryRaw<[{ key: number }]>`SELECT queue_key_behind(${course.id}::uuid, ${entry.priority}::"QueuePriority", ${entry.referredAt}) AS key`;
    const enrolment = await tx.enrolment.create({
      data: {
        clientId: client.id,
        courseId: course.id,
        status: "WAITLISTED",
        priority: entry.priority,
        priorityReason: entry.priorityReason,
        queueOrder: key,
        referredAt: entry.referredAt,
        referredById: entry.referredById,
        referralNote: entry.note,
        queueEntryId: entry.id,
        preferenceRank: still.rank,
      },
      select: { id: true },
    });
    await tx.enrolmentEvent.create({
      data: {
        enrolmentId: enrolment.id,
        at: now,
        ...actorColumns(actor),
        fromStatus: null,
        toStatus: "WAITLISTED",
        reason: "Pooled referral matches this course",
        data: { referral: true, pooled: true, queueEntryId: entry.id, preferenceRank: still.rank },
      },
    });
    return true;
  });
}

/** An official ends a client's pooled referral: its queue places are withdrawn; an open offer stays for the client to answer. */
export async function closePool(input: { actor: EngineActor; queueEntryId: string; reason: string; now?: Date }): Promise<Result<{ withdrawn: number }>> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  if (!UUID.test(input.queueEntryId)) return fail("NOT_FOUND");
  const entry = await db().queueEntry.findUnique({ where: { id: input.queueEntryId }, select: { clientId: true, client: { select: { officeId: true } } } });
  if (!entry || !isOfficialOf(input.actor, { officeId: entry.client.officeId })) return fail("NOT_FOUND");
  if (!reason) return fail("REASON_REQUIRED");
  return inTransaction(async (tx) => {
    const client = (await lockClient(tx, entry.clientId))!;
    const { count } = await tx.queueEntry.updateMany({ where: { id: input.queueEntryId, status: "ACTIVE" }, data: { status: "CLOSED", statusReason: reason, endedAt: now } });
    if (count !== 1) return fail("INVALID_TRANSITION");
    const places = await tx.enrolment.findMany({ where: { queueEntryId: input.queueEntryId, status: "WAITLISTED" }, select: { id: true, status: true } });
    let withdrawn = 0;
    for (const place of places) if (await transition(tx, place, "WITHDRAWN", { actor: input.actor, now, reason })) withdrawn++;
    await recordAudit(tx, {
      actorUserId: input.actor.kind === "USER" ? input.actor.user.userId : null,
      action: "pool.closed",
      entityType: "QueueEntry",
      entityId: input.queueEntryId,
      organisationId: client.officeId,
      clientId: client.id,
      details: { reason, withdrawn },
    });
    return { ok: true as const, withdrawn };
  });
}

async function poolPlaces(reader: Pick<Tx, "enrolment" | "$queryRaw">, entryId: string): Promise<PoolPlace[]> {
  const rows = await reader.enrolment.findMany({
    where: { queueEntryId: entryId },
    select: { id: true, courseId: true, status: true, preferenceRank: true, conditional: true, course: { select: { name: true, startsOn: true } } },
  });
  rows.sort((a, b) => (a.preferenceRank ?? Infinity) - (b.preferenceRank ?? Infinity) || a.course.startsOn.getTime() - b.course.startsOn.getTime());
  const positions = await queuePositions(reader, rows.filter((r) => r.status === "WAITLISTED").map((r) => r.id));
  return rows.map((r) => ({
    enrolmentId: r.id,
    courseId: r.courseId,
    courseName: r.course.name,
    status: r.status,
    preferenceRank: r.preferenceRank,
    conditional: r.conditional,
    queuePosition: positions.get(r.id) ?? null,
  }));
}

/**
 * The client's pooled referrals, newest first, with their places and standing in each: for the
 * official's client page and the client's own page. The caller has checked the client is theirs.
 */
export async function poolStatusOfClient(clientId: string, now = new Date()): Promise<PoolStatus[]> {
  const entries = await db().queueEntry.findMany({
    where: { clientId },
    orderBy: { referredAt: "desc" },
    include: { courses: { orderBy: { rank: "asc" }, select: { courseId: true, rank: true, course: { select: { name: true } } } } },
  });
  const today = helsinkiDate(now);
  const result: PoolStatus[] = [];
  for (const entry of entries) {
    const pending = entry.status === "ACTIVE" ? await findMatches(db(), today, { entryId: entry.id }) : [];
    result.push({
      id: entry.id,
      status: entry.status,
      referredAt: entry.referredAt,
      priority: entry.priority,
      criteria: {
        studyPath: entry.studyPath,
        levelFit: entry.levelFit,
        municipalities: entry.municipalities,
        includeRemote: entry.includeRemote,
        schedule: entry.schedule,
        instructionLanguage: entry.instructionLanguage,
        startFrom: entry.startFrom?.toISOString().slice(0, 10) ?? null,
        startTo: entry.startTo?.toISOString().slice(0, 10) ?? null,
      },
      rankedCourses: entry.courses.map((c) => ({ courseId: c.courseId, courseName: c.course.name, rank: c.rank })),
      places: await poolPlaces(db(), entry.id),
      pendingCourses: pending.map((m) => ({ courseId: m.courseId, courseName: m.courseName })),
    });
  }
  return result;
}
