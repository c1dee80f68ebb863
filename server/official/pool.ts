import "server-only";
import type { Actor } from "../auth/actor";
import { getClient } from "../clients/clients";
import { db } from "../db/client";
import type { InstructionLanguage, Schedule } from "../db/generated/enums";
import { closePool, poolStatusOfClient, referToPool, staff, type EngineErrorCode, type PoolPlace } from "../enrolment";
import { formatDate, helsinkiToday } from "../../lib/dates";
import type { PoolCriteria, PoolReferral } from "../../lib/schemas/pool";

// The official's side of a pooled referral ("the first free seat among matching courses"): the
// form's choices and defaults, the referral and its end, each scoped to the official's office.

/** At most this many courses are offered as ranked choices, soonest first. */
export const POOL_CHOICE_LIMIT = 200;

export interface PoolChoice {
  id: string;
  name: string;
  provider: string;
  municipality: string;
  remote: boolean;
  schedule: Schedule;
  instructionLanguage: InstructionLanguage;
  startsOn: string;
  freeSeats: number;
  queueLength: number;
}

type ChoiceRow = Omit<PoolChoice, "startsOn" | "freeSeats" | "queueLength"> & { startsOn: Date; capacity: number; seatsHeld: number; queueLength: bigint };

/**
 * The pooled-referral form for one of the office's clients: criteria prefilled from the client
 * (study path, municipality, evenings if they can only study then, level fit on), the courses the
 * official can rank (published, taking referrals now, fitting the client's study path and level),
 * and the municipalities to tick (those of the courses, and the client's own). Null when the
 * client is not the office's. `activePool` says the client already waits in a pool.
 */
export async function poolReferralForm(actor: Actor, clientId: string, now = new Date()) {
  const client = await getClient(actor, clientId);
  if (!client) return null;
  const today = helsinkiToday(now);
  const rows = await db().$queryRaw<ChoiceRow[]>`
    SELECT c.id, c.name, p.name AS provider, c.municipality, c.remote, c.schedule, c."instructionLanguage", c."startsOn", c.capacity, c."seatsHeld",
      (SELECT count(*) FROM "Enrolment" q WHERE q."courseId" = c.id AND q.status = 'WAITLISTED') AS "queueLength"
    FROM "Course" c JOIN "Organisation" p ON p.id = c."providerId"
    WHERE course_takes_referrals(c.status, c."referralOpensOn", c."referralClosesOn", c."endsOn", ${today}::date)
      AND c."studyPath" = ${client.studyPath}::"StudyPath"
      AND (${client.languageLevel}::"LanguageLevel" IS NULL OR ${client.languageLevel}::"LanguageLevel" BETWEEN c."levelFrom" AND c."levelTo")
    ORDER BY c."startsOn", c.name, c.id
    LIMIT ${POOL_CHOICE_LIMIT}`;
  const courses: PoolChoice[] = rows.map(({ capacity, seatsHeld, queueLength, startsOn, ...rest }) => ({
    ...rest,
    startsOn: formatDate(startsOn),
    freeSeats: Math.max(0, capacity - seatsHeld),
    queueLength: Number(queueLength),
  }));
  const municipalities = [...new Set([...(client.municipality ? [client.municipality] : []), ...courses.filter((c) => !c.remote).map((c) => c.municipality)])].sort((a, b) => a.localeCompare(b, "fi"));
  const defaults: PoolCriteria = {
    studyPath: client.studyPath,
    levelFit: true,
    municipalities: client.municipality ? [client.municipality] : [],
    includeRemote: false,
    schedule: client.eveningOnly ? "EVENING" : null,
    instructionLanguage: null,
    startFrom: null,
    startTo: null,
  };
  const activePool = await db().queueEntry.findFirst({ where: { clientId: client.id, status: "ACTIVE" }, select: { id: true } });
  return { client, courses, municipalities, defaults, activePool: activePool?.id ?? null };
}

export type PoolReferralOutcome =
  | { ok: true; queueEntryId: string; waiting: number; offered: string[]; confirmed: string[] }
  | { ok: false; code: EngineErrorCode };

/** The official's pooled referral through the engine, told as what it means for the client now. */
export async function makePoolReferral(actor: Actor, input: PoolReferral): Promise<PoolReferralOutcome> {
  const result = await referToPool({
    actor: staff(actor),
    clientId: input.clientId,
    criteria: input.criteria,
    rankedCourseIds: input.rankedCourseIds,
    priority: input.priority,
    reason: input.reason,
    note: input.note,
  });
  if (!result.ok) return result;
  const { places } = result.entry;
  const named = (status: PoolPlace["status"]) => places.filter((p) => p.status === status).map((p) => p.courseName);
  return { ok: true, queueEntryId: result.entry.id, waiting: named("WAITLISTED").length, offered: named("OFFERED"), confirmed: named("CONFIRMED") };
}

/** The official ends a pooled referral of their office's client (the engine checks the office too). */
export async function endPoolReferral(actor: Actor, queueEntryId: string, reason: string) {
  return closePool({ actor: staff(actor), queueEntryId, reason });
}

/** The client's pooled referrals for the client page (the caller has checked the client is the office's). */
export async function poolsOfClient(clientId: string, now = new Date()) {
  return poolStatusOfClient(clientId, now);
}
