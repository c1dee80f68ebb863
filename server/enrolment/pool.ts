import "server-only";
import { db } from "../db/client";
import { formatDate, helsinkiToday, parseDate } from "../../lib/dates";
import type { PoolCriteria } from "../../lib/schemas/pool";
import { recordAudit } from "../audit";
import { isOfficialOf } from "./access";
import { lockClient } from "./locks";
import { queueNotice } from "./notifications";
import { findMatches, syncPools } from "./pool-matching";
import { poolPlaces, type PoolPlace } from "./pool-status";
import { transition } from "./transitions";
import { inTransaction } from "./transaction";
import { fail, isUuid, type EngineActor, type Result } from "./types";

// Pooled referrals ("the first free seat among matching courses"), docs/decisions/005-pooled-queue.md:
// an official makes one, or ends it. Matching and joining courses: pool-matching.ts; what the pages
// show: pool-status.ts.

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
  if (!isUuid(input.clientId) || !input.rankedCourseIds.every(isUuid)) return fail("NOT_FOUND");
  const officeId = actor.user.organisationId;
  const today = helsinkiToday(now);

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
      if (formatDate(last) < today) return fail("REFERRAL_PERIOD_NOT_OPEN");
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
        startFrom: criteria.startFrom ? parseDate(criteria.startFrom) : null,
        startTo: criteria.startTo ? parseDate(criteria.startTo) : null,
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
  return { ok: true, entry: { id: created.id, places: (await poolPlaces(db(), [created.id])).get(created.id) ?? [] } };
}

/** An official ends a client's pooled referral: its queue places are withdrawn; an open offer stays for the client to answer. */
export async function closePool(input: { actor: EngineActor; queueEntryId: string; reason: string; now?: Date }): Promise<Result<{ withdrawn: number }>> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  if (!isUuid(input.queueEntryId)) return fail("NOT_FOUND");
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
