import "server-only";
import { db } from "../db/client";
import { isClientOf, isOfficialOf, isProviderOf } from "./access";
import { changeEnrolment, expireInTransaction, noticeToReferrer, type ChangeContext } from "./change";
import { clientNotice, queueNotice } from "./notifications";
import { authorisedScope, type EnrolmentScope } from "./scope";
import { afterSeatReleased, clientHoldsSeat, fillFreeSeats, grantSeat, placesRankedAbove, releaseConditionalSeat, settlePlaces } from "./hand-over";
import { lockClient, lockCourse, lockEnrolment } from "./locks";
import { inTransaction } from "./transaction";
import { fail, SYSTEM, type EngineActor, type Result } from "./types";

interface OfferAction {
  actor: EngineActor;
  enrolmentId: string;
  reason?: string | null;
  now?: Date;
}

/** An accepted seat releases the client's conditional seat first (one held seat, one conditional seat). */
async function releaseEarlierConditionalSeat(ctx: ChangeContext): Promise<void> {
  ctx.refill.push(...(await releaseConditionalSeat(ctx.tx, ctx.client, ctx.enrolment.id, ctx.course.name, ctx)));
}

async function confirmed(ctx: ChangeContext): Promise<void> {
  ctx.refill.push(...(await settlePlaces(ctx.tx, ctx.client, ctx.enrolment, { ...ctx, conditional: false })));
  await queueNotice(ctx.tx, clientNotice("client/seat_confirmed", ctx.client, ctx.enrolment.id, ctx.course));
  await noticeToReferrer(ctx, "official/client_placed");
}

const answersForClient = (actor: EngineActor, scope: EnrolmentScope) => isClientOf(actor, scope) || isOfficialOf(actor, scope) || isProviderOf(actor, scope);

/**
 * The client accepts an offered seat (through their link, or staff on their behalf): CONFIRMED.
 * `conditional`: accepted on condition, as national admissions do it: the client keeps their
 * queue places on courses ranked higher in their pooled referral; if one of those is later offered
 * and accepted, this seat is released and offered onwards at once. Refused with
 * CONDITIONAL_NOT_AVAILABLE when no place is ranked higher.
 */
export function acceptOffer(input: OfferAction & { conditional?: boolean }) {
  if (!input.conditional) {
    return changeEnrolment({ ...input, to: "CONFIRMED", from: ["OFFERED"], allowed: answersForClient, before: releaseEarlierConditionalSeat, after: confirmed });
  }
  let waitingFor: { courseId: string; courseName: string }[] = [];
  return changeEnrolment({
    ...input,
    to: "CONFIRMED",
    from: ["OFFERED"],
    allowed: answersForClient,
    patch: { conditional: true },
    before: async (ctx) => {
      waitingFor = await placesRankedAbove(ctx.tx, ctx.client.id, ctx.enrolment);
      if (waitingFor.length === 0) return "CONDITIONAL_NOT_AVAILABLE";
      await releaseEarlierConditionalSeat(ctx);
    },
    after: async (ctx) => {
      ctx.refill.push(...(await settlePlaces(ctx.tx, ctx.client, ctx.enrolment, { ...ctx, conditional: true })));
      // No longer holding an open offer, the client may be next on the courses ranked higher.
      ctx.refill.push(...waitingFor.map((p) => p.courseId));
      await queueNotice(ctx.tx, {
        ...clientNotice("client/seat_confirmed_conditional", ctx.client, ctx.enrolment.id, ctx.course),
        payload: { courseId: ctx.course.id, courseName: ctx.course.name, preferredCourses: waitingFor.map((p) => p.courseName) },
      });
    },
  });
}

/** The provider confirms an offered seat. */
export function confirmSeat(input: OfferAction) {
  return changeEnrolment({ ...input, to: "CONFIRMED", from: ["OFFERED"], allowed: isProviderOf, before: releaseEarlierConditionalSeat, after: confirmed });
}

/** The client declines (or staff record the client's answer): DECLINED, and the seat moves on. */
export function declineOffer(input: OfferAction) {
  return changeEnrolment({
    ...input,
    to: "DECLINED",
    from: ["OFFERED"],
    allowed: (actor, scope) => isClientOf(actor, scope) || isOfficialOf(actor, scope) || isProviderOf(actor, scope),
    after: (ctx) => noticeToReferrer(ctx, "official/client_declined"),
  });
}

/**
 * A provider offers a seat to a waitlisted client out of queue order, with a written reason.
 * Needs a free seat, and the client must not hold a seat elsewhere.
 */
export async function offerSeat(input: OfferAction): Promise<Result<{ enrolment: { id: string; status: "OFFERED" | "CONFIRMED" } }>> {
  const now = input.now ?? new Date();
  const reason = input.reason?.trim();
  const authorised = await authorisedScope(input.actor, input.enrolmentId, isProviderOf);
  if (!authorised.ok) return authorised;
  const { scope } = authorised;
  if (!reason) return fail("REASON_REQUIRED");
  const outcome = await inTransaction(async (tx) => {
    const course = (await lockCourse(tx, scope.courseId))!;
    const client = (await lockClient(tx, scope.clientId))!;
    const enrolment = (await lockEnrolment(tx, scope.id))!;
    if (enrolment.status !== "WAITLISTED") return fail("INVALID_TRANSITION");
    if (course.seatsHeld >= course.capacity) return fail("NO_FREE_SEAT");
    if (await clientHoldsSeat(tx, client.id)) return fail("CLIENT_HOLDS_SEAT");
    const grant = await grantSeat(tx, course, client, enrolment, { actor: input.actor, now, reason, data: { outOfOrder: true } });
    return grant ? { ok: true as const, enrolment: { id: scope.id, status: grant.to as "OFFERED" | "CONFIRMED" }, released: grant.released } : fail("INVALID_TRANSITION");
  });
  if (!outcome.ok) return outcome;
  for (const other of outcome.released) await fillFreeSeats(other, now);
  return { ok: true, enrolment: outcome.enrolment };
}

/**
 * Expires every offer whose deadline has passed (optionally on one course), then hands each freed
 * seat on. Run every minute by the job runner and lazily before a course or enrolment is read.
 */
export async function expireDueOffers(now = new Date(), courseId?: string): Promise<number> {
  const due = await db().enrolment.findMany({
    where: { status: "OFFERED", offerExpiresAt: { lte: now }, ...(courseId ? { courseId } : {}) },
    select: { id: true, clientId: true, courseId: true },
    // Offers made together share a deadline: a fixed order among them, as each freed seat is handed on in turn.
    orderBy: [{ offerExpiresAt: "asc" }, { courseId: "asc" }, { id: "asc" }],
    take: 500,
  });
  let expired = 0;
  for (const offer of due) {
    const done = await inTransaction(async (tx) => {
      const course = (await lockCourse(tx, offer.courseId))!;
      const client = (await lockClient(tx, offer.clientId))!;
      const enrolment = await lockEnrolment(tx, offer.id);
      if (enrolment?.status !== "OFFERED" || !enrolment.offerExpiresAt || enrolment.offerExpiresAt > now) return false;
      return expireInTransaction({ tx, actor: SYSTEM, now, course, client, enrolment, reason: "Deadline passed", refill: [] });
    });
    if (done) {
      expired++;
      await afterSeatReleased(db(), offer.courseId, offer.clientId, now);
    }
  }
  return expired;
}
