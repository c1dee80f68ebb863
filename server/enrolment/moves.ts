import "server-only";
import type { QueuePriority } from "../db/generated/enums";
import { isOfficialOf, isProviderOf } from "./access";
import { queueMoveNotice } from "./notifications";
import { placeAt, queuePosition, renumberQueue, waitlist } from "./queue";
import { authorisedScope } from "./scope";
import { actorColumns } from "./transitions";
import { lockCourse, lockEnrolment } from "./locks";
import { inTransaction } from "./transaction";
import { fail, type EngineActor, type Result } from "./types";

/**
 * A provider moves a waitlisted client to a position in the course's queue, with a written reason.
 * The move is recorded as an event (WAITLISTED → WAITLISTED) with the old and new position.
 */
export async function moveInQueue(input: { actor: EngineActor; enrolmentId: string; position: number; reason?: string | null; now?: Date }): Promise<Result<{ queuePosition: number }>> {
  const now = input.now ?? new Date();
  const reason = input.reason?.trim();
  const authorised = await authorisedScope(input.actor, input.enrolmentId, isProviderOf);
  if (!authorised.ok) return authorised;
  const { scope } = authorised;
  if (!reason) return fail("REASON_REQUIRED");
  return inTransaction(async (tx) => {
    await lockCourse(tx, scope.courseId);
    const enrolment = await lockEnrolment(tx, scope.id);
    if (enrolment?.status !== "WAITLISTED") return fail("INVALID_TRANSITION");
    const from = await queuePosition(tx, scope.id);
    let others = (await waitlist(tx, scope.courseId)).filter((e) => e.id !== scope.id);
    let place = placeAt(others, input.position, enrolment, now);
    if (!place && Number.isInteger(input.position) && input.position >= 1 && input.position <= others.length + 1) {
      await renumberQueue(tx, scope.courseId);
      others = (await waitlist(tx, scope.courseId)).filter((e) => e.id !== scope.id);
      place = placeAt(others, input.position, enrolment, now);
    }
    if (!place) return fail("INVALID_POSITION");
    await tx.enrolment.update({
      where: { id: scope.id },
      // Moved into the urgent group, the move's reason is why it is urgent; already urgent, it keeps its reason.
      data: {
        queueOrder: place.queueOrder,
        priority: place.priority,
        priorityReason: place.priority !== "URGENT" ? null : enrolment.priority === "URGENT" ? undefined : reason,
      },
    });
    const to = (await queuePosition(tx, scope.id))!;
    await tx.enrolmentEvent.create({
      data: { enrolmentId: scope.id, at: now, ...actorColumns(input.actor), fromStatus: "WAITLISTED", toStatus: "WAITLISTED", reason, data: { move: { from, to } } },
    });
    if (from !== to) await queueMoveNotice(tx, scope.id);
    return { ok: true as const, queuePosition: to };
  });
}

/** An official marks a client's queue place urgent (reason required) or normal again. */
export async function setPriority(input: { actor: EngineActor; enrolmentId: string; priority: QueuePriority; reason?: string | null; now?: Date }): Promise<Result<{ queuePosition: number | null }>> {
  const now = input.now ?? new Date();
  const reason = input.reason?.trim() || null;
  const authorised = await authorisedScope(input.actor, input.enrolmentId, isOfficialOf);
  if (!authorised.ok) return authorised;
  const { scope } = authorised;
  if (input.priority === "URGENT" && !reason) return fail("REASON_REQUIRED");
  return inTransaction(async (tx) => {
    await lockCourse(tx, scope.courseId);
    const enrolment = await lockEnrolment(tx, scope.id);
    if (enrolment?.status !== "WAITLISTED") return fail("INVALID_TRANSITION");
    await tx.enrolment.update({ where: { id: scope.id }, data: { priority: input.priority, priorityReason: input.priority === "URGENT" ? reason : null } });
    const position = await queuePosition(tx, scope.id);
    await tx.enrolmentEvent.create({
      data: { enrolmentId: scope.id, at: now, ...actorColumns(input.actor), fromStatus: "WAITLISTED", toStatus: "WAITLISTED", reason, data: { priority: input.priority, queuePosition: position } },
    });
    return { ok: true as const, queuePosition: position };
  });
}
