import "server-only";
import type { Actor } from "../auth/actor";
import { getClient } from "../clients/clients";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { EnrolmentStatus, InstructionLanguage, LanguageLevel, Schedule } from "../db/generated/enums";
import { addDays, formatDate, helsinkiToday } from "../../lib/dates";
import type { CourseFinderFilter } from "../../lib/schemas/official";

/** At most this many courses are shown, soonest first; the official narrows the filters for others. */
export const FINDER_LIMIT = 20;

/** The window of recent turnover the waiting-time estimate is based on. */
export const TURNOVER_DAYS = 90;

export type SeatEstimate =
  /** A seat is free and nobody waits: the client is offered it at once. */
  | { kind: "NOW" }
  /** Places ahead beyond the free seats ÷ seats handed to the queue per day over the last 90 days. */
  | { kind: "DATE"; date: string; position: number; seatsFromQueue: number; afterStart: boolean }
  /** No seat has come free from this queue in 90 days: no honest date can be given. */
  | { kind: "UNKNOWN"; position: number };

export interface FinderCourse {
  id: string;
  name: string;
  provider: string;
  instructionLanguage: InstructionLanguage;
  levelFrom: LanguageLevel;
  levelTo: LanguageLevel;
  municipality: string;
  remote: boolean;
  schedule: Schedule;
  startsOn: string;
  endsOn: string;
  capacity: number;
  freeSeats: number;
  queueLength: number;
  referralOpen: boolean;
  offerResponseHours: number;
  /** The client's live enrolment on this course, if any. */
  current: { id: string; status: EnrolmentStatus } | null;
  estimate: SeatEstimate;
}

/** What the finder's SQL returns for one course (dates as Date, counts as bigint). */
type Row = Pick<FinderCourse, "id" | "name" | "provider" | "instructionLanguage" | "levelFrom" | "levelTo" | "municipality" | "remote" | "schedule" | "capacity" | "offerResponseHours" | "referralOpen"> & {
  startsOn: Date;
  endsOn: Date;
  seatsHeld: number;
  queueLength: bigint;
  seatsFromQueue: bigint;
  currentId: string | null;
  currentStatus: EnrolmentStatus | null;
};

const DAY_MS = 86_400_000;

/**
 * The waiting-time estimate for someone joining the queue now (see SeatEstimate). Free seats are
 * handed to the queue in order; beyond them, the queue moves at the pace seats were handed to it
 * over the last TURNOVER_DAYS days.
 */
export function estimateSeat(input: { freeSeats: number; queueLength: number; seatsFromQueue: number; startsOn: string; today: string }): SeatEstimate {
  const position = input.queueLength + 1;
  // Free seats go to the queue in order at once: enough of them reach a newcomer too.
  if (input.freeSeats >= position) return { kind: "NOW" };
  if (input.seatsFromQueue === 0) return { kind: "UNKNOWN", position };
  const perDay = input.seatsFromQueue / TURNOVER_DAYS;
  const days = Math.ceil((position - input.freeSeats) / perDay);
  const date = addDays(input.today, days);
  return { kind: "DATE", date, position, seatsFromQueue: input.seatsFromQueue, afterStart: date > input.startsOn };
}

/**
 * Published, not yet ended courses that fit the client's study path and language level, with free
 * seats, queue length and a waiting-time estimate. Null when the client is not the office's.
 */
