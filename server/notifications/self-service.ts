import "server-only";
import { db } from "../db/client";
import type { EnrolmentStatus } from "../db/generated/enums";
import { acceptOffer, declineOffer, leaveQueue } from "../enrolment";
import { queuePosition } from "../enrolment/queue";
import { linkLimitState, recordUnknownLink } from "./link-limit";
import { hashToken, looksLikeToken } from "./tokens";

// The client's page behind the e-mail link (/o/<token>): no account, the token is the key. It is
// bound to one enrolment, valid until its expiry, and answers once; every change goes through the
// engine as the CLIENT actor, so the enrolment's events say the client did it.

export interface SelfServiceCourse {
  name: string;
  provider: string;
  address: string | null;
  municipality: string;
  remote: boolean;
  schedule: "DAY" | "EVENING";
  startsOn: Date;
  endsOn: Date;
}

export type SelfServiceView =
  | { state: "unknown" }
  | { state: "expired"; locale: string; course: SelfServiceCourse }
  | { state: "offer"; locale: string; course: SelfServiceCourse; deadline: Date }
  | { state: "queue"; locale: string; course: SelfServiceCourse; position: number; total: number; capacity: number; seatsFromQueue: number }
  | { state: "answered"; locale: string; course: SelfServiceCourse; status: EnrolmentStatus };

async function find(token: string) {
  if (!looksLikeToken(token)) return null;
  return db().selfServiceToken.findUnique({ where: { tokenHash: hashToken(token) } });
}

/**
 * The page's view of a link; `ip` (the client's address) counts unknown links against it. A blocked
 * IP never gets here: proxy.ts answers 429 first (link-limit.ts).
 */
export async function loadSelfService(token: string, now = new Date(), ip: string | null = null): Promise<SelfServiceView> {
  const row = await find(token);
  if (!row) {
    await recordUnknownLink(ip);
    return { state: "unknown" };
  }
  const enrolment = await db().enrolment.findUnique({
    where: { id: row.enrolmentId },
    select: {
      id: true, clientId: true, courseId: true, status: true, offerExpiresAt: true,
      course: { select: { name: true, address: true, municipality: true, remote: true, schedule: true, startsOn: true, endsOn: true, capacity: true, provider: { select: { name: true } } } },
    },
  });
  if (!enrolment) return { state: "unknown" };
  const { capacity, provider, ...rest } = enrolment.course;
  const course: SelfServiceCourse = { ...rest, provider: provider.name };
  const locale = row.locale;
  const status = enrolment.status;
  if (status === "OFFERED" && enrolment.offerExpiresAt && enrolment.offerExpiresAt > now && !row.usedAt && row.expiresAt > now) {
    return { state: "offer", locale, course, deadline: enrolment.offerExpiresAt };
  }
  if (status === "WAITLISTED" && !row.usedAt && row.expiresAt > now) {
    const position = (await queuePosition(db(), enrolment.id)) ?? 0;
    const total = await db().enrolment.count({ where: { courseId: enrolment.courseId, status: "WAITLISTED" } });
    const seatsFromQueue = await db().enrolmentEvent.count({
      where: { enrolment: { courseId: enrolment.courseId }, fromStatus: "WAITLISTED", toStatus: { in: ["OFFERED", "CONFIRMED"] } },
    });
    return { state: "queue", locale, course, position, total, capacity, seatsFromQueue };
  }
  if ((status === "OFFERED" || status === "EXPIRED") && !row.usedAt) return { state: "expired", locale, course };
  if (!row.usedAt && row.expiresAt <= now) return { state: "expired", locale, course };
  return { state: "answered", locale, course, status };
}

export type SelfServiceAnswer = "accept" | "decline" | "leave";
export type AnswerResult = { ok: true; status: EnrolmentStatus } | { ok: false; code: "UNKNOWN" | "USED" | "EXPIRED" | "NOT_ANSWERABLE" | "RATE_LIMITED" };

/** Answers once: the token is taken first, and given back if the engine refuses the change. */
export async function answerSelfService(token: string, answer: SelfServiceAnswer, now = new Date(), ip: string | null = null): Promise<AnswerResult> {
  if ((await linkLimitState(ip)).blocked) return { ok: false, code: "RATE_LIMITED" };
  const row = await find(token);
  if (!row) {
    await recordUnknownLink(ip);
    return { ok: false, code: "UNKNOWN" };
  }
  const { count } = await db().selfServiceToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now, answer },
  });
  if (count !== 1) return { ok: false, code: row.usedAt ? "USED" : "EXPIRED" };
  const enrolment = await db().enrolment.findUnique({ where: { id: row.enrolmentId }, select: { clientId: true } });
  if (!enrolment) return { ok: false, code: "UNKNOWN" };
  const actor = { kind: "CLIENT" as const, clientId: enrolment.clientId };
  const input = { actor, enrolmentId: row.enrolmentId, now };
  const result = answer === "accept" ? await acceptOffer(input) : answer === "decline" ? await declineOffer(input) : await leaveQueue(input);
  if (result.ok) return { ok: true, status: result.enrolment.status };
  await db().selfServiceToken.update({ where: { id: row.id }, data: { usedAt: null, answer: null } });
  return { ok: false, code: result.code === "OFFER_EXPIRED" ? "EXPIRED" : "NOT_ANSWERABLE" };
}

/** The page's texts in one of the six client languages (messages/<lang>/selfService.json). */
export type SelfServiceMessages = typeof import("../../messages/en/selfService.json");

export async function selfServiceMessages(lang: "fi" | "sv" | "en" | "ru" | "uk" | "ar"): Promise<SelfServiceMessages> {
  return ((await import(`../../messages/${lang}/selfService.json`)) as { default: SelfServiceMessages }).default;
}
