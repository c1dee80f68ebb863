import "server-only";
import { db } from "../db/client";
import type { EnrolmentStatus } from "../db/generated/enums";
import { clientNotice, queueNotice } from "./notifications";
import { authorisedScope, type EnrolmentScope } from "./scope";
import { afterSeatReleased, fillFreeSeats } from "./hand-over";
import { lockClient, lockCourse, lockEnrolment, type EnrolmentRow, type LockedClient, type LockedCourse } from "./locks";
import { transition } from "./transitions";
import { canTransition, holdsSeat, reasonRequired } from "./states";
import { inTransaction, type Tx } from "./transaction";
import type { Prisma } from "../db/generated/client";
import { fail, type EngineActor, type EngineErrorCode, type Result } from "./types";

export interface ChangeContext {
  tx: Tx;
  actor: EngineActor;
  now: Date;
  course: LockedCourse;
  client: LockedClient;
  enrolment: EnrolmentRow;
  reason: string | null;
  /** Other courses whose seats this change released: refilled after commit. */
  refill: string[];
}

export interface ChangeSpec {
  actor: EngineActor;
  enrolmentId: string;
  to: EnrolmentStatus;
  /** Only from these states (the state machine allows more, e.g. WAITLISTED → CONFIRMED when the engine seats someone). */
  from?: readonly EnrolmentStatus[];
  reason?: string | null;
  now?: Date;
  /** Who may make this change (beyond being able to see the enrolment). */
  allowed: (actor: EngineActor, scope: EnrolmentScope) => boolean;
  /** Checks and changes that must come before the transition (under the same locks); a code refuses the change. */
  before?: (ctx: ChangeContext) => Promise<EngineErrorCode | void>;
  /** Extra columns the transition writes. */
  patch?: Prisma.EnrolmentUpdateManyMutationInput;
  /** Notices and side effects inside the same transaction. */
  after?: (ctx: ChangeContext) => Promise<void>;
}

export type Changed = { enrolment: { id: string; status: EnrolmentStatus } };

/**
 * The shape of every single-enrolment verb: check access, lock course → client → enrolment,
 * move along the state machine with an event, then hand a released seat to the queue.
 */
export async function changeEnrolment(spec: ChangeSpec): Promise<Result<Changed>> {
  const now = spec.now ?? new Date();
  const reason = spec.reason?.trim() || null;
  const authorised = await authorisedScope(spec.actor, spec.enrolmentId, spec.allowed);
  if (!authorised.ok) return authorised;
  const { scope } = authorised;
  if (reasonRequired(spec.to) && !reason) return fail("REASON_REQUIRED");

  const outcome = await inTransaction(async (tx) => {
    const course = (await lockCourse(tx, scope.courseId))!;
    const client = (await lockClient(tx, scope.clientId))!;
    const enrolment = (await lockEnrolment(tx, scope.id))!;
    if (enrolment.status === "OFFERED" && enrolment.offerExpiresAt && enrolment.offerExpiresAt <= now && spec.to !== "EXPIRED" && spec.to !== "CANCELLED") {
      // The deadline has passed: the offer expires now, whatever was asked.
      await expireInTransaction({ tx, actor: { kind: "SYSTEM" }, now, course, client, enrolment, reason: "Deadline passed", refill: [] });
      return { expired: true as const };
    }
    if ((spec.from && !spec.from.includes(enrolment.status)) || !canTransition(enrolment.status, spec.to)) return { invalid: true as const };
    const ctx: ChangeContext = { tx, actor: spec.actor, now, course, client, enrolment, reason, refill: [] };
    const refused = await spec.before?.(ctx);
    if (refused) return { refused };
    const moved = await transition(tx, enrolment, spec.to, { actor: spec.actor, now, reason, patch: spec.patch });
    if (!moved) throw new Error(`enrolment ${enrolment.id} changed under its lock`);
    await spec.after?.(ctx);
    return { released: holdsSeat(enrolment.status) && !holdsSeat(spec.to), refill: ctx.refill };
  });

  if ("invalid" in outcome) return fail("INVALID_TRANSITION");
  if ("refused" in outcome) return fail(outcome.refused!);
  if ("expired" in outcome) {
    await afterSeatReleased(db(), scope.courseId, scope.clientId, now);
    return fail("OFFER_EXPIRED");
  }
  if (outcome.released) await afterSeatReleased(db(), scope.courseId, scope.clientId, now);
  for (const courseId of outcome.refill) if (courseId !== scope.courseId) await fillFreeSeats(courseId, now);
  return { ok: true, enrolment: { id: scope.id, status: spec.to } };
}

/** OFFERED → EXPIRED with its notices; the caller refills the seat after commit. */
export async function expireInTransaction(ctx: ChangeContext): Promise<boolean> {
  const moved = await transition(ctx.tx, ctx.enrolment, "EXPIRED", { actor: ctx.actor, now: ctx.now, reason: ctx.reason });
  if (!moved) return false;
  await queueNotice(ctx.tx, clientNotice("client/offer_expired", ctx.client, ctx.enrolment.id, ctx.course));
  await noticeToReferrer(ctx, "official/offer_expired");
  return true;
}

export async function noticeToReferrer(ctx: ChangeContext, template: "official/offer_expired" | "official/client_declined" | "official/no_show" | "official/client_placed"): Promise<void> {
  if (!ctx.enrolment.referredById) return;
  const official = await ctx.tx.user.findUnique({ where: { id: ctx.enrolment.referredById }, select: { id: true, email: true, locale: true, deactivatedAt: true } });
  if (!official || official.deactivatedAt) return;
  await queueNotice(ctx.tx, {
    template,
    to: official.email,
    locale: official.locale ?? "fi",
    userId: official.id,
    clientId: ctx.client.id,
    enrolmentId: ctx.enrolment.id,
    payload: { courseId: ctx.course.id, courseName: ctx.course.name, reason: ctx.reason },
  });
}