export async function findCoursesForClient(
  actor: Actor,
  clientId: string,
  requested: CourseFinderFilter,
  options: { defaultToClientMunicipality?: boolean; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const client = await getClient(actor, clientId);
  if (!client) return null;
  // On first opening, courses near the client (and remote ones); the official can widen the search.
  const filter = options.defaultToClientMunicipality && !requested.municipality && client.municipality ? { ...requested, municipality: client.municipality } : requested;
  const today = helsinkiToday(now);
  const since = new Date(now.getTime() - TURNOVER_DAYS * DAY_MS);
  const where: Prisma.Sql[] = [
    Prisma.sql`c.status = 'PUBLISHED'`,
    Prisma.sql`c."studyPath" = ${client.studyPath}::"StudyPath"`,
    Prisma.sql`c."endsOn" >= ${today}::date`,
  ];
  if (client.languageLevel) {
    where.push(Prisma.sql`c."levelFrom" <= ${client.languageLevel}::"LanguageLevel" AND c."levelTo" >= ${client.languageLevel}::"LanguageLevel"`);
  }
  if (filter.schedule) where.push(Prisma.sql`c.schedule = ${filter.schedule}::"Schedule"`);
  if (filter.instructionLanguage) where.push(Prisma.sql`c."instructionLanguage" = ${filter.instructionLanguage}::"InstructionLanguage"`);
  if (filter.startsFrom) where.push(Prisma.sql`c."startsOn" >= ${filter.startsFrom}::date`);
  if (filter.startsTo) where.push(Prisma.sql`c."startsOn" <= ${filter.startsTo}::date`);
  const remote = filter.remote ?? "include";
  if (remote === "only") where.push(Prisma.sql`c.remote`);
  if (remote === "exclude") where.push(Prisma.sql`NOT c.remote`);
  if (filter.municipality) {
    where.push(
      remote === "include"
        ? Prisma.sql`(lower(c.municipality) = lower(${filter.municipality}) OR c.remote)`
        : Prisma.sql`lower(c.municipality) = lower(${filter.municipality})`,
    );
  }

  const rows = await db().$queryRaw<Row[]>`
    SELECT c.id, c.name, p.name AS provider, c."instructionLanguage", c."levelFrom", c."levelTo", c.municipality, c.remote,
      c.schedule, c."startsOn", c."endsOn", c.capacity, c."seatsHeld", c."offerResponseHours",
      course_takes_referrals(c.status, c."referralOpensOn", c."referralClosesOn", c."endsOn", ${today}::date) AS "referralOpen",
      (SELECT count(*) FROM "Enrolment" q WHERE q."courseId" = c.id AND q.status = 'WAITLISTED') AS "queueLength",
      -- Seats handed to someone who had waited: offered (or confirmed) later than referred, in the window.
      (SELECT count(*) FROM "Enrolment" t
        WHERE t."courseId" = c.id AND coalesce(t."offeredAt", t."confirmedAt") >= ${since}
          AND coalesce(t."offeredAt", t."confirmedAt") > t."referredAt" + interval '1 second') AS "seatsFromQueue",
      mine.id AS "currentId", mine.status AS "currentStatus"
    FROM "Course" c
    JOIN "Organisation" p ON p.id = c."providerId"
    LEFT JOIN LATERAL (
      SELECT e.id, e.status FROM "Enrolment" e
      WHERE e."courseId" = c.id AND e."clientId" = ${client.id}::uuid AND enrolment_is_live(e.status) LIMIT 1
    ) mine ON true
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY c."startsOn", c.name, c.id
    LIMIT ${FINDER_LIMIT + 1}`;

  const more = rows.length > FINDER_LIMIT;
  const courses: FinderCourse[] = rows.slice(0, FINDER_LIMIT).map((r) => {
    const startsOn = formatDate(r.startsOn);
    const freeSeats = Math.max(0, r.capacity - r.seatsHeld);
    const queueLength = Number(r.queueLength);
    return {
      id: r.id,
      name: r.name,
      provider: r.provider,
      instructionLanguage: r.instructionLanguage,
      levelFrom: r.levelFrom,
      levelTo: r.levelTo,
      municipality: r.municipality,
      remote: r.remote,
      schedule: r.schedule,
      startsOn,
      endsOn: formatDate(r.endsOn),
      capacity: r.capacity,
      freeSeats,
      queueLength,
      referralOpen: r.referralOpen,
      offerResponseHours: r.offerResponseHours,
      current: r.currentId && r.currentStatus ? { id: r.currentId, status: r.currentStatus } : null,
      estimate: estimateSeat({ freeSeats, queueLength, seatsFromQueue: Number(r.seatsFromQueue), startsOn, today }),
    };
  });
  return { client, courses, more, filter };
}
