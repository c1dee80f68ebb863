import "server-only";
import { db } from "../db/client";
import { isClientOf, isOfficialOf, isProviderOf } from "./access";
import { changeEnrolment, expireInTransaction, noticeToReferrer, type ChangeContext } from "./change";
import { queueNotice } from "./notifications";
import { authorisedScope } from "./scope";
import { afterSeatReleased, clientHoldsSeat, clientNotice, grantSeat, lockClient, lockCourse, lockEnrolment, withdrawOtherPlaces } from "./seats";
import { inTransaction } from "./transaction";
import { fail, SYSTEM, type EngineActor, type Result } from "./types";

interface OfferAction {
  actor: EngineActor;
  enrolmentId: string;
  reason?: string | null;
  now?: Date;
}

async function confirmed(ctx: ChangeContext): Promise<void> {
  await withdrawOtherPlaces(ctx.tx, ctx.client, ctx.enrolment.id, ctx);
  await queueNotice(ctx.tx, clientNotice("client/seat_confirmed", ctx.client, ctx.enrolment.id, ctx.course));
  await noticeToReferrer(ctx, "official/client_placed");
}

/** The client accepts an offered seat (through their link, or staff on their behalf): CONFIRMED. */
export function acceptOffer(input: OfferAction) {
  return changeEnrolment({
    ...input,
    to: "CONFIRMED",
    from: ["OFFERED"],
    allowed: (actor, scope) => isClientOf(actor, scope) || isOfficialOf(actor, scope) || isProviderOf(actor, scope),
    after: confirmed,
  });
}

/** The provider confirms an offered seat. */
export function confirmSeat(input: OfferAction) {
  return changeEnrolment({ ...input, to: "CONFIRMED", from: ["OFFERED"], allowed: isProviderOf, after: confirmed });
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
  return inTransaction(async (tx) => {
    const course = (await lockCourse(tx, scope.courseId))!;
    const client = (await lockClient(tx, scope.clientId))!;
    const enrolment = (await lockEnrolment(tx, scope.id))!;
    if (enrolment.status !== "WAITLISTED") return fail("INVALID_TRANSITION");
    if (course.seatsHeld >= course.capacity) return fail("NO_FREE_SEAT");
    if (await clientHoldsSeat(tx, client.id)) return fail("CLIENT_HOLDS_SEAT");
    const to = await grantSeat(tx, course, client, enrolment, { actor: input.actor, now, reason });
    return to ? { ok: true as const, enrolment: { id: scope.id, status: to as "OFFERED" | "CONFIRMED" } } : fail("INVALID_TRANSITION");
  });
}

/**
 * Expires every offer whose deadline has passed (optionally on one course), then hands each freed
 * seat on. Run every minute by the job runner and lazily before a course or enrolment is read.
 */
export async function expireDueOffers(now = new Date(), courseId?: string): Promise<number> {
  const due = await db().enrolment.findMany({
    where: { status: "OFFERED", offerExpiresAt: { lte: now }, ...(courseId ? { courseId } : {}) },
    select: { id: true, clientId: true, courseId: true },
    orderBy: { offerExpiresAt: "asc" },
    take: 500,
  });
  let expired = 0;
  for (const offer of due) {
    const done = await inTransaction(async (tx) => {
      const course = (await lockCourse(tx, offer.courseId))!;
      const client = (await lockClient(tx, offer.clientId))!;
      const enrolment = await lockEnrolment(tx, offer.id);
      if (enrolment?.status !== "OFFERED" || !enrolment.offerExpiresAt || enrolment.offerExpiresAt > now) return false;
      return expireInTransaction({ tx, actor: SYSTEM, now, course, client, enrolment, reason: "Deadline passed" });
    });
    if (done) {
      expired++;
      await afterSeatReleased(db(), offer.courseId, offer.clientId, now);
    }
  }
  return expired;
}
