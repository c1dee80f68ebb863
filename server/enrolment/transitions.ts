import "server-only";
import type { EnrolmentStatus } from "../db/generated/enums";
import type { Prisma } from "../db/generated/client";
import { canTransition, holdsSeat } from "./states";
import type { EnrolmentRow } from "./locks";
import type { Tx } from "./transaction";
import type { EngineActor } from "./types";

// Guarded moves along the state machine (states.ts): each one writes its event, and a concurrent
// change makes it fail instead of being overwritten.

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
