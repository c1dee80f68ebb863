import "server-only";
import type { EnrolmentAction } from "../../lib/schemas/enrolment";
import { markCompleted, markInterrupted, markNoShow, markStarted, cancelEnrolment } from "./lifecycle";
import { moveInQueue, setPriority } from "./moves";
import { acceptOffer, confirmSeat, declineOffer, offerSeat } from "./offers";
import { fail, type EngineActor, type Result } from "./types";

/** The verb behind each `POST /api/v1/enrolments/{id}/{action}`. */
export async function performEnrolmentAction(
  actor: EngineActor,
  enrolmentId: string,
  action: EnrolmentAction,
  body: { reason?: string | null; position?: number; priority?: "URGENT" | "NORMAL"; conditional?: boolean },
): Promise<Result<object>> {
  const input = { actor, enrolmentId, reason: body.reason };
  switch (action) {
    case "accept":
      return acceptOffer({ ...input, conditional: body.conditional });
    case "decline":
      return declineOffer(input);
    case "confirm":
      return confirmSeat(input);
    case "cancel":
      return cancelEnrolment(input);
    case "start":
      return markStarted(input);
    case "complete":
      return markCompleted(input);
    case "interrupt":
      return markInterrupted(input);
    case "no-show":
      return markNoShow(input);
    case "offer":
      return offerSeat(input);
    case "move":
      return body.position === undefined ? fail("INVALID_POSITION") : moveInQueue({ ...input, position: body.position });
    case "priority":
      return setPriority({ ...input, priority: body.priority ?? "NORMAL" });
  }
}
