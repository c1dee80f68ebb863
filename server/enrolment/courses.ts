import "server-only";
import { db } from "../db/client";
import type { CourseStatus } from "../db/generated/enums";
import { isProviderOf } from "./access";
import { clientNotice, queueNotice } from "./notifications";
import { syncPools } from "./pool-matching";
import { actorColumns } from "./transitions";
import { fillFreeSeats } from "./hand-over";
import { lockCourse } from "./locks";
import { LIVE_STATUSES, isLive } from "./states";
import { inTransaction } from "./transaction";
import { fail, type EngineActor, type Result } from "./types";

interface CourseAction {
  actor: EngineActor;
  courseId: string;
  now?: Date;
}

async function ownCourse(actor: EngineActor, courseId: string): Promise<{ providerId: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(courseId)) return null;
  const course = await db().course.findUnique({ where: { id: courseId }, select: { providerId: true } });
  return course && isProviderOf(actor, course) ? course : null;
}

/**
 * Sets a course's capacity. Raising it offers the new seats to the queue at once; lowering it
 * below the seats already held is refused.
 */
export async function changeCapacity(input: CourseAction & { capacity: number }): Promise<Result<{ capacity: number; seatsOffered: number }>> {
  const now = input.now ?? new Date();
  if (!(await ownCourse(input.actor, input.courseId))) return fail("NOT_FOUND");
  const changed = await inTransaction(async (tx) => {
    const course = (await lockCourse(tx, input.courseId))!;
    if (input.capacity < course.seatsHeld) return fail("CAPACITY_BELOW_HELD");
    await tx.course.update({ where: { id: course.id }, data: { capacity: input.capacity } });
    return { ok: true as const };
  });
  if (!changed.ok) return changed;
  const seatsOffered = await fillFreeSeats(input.courseId, now);
  return { ok: true, capacity: input.capacity, seatsOffered };
}

const allowedStatusChanges: Record<CourseStatus, CourseStatus[]> = {
  DRAFT: ["PUBLISHED", "CANCELLED"],
  PUBLISHED: ["CLOSED", "CANCELLED"],
  CLOSED: ["PUBLISHED", "CANCELLED"],
  CANCELLED: [],
};

/**
 * Publishes a course, closes or reopens its referral period, or cancels it. Cancelling ends every
 * live enrolment on it (each with its event and a message to the client).
 */
export async function setCourseStatus(input: CourseAction & { status: CourseStatus; reason?: string | null }): Promise<Result<{ status: CourseStatus }>> {
  const now = input.now ?? new Date();
  const reason = input.reason?.trim() || null;
  if (!(await ownCourse(input.actor, input.courseId))) return fail("NOT_FOUND");
  if (input.status === "CANCELLED" && !reason) return fail("REASON_REQUIRED");
  const changed = await inTransaction(async (tx) => {
    const course = (await lockCourse(tx, input.courseId))!;
    if (course.status === input.status) return { ok: true as const };
    if (!allowedStatusChanges[course.status].includes(input.status)) return fail("INVALID_TRANSITION");
    await tx.course.update({ where: { id: course.id }, data: { status: input.status, statusReason: reason } });
    if (input.status === "CANCELLED") {
      const live = await tx.enrolment.findMany({
        where: { courseId: course.id, status: { in: [...LIVE_STATUSES] } },
        select: { id: true, status: true, client: { select: { id: true, officeId: true, email: true, preferredLanguage: true, anonymisedAt: true } } },
      });
      for (const e of live) {
        if (!isLive(e.status)) continue;
        await tx.enrolment.update({ where: { id: e.id }, data: { status: "CANCELLED", statusReason: reason, endedAt: now } });
        await tx.enrolmentEvent.create({
          data: { enrolmentId: e.id, at: now, ...actorColumns(input.actor), fromStatus: e.status, toStatus: "CANCELLED", reason, data: { courseCancelled: true } },
        });
        await queueNotice(tx, { ...clientNotice("client/enrolment_cancelled", { ...e.client, preferredLanguage: e.client.preferredLanguage }, e.id, course), payload: { courseId: course.id, courseName: course.name, reason } });
      }
    }
    return { ok: true as const };
  });
  if (!changed.ok) return changed;
  if (input.status === "PUBLISHED") {
    // Pooled referrals that match the course join its queue first, in referral order.
    await syncPools(now, { courseId: input.courseId });
    await fillFreeSeats(input.courseId, now);
  }
  if (input.status === "CANCELLED") {
    // Clients whose seat ended with the course may be next on their other courses.
    const released = await db().enrolment.findMany({ where: { courseId: input.courseId, status: "CANCELLED", endedAt: now }, select: { clientId: true } });
    const others = await db().enrolment.findMany({ where: { clientId: { in: released.map((r) => r.clientId) }, status: "WAITLISTED" }, select: { courseId: true }, distinct: ["courseId"], orderBy: { courseId: "asc" } });
    for (const o of others) await fillFreeSeats(o.courseId, now);
  }
  return { ok: true, status: input.status };
}
