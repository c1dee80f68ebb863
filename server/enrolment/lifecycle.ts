import "server-only";
import { isClientOf, isOfficialOf, isProviderOf } from "./access";
import { changeEnrolment, noticeToReferrer } from "./change";
import { clientNotice, queueNotice } from "./notifications";
import { settlePlaces } from "./hand-over";
import type { EngineActor } from "./types";

interface LifecycleAction {
  actor: EngineActor;
  enrolmentId: string;
  reason?: string | null;
  now?: Date;
}

/**
 * The provider marks that the client started the course. A client who started on a conditional
 * seat has chosen it: their places ranked higher end, and so do their pooled referrals.
 */
export function markStarted(input: LifecycleAction) {
  return changeEnrolment({
    ...input,
    to: "STARTED",
    allowed: isProviderOf,
    patch: { conditional: false },
    before: async (ctx) => {
      if (ctx.enrolment.conditional) ctx.refill.push(...(await settlePlaces(ctx.tx, ctx.client, ctx.enrolment, { ...ctx, conditional: false })));
    },
  });
}

/** The client never came: the seat is freed and the official is told. */
export function markNoShow(input: LifecycleAction) {
  return changeEnrolment({ ...input, to: "NO_SHOW", allowed: isProviderOf, after: (ctx) => noticeToReferrer(ctx, "official/no_show") });
}

/** The client stopped during the course (reason required); the seat goes to the queue. */
export function markInterrupted(input: LifecycleAction) {
  return changeEnrolment({ ...input, to: "INTERRUPTED", allowed: isProviderOf });
}

export function markCompleted(input: LifecycleAction) {
  return changeEnrolment({ ...input, to: "COMPLETED", allowed: isProviderOf });
}

/** The client's official or the course's provider cancels a live enrolment, with a reason. */
export function cancelEnrolment(input: LifecycleAction) {
  return changeEnrolment({
    ...input,
    to: "CANCELLED",
    allowed: (actor, scope) => isOfficialOf(actor, scope) || isProviderOf(actor, scope),
    after: async (ctx) => {
      await queueNotice(ctx.tx, { ...clientNotice("client/enrolment_cancelled", ctx.client, ctx.enrolment.id, ctx.course), payload: { courseId: ctx.course.id, courseName: ctx.course.name, reason: ctx.reason } });
    },
  });
}

/** The client leaves a course's queue through their personal link: WITHDRAWN, and they are told so. */
export function leaveQueue(input: LifecycleAction) {
  return changeEnrolment({
    ...input,
    reason: input.reason ?? "Client left the queue",
    to: "WITHDRAWN",
    from: ["WAITLISTED"],
    allowed: isClientOf,
    after: async (ctx) => {
      await queueNotice(ctx.tx, clientNotice("client/queue_place_withdrawn", ctx.client, ctx.enrolment.id, ctx.course));
    },
  });
}
