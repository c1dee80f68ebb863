import "server-only";
import { db } from "../db/client";
import type { EnrolmentStatus } from "../db/generated/enums";
import { canSeeEnrolment, isAdmin, isProviderOf } from "./access";
import { expireDueOffers } from "./offers";
import { queuePosition } from "./queue";
import { enrolmentScope } from "./scope";
import { fail, type EngineActor } from "./types";

// Reads expire overdue offers on the course first, so nobody sees an offer whose time is up.

export async function getEnrolment(input: { actor: EngineActor; enrolmentId: string; now?: Date }) {
  const scope = await enrolmentScope(db(), input.enrolmentId);
  if (!scope || !canSeeEnrolment(input.actor, scope)) return fail("NOT_FOUND");
  await expireDueOffers(input.now ?? new Date(), scope.courseId);
  const enrolment = await db().enrolment.findUniqueOrThrow({
    where: { id: scope.id },
    select: {
      id: true, clientId: true, courseId: true, status: true, priority: true, priorityReason: true,
      referredAt: true, referralNote: true, offeredAt: true, offerExpiresAt: true, confirmedAt: true, startedAt: true, endedAt: true, statusReason: true,
      queueEntryId: true, preferenceRank: true, conditional: true,
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { at: true, actorKind: true, actorUserId: true, fromStatus: true, toStatus: true, reason: true, data: true } },
    },
  });
  return { ok: true as const, enrolment: { ...enrolment, queuePosition: await queuePosition(db(), scope.id) } };
}

/** The enrolments of a course in queue order (waitlisted first by position), for its provider. */
export async function listCourseEnrolments(input: { actor: EngineActor; courseId: string; status?: EnrolmentStatus; now?: Date }) {
  const course = await visibleCourse(input.actor, input.courseId);
  if (!course) return fail("NOT_FOUND");
  if (!isProviderOf(input.actor, course) && !isAdmin(input.actor)) {
    // Another provider's course does not exist for this provider; officials may see the course but not its list.
    return fail(input.actor.kind === "USER" && input.actor.user.role === "OFFICIAL" ? "FORBIDDEN" : "NOT_FOUND");
  }
  await expireDueOffers(input.now ?? new Date(), course.id);
  const rows = await db().$queryRaw<{ id: string; clientId: string; status: EnrolmentStatus; priority: string; referredAt: Date; offerExpiresAt: Date | null; pooled: boolean; preferenceRank: number | null; conditional: boolean; queuePosition: bigint | null }[]>`
    SELECT id, "clientId", status, priority, "referredAt", "offerExpiresAt", "queueEntryId" IS NOT NULL AS pooled, "preferenceRank", conditional,
      CASE WHEN status = 'WAITLISTED' THEN row_number() OVER (PARTITION BY status = 'WAITLISTED' ORDER BY priority, "queueOrder", "referredAt", id) END AS "queuePosition"
    FROM "Enrolment"
    WHERE "courseId" = ${course.id}::uuid AND (${input.status ?? null}::"EnrolmentStatus" IS NULL OR status = ${input.status ?? null}::"EnrolmentStatus")
    ORDER BY status <> 'WAITLISTED', priority, "queueOrder", "referredAt", id`;
  return { ok: true as const, enrolments: rows.map((r) => ({ ...r, queuePosition: r.queuePosition === null ? null : Number(r.queuePosition) })) };
}

async function visibleCourse(actor: EngineActor, courseId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(courseId)) return null;
  return db().course.findUnique({ where: { id: courseId }, select: { id: true, providerId: true, status: true } });
}

/** The course's queue length, after expiring its overdue offers (so its seat counts are current). */
export async function courseQueueLength(courseId: string, now = new Date()): Promise<number> {
  await expireDueOffers(now, courseId);
  return db().enrolment.count({ where: { courseId, status: "WAITLISTED" } });
}
