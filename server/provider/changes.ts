import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import type { CourseStatus } from "../db/generated/enums";
import {
  cancelEnrolment, changeCapacity, confirmSeat, declineOffer, markCompleted, markInterrupted, markNoShow, markStarted, moveInQueue, offerSeat, setCourseStatus, staff,
  type EngineErrorCode,
} from "../enrolment";
import type { ProviderAction } from "../../lib/schemas/provider";
import { ownCourseRow } from "./workspace";

// The provider's changes from the workspace: each goes through the enrolment engine (which checks
// the organisation and writes the enrolment events); course-level changes also go to the audit trail.

type Outcome<T extends object = object> = ({ ok: true } & T) | { ok: false; code: EngineErrorCode };

/** Raises or lowers the seat count; raising offers the new seats to the queue at once. */
export async function changeCourseCapacity(actor: Actor, courseId: string, capacity: number): Promise<Outcome<{ seatsOffered: number }>> {
  const before = await ownCourseRow(actor, courseId);
  if (!before) return { ok: false, code: "NOT_FOUND" };
  const result = await changeCapacity({ actor: staff(actor), courseId, capacity });
  if (!result.ok) return result;
  await recordAudit(db(), {
    actorUserId: actor.userId, action: "course.capacity", entityType: "Course", entityId: courseId, courseId, organisationId: before.providerId,
    details: { from: before.capacity, to: capacity, seatsOffered: result.seatsOffered },
  });
  return { ok: true, seatsOffered: result.seatsOffered };
}

/** Publishes, closes or reopens referrals, or cancels the course (reason required; every live enrolment ends and each client is told). */
export async function changeCourseStatus(actor: Actor, courseId: string, status: CourseStatus, reason?: string | null): Promise<Outcome> {
  const before = await ownCourseRow(actor, courseId);
  if (!before) return { ok: false, code: "NOT_FOUND" };
  const result = await setCourseStatus({ actor: staff(actor), courseId, status, reason });
  if (!result.ok) return result;
  if (before.status !== status) {
    await recordAudit(db(), {
      actorUserId: actor.userId, action: "course.status", entityType: "Course", entityId: courseId, courseId, organisationId: before.providerId,
      details: { from: before.status, to: status, reason: reason?.trim() || null },
    });
  }
  return { ok: true };
}

/** One provider action on one enrolment, through the engine verb of the same name. */
export async function providerEnrolmentAction(actor: Actor, enrolmentId: string, action: ProviderAction, reason?: string | null): Promise<Outcome> {
  const input = { actor: staff(actor), enrolmentId, reason };
  switch (action) {
    case "offer":
      return offerSeat(input);
    case "confirm":
      return confirmSeat(input);
    case "decline":
      return declineOffer(input);
    case "start":
      return markStarted(input);
    case "no-show":
      return markNoShow(input);
    case "interrupt":
      return markInterrupted(input);
    case "complete":
      return markCompleted(input);
    case "cancel":
      return cancelEnrolment(input);
  }
}

/** The same action on many enrolments, one at a time; each row gets its own result. */
export async function bulkEnrolmentAction(actor: Actor, enrolmentIds: string[], action: ProviderAction, reason?: string | null) {
  const results: { enrolmentId: string; ok: boolean; code?: EngineErrorCode }[] = [];
  for (const enrolmentId of enrolmentIds) {
    const r = await providerEnrolmentAction(actor, enrolmentId, action, reason);
    results.push(r.ok ? { enrolmentId, ok: true } : { enrolmentId, ok: false, code: r.code });
  }
  return results;
}

/** Moves a waitlisted client to a position in the queue, with a reason (an event records from → to). */
export function moveClientInQueue(actor: Actor, enrolmentId: string, position: number, reason: string) {
  return moveInQueue({ actor: staff(actor), enrolmentId, position, reason });
}
