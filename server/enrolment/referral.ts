import "server-only";
import type { EnrolmentStatus, QueuePriority } from "../db/generated/enums";
import { queueNotice } from "./notifications";
import { queuePosition } from "./queue";
import { actorColumns, clientHoldsSeat, clientNotice, helsinkiDate, lockClient, lockCourse, offerDeadline, withdrawOtherPlaces } from "./seats";
import { inTransaction } from "./transaction";
import { fail, type EngineActor, type Result } from "./types";

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

/**
 * An official refers a client of their own office to a published course in its referral period.
 * A free seat is offered at once (or confirmed, on a course that confirms on referral) unless the
 * client already holds a seat elsewhere; otherwise the client joins the queue.
 */
export async function referClient(input: ReferralInput): Promise<Result<Referral>> {
  const { actor } = input;
  const now = input.now ?? new Date();
  const priority = input.priority ?? "NORMAL";
  if (actor.kind !== "USER" || actor.user.role !== "OFFICIAL") return fail("FORBIDDEN");
  if (priority === "URGENT" && !input.reason?.trim()) return fail("REASON_REQUIRED");

  return inTransaction(async (tx) => {
    const course = await lockCourse(tx, input.courseId);
    if (!course) return fail("NOT_FOUND");
    if (course.status === "DRAFT") return fail("COURSE_NOT_PUBLISHED");
    if (course.status === "CLOSED") return fail("COURSE_CLOSED");
    if (course.status === "CANCELLED") return fail("COURSE_CANCELLED");
    const today = helsinkiDate(now);
    const opens = course.referralOpensOn?.toISOString().slice(0, 10);
    const closes = course.referralClosesOn?.toISOString().slice(0, 10);
    if ((opens && today < opens) || (closes && today > closes)) return fail("REFERRAL_PERIOD_NOT_OPEN");

    const client = await lockClient(tx, input.clientId);
    if (!client || client.anonymisedAt || client.officeId !== actor.user.organisationId) return fail("NOT_FOUND");
    const existing = await tx.enrolment.findFirst({
      where: { clientId: client.id, courseId: course.id, status: { in: ["WAITLISTED", "OFFERED", "CONFIRMED", "STARTED"] } },
      select: { id: true },
    });
    if (existing) return fail("ALREADY_ENROLLED");

    const seatFree = course.seatsHeld < course.capacity && !(await clientHoldsSeat(tx, client.id));
    const status: EnrolmentStatus = !seatFree ? "WAITLISTED" : course.confirmOnReferral ? "CONFIRMED" : "OFFERED";
    const offerExpiresAt = status === "OFFERED" ? offerDeadline(course, now) : null;
    const enrolment = await tx.enrolment.create({
      data: {
        clientId: client.id,
        courseId: course.id,
        status,
        priority,
        priorityReason: priority === "URGENT" ? input.reason!.trim() : null,
        queueOrder: now.getTime(),
        referredAt: now,
        referredById: actor.user.userId,
        referralNote: input.note?.trim() || null,
        offeredAt: status === "OFFERED" ? now : null,
        offerExpiresAt,
        confirmedAt: status === "CONFIRMED" ? now : null,
        createdAt: now,
        events: {
          create: { at: now, ...actorColumns(actor), fromStatus: null, toStatus: status, reason: input.reason?.trim() || null, data: { referral: true } },
        },
      },
      select: { id: true },
    });
    if (status === "CONFIRMED") await withdrawOtherPlaces(tx, client, enrolment.id, { actor, now });
    const position = status === "WAITLISTED" ? await queuePosition(tx, enrolment.id) : null;
    await queueNotice(tx, {
      ...clientNotice(status === "WAITLISTED" ? "client.referral_received" : status === "OFFERED" ? "client.seat_offered" : "client.seat_confirmed", client, enrolment.id, course),
      payload: { courseId: course.id, courseName: course.name, queuePosition: position, offerExpiresAt: offerExpiresAt?.toISOString() ?? null },
    });
    return { ok: true as const, enrolment: { id: enrolment.id, status, queuePosition: position, offerExpiresAt } };
  });
}
