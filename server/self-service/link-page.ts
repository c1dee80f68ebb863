import "server-only";
import { db } from "../db/client";
import type { EnrolmentStatus } from "../db/generated/enums";
import { acceptOffer, declineOffer, leaveQueue } from "../enrolment";
import { queuePosition, queuePositions } from "../enrolment/queue";
import { placesRankedAbove } from "../enrolment/hand-over";
import { linkLimitState, recordUnknownLink } from "./link-limit";
import { hashToken, looksLikeToken } from "./tokens";
import { LIVE_STATUSES } from "../../lib/enrolment-status";

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

/** A client's standing on one course of their pooled referral (or one they ranked higher than a seat they hold). */
export interface PoolStanding {
  id: string;
  course: SelfServiceCourse;
  /** The client's choice number (1 = most wanted); null when the course matched the criteria only. */
  rank: number | null;
  status: EnrolmentStatus;
  conditional: boolean;
  position: number | null;
  total: number;
}

/** The client's own office: who to contact, by name, with its contact details (never "the TE office"). */
export interface SelfServiceOffice {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export type SelfServiceView = { state: "unknown" } | (KnownLinkView & { office: SelfServiceOffice });

type KnownLinkView =
  | { state: "expired"; course: SelfServiceCourse }
  /** `preferred`: the courses ranked higher whose queue places an acceptance on condition keeps (empty: not available). */
  | { state: "offer"; course: SelfServiceCourse; deadline: Date; preferred: string[] }
  | { state: "queue"; course: SelfServiceCourse; position: number; total: number; capacity: number; seatsFromQueue: number }
  /** A pooled referral's queue page: every live place of the pool, best-ranked first. */
  | { state: "pool"; places: PoolStanding[] }
  /**
   * `conditional`: a seat accepted on condition, with the courses still waited for; `released`: a
   * conditional seat given up for a course ranked higher.
   */
  | { state: "answered"; course: SelfServiceCourse; status: EnrolmentStatus; conditional: PoolStanding[] | null; released: boolean };

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
  const client = await db().enrolment.findUnique({ where: { id: row.enrolmentId }, select: { client: { select: { office: { select: { name: true, email: true, phone: true, address: true } } } } } });
  if (!client) return { state: "unknown" };
  const view = await linkView(row, now);
  return view ? { ...view, office: client.client.office } : { state: "unknown" };
}

async function linkView(row: NonNullable<Awaited<ReturnType<typeof find>>>, now: Date): Promise<KnownLinkView | null> {
  const enrolment = await db().enrolment.findUnique({
    where: { id: row.enrolmentId },
    select: {
      id: true, clientId: true, courseId: true, status: true, offerExpiresAt: true, queueEntryId: true, preferenceRank: true, conditional: true,
      course: { select: courseSelect },
    },
  });
  if (!enrolment) return null;
  const { capacity, provider, ...rest } = enrolment.course;
  const course: SelfServiceCourse = { ...rest, provider: provider.name };
  const status = enrolment.status;
  if (status === "OFFERED" && enrolment.offerExpiresAt && enrolment.offerExpiresAt > now && !row.usedAt && row.expiresAt > now) {
    const preferred = (await placesRankedAbove(db(), enrolment.clientId, enrolment)).map((p) => p.courseName);
    return { state: "offer", course, deadline: enrolment.offerExpiresAt, preferred };
  }
  // A queue link of a pooled referral shows the client's standing on each course of the pool while any is live.
  if (enrolment.queueEntryId && row.kind === "QUEUE" && !row.usedAt && row.expiresAt > now) {
    const places = await standing({ queueEntryId: enrolment.queueEntryId });
    if (places.length > 0) return { state: "pool", places };
  }
  if (status === "WAITLISTED" && !row.usedAt && row.expiresAt > now) {
    const position = (await queuePosition(db(), enrolment.id)) ?? 0;
    const total = await db().enrolment.count({ where: { courseId: enrolment.courseId, status: "WAITLISTED" } });
    const seatsFromQueue = await db().enrolmentEvent.count({
      where: { enrolment: { courseId: enrolment.courseId }, fromStatus: "WAITLISTED", toStatus: { in: ["OFFERED", "CONFIRMED"] } },
    });
    return { state: "queue", course, position, total, capacity, seatsFromQueue };
  }
  if ((status === "OFFERED" || status === "EXPIRED") && !row.usedAt) return { state: "expired", course };
  if (!row.usedAt && row.expiresAt <= now) return { state: "expired", course };
  const conditional = status === "CONFIRMED" && enrolment.conditional ? await standing({ ids: (await placesRankedAbove(db(), enrolment.clientId, enrolment)).map((p) => p.id) }) : null;
  return { state: "answered", course, status, conditional, released: status === "WITHDRAWN" && enrolment.conditional };
}

const courseSelect = {
  name: true, address: true, municipality: true, remote: true, schedule: true, startsOn: true, endsOn: true, capacity: true, provider: { select: { name: true } },
} as const;

/** The live places of a pool (or the given places), best-ranked first, each with its queue position and queue length. */
async function standing(where: { queueEntryId: string } | { ids: string[] }): Promise<PoolStanding[]> {
  const rows = await db().enrolment.findMany({
    where: { ...("ids" in where ? { id: { in: where.ids } } : { queueEntryId: where.queueEntryId }), status: { in: [...LIVE_STATUSES] } },
    select: { id: true, courseId: true, status: true, preferenceRank: true, conditional: true, course: { select: courseSelect } },
  });
  rows.sort((a, b) => (a.preferenceRank ?? Infinity) - (b.preferenceRank ?? Infinity) || a.course.startsOn.getTime() - b.course.startsOn.getTime());
  const waiting = rows.filter((r) => r.status === "WAITLISTED");
  const [positions, totals] = await Promise.all([
    queuePositions(db(), waiting.map((r) => r.id)),
    db().enrolment.groupBy({ by: ["courseId"], where: { courseId: { in: waiting.map((r) => r.courseId) }, status: "WAITLISTED" }, _count: true }),
  ]);
  const totalOf = new Map(totals.map((t) => [t.courseId, t._count]));
  return rows.map((r) => {
    const { capacity: _capacity, provider, ...course } = r.course;
    void _capacity;
    return {
      id: r.id,
      course: { ...course, provider: provider.name },
      rank: r.preferenceRank,
      status: r.status,
      conditional: r.conditional,
      position: positions.get(r.id) ?? null,
      total: totalOf.get(r.courseId) ?? 0,
    };
  });
}

export type SelfServiceAnswer = "accept" | "acceptConditional" | "decline" | "leave";
export type AnswerResult = { ok: true; status: EnrolmentStatus } | { ok: false; code: "UNKNOWN" | "USED" | "EXPIRED" | "NOT_ANSWERABLE" | "RATE_LIMITED" | "CONDITIONAL_NOT_AVAILABLE" };

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
  const result =
    answer === "accept" ? await acceptOffer(input)
    : answer === "acceptConditional" ? await acceptOffer({ ...input, conditional: true })
    : answer === "decline" ? await declineOffer(input)
    : await leaveQueue(input);
  if (result.ok) return { ok: true, status: result.enrolment.status };
  await db().selfServiceToken.update({ where: { id: row.id }, data: { usedAt: null, answer: null } });
  return { ok: false, code: result.code === "OFFER_EXPIRED" ? "EXPIRED" : result.code === "CONDITIONAL_NOT_AVAILABLE" ? "CONDITIONAL_NOT_AVAILABLE" : "NOT_ANSWERABLE" };
}
