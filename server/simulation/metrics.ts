import "server-only";
import { db } from "../db/client";
import type { StudyPath } from "../db/generated/enums";
import type { LeaveReason, Policy, RunLog } from "./run";
import { CUTOFF_REASON } from "./run";
import { DAY_MS, dayDate, fits, type World } from "./world";

// What a run achieved, read from the database the run wrote (the engine's records), not from the
// simulation's own bookkeeping; only the clients' reasons for leaving come from the run's log.

export interface Distribution {
  n: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

export interface RunMetrics {
  policy: Policy;
  clients: {
    arrived: number;
    started: number;
    /** A confirmed seat on a course that starts after the end. */
    seatConfirmed: number;
    /** An open offer, or a queue place (or an active pooled referral), at the end. */
    waiting: number;
    /** Per-course run: between referrals at the end (the official's reaction pending). */
    betweenReferrals: number;
    left: Record<LeaveReason, number>;
    /** Clients in none of the states above: should be none. */
    unaccounted: number;
    startedShare: number;
  };
  days: {
    /** From the day the client arrived (the official first tried to place them) to their start. */
    arrivalToStart: Distribution;
    /** From the first referral the engine recorded to the start. */
    referralToStart: Distribution;
    referralToFirstOffer: Distribution;
  };
  /**
   * Share of clients who started within N days of arriving, among those who arrived at least 180
   * days before the end; and the median wait of that whole cohort, a client who never started
   * counting as the longest wait (null when fewer than half started). Unlike the median of those
   * who started, it does not improve by leaving the longest waiters out.
   */
  startedWithin: { cohort: number; d60: number; d120: number; d180: number; cohortMedian: number | null };
  seats: { coursesStarted: number; capacity: number; startedSeats: number; fillRate: number; coursesFull: number };
  offers: { made: number; accepted: number; declined: number; expired: number; declineRate: number; expiryRate: number; conditionalAcceptances: number; conditionalSeatsReleased: number };
  lifecycle: { noShows: number; interruptions: number; placesEndedAtCutoff: number; referrals: number; reReferrals: number; nothingOpen: number };
  diagnostics: {
    /** Enrolments (queue places) per arrived client. */
    placesPerClient: number;
    offersPerStartedClient: number;
    /** Per-course run: days a client spent in no queue between the end of one place and the next referral. */
    daysBetweenReferrals: Distribution;
    /** Seats of started courses that nobody took, and how many of them a fitting client waiting at the start could have taken. */
    seatsEmptyAtStart: number;
    seatsEmptyWhileFittingClientWaited: number;
  };
  byPath: Record<StudyPath, { clients: number; started: number; medianArrivalToStart: number | null }>;
  /** Days from arrival to start of every client who started, ascending (the chart's data). */
  daysToStart: number[];
}

export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    n: sorted.length,
    median: round(quantile(sorted, 0.5)),
    p90: round(quantile(sorted, 0.9)),
    mean: round(sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null),
  };
}

/** Linear interpolation between order statistics (R's type 7, numpy's default). */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

interface ClientRow {
  id: string;
  studyPath: StudyPath;
  arrivedAt: Date;
  firstReferral: Date | null;
  firstOffer: Date | null;
  startedAt: Date | null;
  confirmed: boolean;
  waiting: boolean;
  live: boolean;
}

/** The median of waits where null (never started) is longer than any; null when the median itself is one of those. */
export function medianCountingNeverAsLongest(waits: (number | null)[]): number | null {
  const sorted = waits.map((w) => w ?? Infinity).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * 0.5;
  const lo = sorted[Math.floor(h)]!;
  const hi = sorted[Math.ceil(h)]!;
  return Number.isFinite(hi) ? Math.round((lo + (h - Math.floor(h)) * (hi - lo)) * 10) / 10 : null;
}

export async function readMetrics(world: World, log: RunLog): Promise<RunMetrics> {
  const end = dayDate(world, world.endDay + 1);
  const rows = await db().$queryRaw<ClientRow[]>`
    SELECT c.id, c."studyPath", c."createdAt" AS "arrivedAt",
      LEAST((SELECT min(e."referredAt") FROM "Enrolment" e WHERE e."clientId" = c.id),
            (SELECT min(q."referredAt") FROM "QueueEntry" q WHERE q."clientId" = c.id)) AS "firstReferral",
      (SELECT min(e."offeredAt") FROM "Enrolment" e WHERE e."clientId" = c.id) AS "firstOffer",
      (SELECT min(e."startedAt") FROM "Enrolment" e WHERE e."clientId" = c.id) AS "startedAt",
      EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND e.status = 'CONFIRMED' AND NOT e.conditional) AS confirmed,
      EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND (e.status IN ('WAITLISTED', 'OFFERED') OR (e.status = 'CONFIRMED' AND e.conditional)))
        OR EXISTS (SELECT 1 FROM "QueueEntry" q WHERE q."clientId" = c.id AND q.status = 'ACTIVE') AS waiting,
      EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND enrolment_is_live(e.status))
        OR EXISTS (SELECT 1 FROM "QueueEntry" q WHERE q."clientId" = c.id AND q.status = 'ACTIVE') AS live
    FROM "Client" c
    WHERE c."createdAt" < ${end}
    ORDER BY c."createdAt", c.id`;

  const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY_MS;
  const startedRows = rows.filter((r) => r.startedAt);
  const arrivalToStart = startedRows.map((r) => days(r.arrivedAt, r.startedAt!));
  const left: Record<LeaveReason, number> = { DECLINED: 0, UNREACHABLE: 0, WAITING: 0, NO_SHOW: 0 };
  let seatConfirmed = 0, waiting = 0, betweenReferrals = 0, unaccounted = 0;
  for (const r of rows) {
    if (r.startedAt) continue;
    const reason = log.leftClients[r.id]?.reason;
    if (reason && !r.live) left[reason]++;
    else if (r.confirmed) seatConfirmed++;
    else if (r.waiting) waiting++;
    else if (log.policy === "PER_COURSE" && !reason) betweenReferrals++;
    else unaccounted++;
  }

  const cohortEnd = end.getTime() - 180 * DAY_MS;
  const cohort = rows.filter((r) => r.arrivedAt.getTime() <= cohortEnd);
  const within = (d: number) => share(cohort.filter((r) => r.startedAt && days(r.arrivedAt, r.startedAt) <= d).length, cohort.length);
  const cohortMedian = medianCountingNeverAsLongest(cohort.map((r) => (r.startedAt ? days(r.arrivedAt, r.startedAt) : null)));

  const [courses] = await db().$queryRaw<{ courses: number; capacity: number; started: number; full: number }[]>`
    SELECT count(*)::int AS courses, coalesce(sum(capacity), 0)::int AS capacity, coalesce(sum(s.started), 0)::int AS started,
      count(*) FILTER (WHERE s.started >= capacity)::int AS full
    FROM "Course" k
    CROSS JOIN LATERAL (SELECT count(*)::int AS started FROM "Enrolment" e WHERE e."courseId" = k.id AND e."startedAt" IS NOT NULL) s
    WHERE k."startsOn" < ${end}::date`;
  const [counts] = await db().$queryRaw<{ offered: number; accepted: number; declined: number; expired: number; noShows: number; interruptions: number; cutoff: number; released: number }[]>`
    SELECT count(*) FILTER (WHERE "offeredAt" IS NOT NULL)::int AS offered,
      count(*) FILTER (WHERE "offeredAt" IS NOT NULL AND "confirmedAt" IS NOT NULL)::int AS accepted,
      count(*) FILTER (WHERE status = 'DECLINED')::int AS declined,
      count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired,
      count(*) FILTER (WHERE status = 'NO_SHOW')::int AS "noShows",
      count(*) FILTER (WHERE status = 'INTERRUPTED')::int AS interruptions,
      count(*) FILTER (WHERE status = 'CANCELLED' AND "statusReason" = ${CUTOFF_REASON})::int AS cutoff,
      count(*) FILTER (WHERE status = 'WITHDRAWN' AND conditional)::int AS released
    FROM "Enrolment"`;

  const diagnostics = await readDiagnostics(world, log, rows);

  const byPath = {} as RunMetrics["byPath"];
  for (const path of ["FAST", "BASIC", "SLOW", "LITERACY"] as const) {
    const mine = rows.filter((r) => r.studyPath === path);
    const waits = mine.filter((r) => r.startedAt).map((r) => days(r.arrivedAt, r.startedAt!));
    byPath[path] = { clients: mine.length, started: waits.length, medianArrivalToStart: distribution(waits).median };
  }

  return {
    policy: log.policy,
    clients: { arrived: rows.length, started: startedRows.length, seatConfirmed, waiting, betweenReferrals, left, unaccounted, startedShare: share(startedRows.length, rows.length) },
    days: {
      arrivalToStart: distribution(arrivalToStart),
      referralToStart: distribution(startedRows.filter((r) => r.firstReferral).map((r) => days(r.firstReferral!, r.startedAt!))),
      referralToFirstOffer: distribution(rows.filter((r) => r.firstReferral && r.firstOffer).map((r) => days(r.firstReferral!, r.firstOffer!))),
    },
    startedWithin: { cohort: cohort.length, d60: within(60), d120: within(120), d180: within(180), cohortMedian },
    seats: { coursesStarted: courses!.courses, capacity: courses!.capacity, startedSeats: courses!.started, fillRate: share(courses!.started, courses!.capacity), coursesFull: courses!.full },
    offers: {
      made: counts!.offered,
      accepted: counts!.accepted,
      declined: counts!.declined,
      expired: counts!.expired,
      declineRate: share(counts!.declined, counts!.offered),
      expiryRate: share(counts!.expired, counts!.offered),
      conditionalAcceptances: log.conditionalAcceptances,
      conditionalSeatsReleased: counts!.released,
    },
    lifecycle: { noShows: counts!.noShows, interruptions: counts!.interruptions, placesEndedAtCutoff: counts!.cutoff, referrals: log.referrals, reReferrals: log.reReferrals, nothingOpen: log.nothingOpen },
    diagnostics: { ...diagnostics, offersPerStartedClient: startedRows.length ? Math.round((counts!.offered / startedRows.length) * 100) / 100 : 0 },
    byPath,
    daysToStart: arrivalToStart.map((d) => Math.round(d * 10) / 10).sort((a, b) => a - b),
  };
}

async function readDiagnostics(world: World, log: RunLog, rows: ClientRow[]): Promise<Omit<RunMetrics["diagnostics"], "offersPerStartedClient">> {
  const places = await db().$queryRaw<{ clientId: string; courseId: string; referredAt: Date; endedAt: Date | null; confirmedAt: Date | null; startedAt: Date | null }[]>`
    SELECT "clientId", "courseId", "referredAt", "endedAt", "confirmedAt", "startedAt" FROM "Enrolment" ORDER BY "clientId", "referredAt", "courseId"`;
  const byClient = new Map<string, typeof places>();
  for (const p of places) byClient.set(p.clientId, [...(byClient.get(p.clientId) ?? []), p]);

  // Gaps between one place ending and the client's next referral (per-course run only: pooled places overlap).
  const gaps: number[] = [];
  if (log.policy === "PER_COURSE") {
    for (const list of byClient.values()) {
      for (let i = 1; i < list.length; i++) {
        const ended = list[i - 1]!.endedAt;
        if (ended) gaps.push(Math.max(0, (list[i]!.referredAt.getTime() - ended.getTime()) / DAY_MS));
      }
    }
  }

  // Seats left empty on courses that started, and fitting clients who were waiting (arrived, not
  // started, no confirmed seat, not gone) on the first day.
  const started = await db().$queryRaw<{ id: string; started: number }[]>`
    SELECT k.id, (SELECT count(*)::int FROM "Enrolment" e WHERE e."courseId" = k.id AND e."startedAt" IS NOT NULL) AS started
    FROM "Course" k WHERE k."startsOn" < ${dayDate(world, world.endDay + 1)}::date`;
  const startedOn = new Map(started.map((r) => [r.id, r.started]));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  let empty = 0, emptyWhileWaiting = 0;
  for (const course of world.courses) {
    const seatsTaken = startedOn.get(course.id);
    if (seatsTaken === undefined || seatsTaken >= course.capacity) continue;
    const startAt = dayDate(world, course.startDay).getTime() + 6 * 3_600_000;
    let waiting = 0;
    for (const client of world.clients) {
      const row = rowById.get(client.id);
      if (!row || row.arrivedAt.getTime() > startAt || !fits(client, course)) continue;
      const gone = log.leftClients[client.id];
      if (gone && Date.parse(gone.at) <= startAt) continue;
      if ((byClient.get(client.id) ?? []).some((p) => (p.startedAt && p.startedAt.getTime() <= startAt) || (p.confirmedAt && p.confirmedAt.getTime() <= startAt && (!p.endedAt || p.endedAt.getTime() > startAt)))) continue;
      waiting++;
    }
    empty += course.capacity - seatsTaken;
    emptyWhileWaiting += Math.min(course.capacity - seatsTaken, waiting);
  }
  return {
    placesPerClient: rows.length ? Math.round((places.length / rows.length) * 100) / 100 : 0,
    daysBetweenReferrals: distribution(gaps),
    seatsEmptyAtStart: empty,
    seatsEmptyWhileFittingClientWaited: emptyWhileWaiting,
  };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

export interface InvariantReport {
  /** Courses whose held seats exceed capacity, or whose seatsHeld counter disagrees with the enrolments. */
  overbooked: string[];
  counterMismatch: string[];
  /** Clients holding more than one unconditional seat (offered, confirmed or started), or more than one conditional seat. */
  twoUnconditionalSeats: string[];
  twoConditionalSeats: string[];
  /** Conditional seats in a state other than CONFIRMED/WITHDRAWN/CANCELLED/NO_SHOW. */
  badConditional: string[];
  /** More than one live enrolment for one client on one course. */
  duplicatePlaces: string[];
}

export async function checkInvariants(): Promise<InvariantReport> {
  const ids = async (query: Promise<{ id: string }[]>) => (await query).map((r) => r.id);
  return {
    overbooked: await ids(db().$queryRaw`
      SELECT k.id FROM "Course" k WHERE (SELECT count(*) FROM "Enrolment" e WHERE e."courseId" = k.id AND enrolment_holds_seat(e.status)) > k.capacity ORDER BY k.id`),
    counterMismatch: await ids(db().$queryRaw`
      SELECT k.id FROM "Course" k WHERE (SELECT count(*) FROM "Enrolment" e WHERE e."courseId" = k.id AND enrolment_holds_seat(e.status)) <> k."seatsHeld" ORDER BY k.id`),
    twoUnconditionalSeats: await ids(db().$queryRaw`
      SELECT "clientId" AS id FROM "Enrolment" WHERE enrolment_holds_seat(status) AND NOT conditional GROUP BY "clientId" HAVING count(*) > 1 ORDER BY 1`),
    twoConditionalSeats: await ids(db().$queryRaw`
      SELECT "clientId" AS id FROM "Enrolment" WHERE status = 'CONFIRMED' AND conditional GROUP BY "clientId" HAVING count(*) > 1 ORDER BY 1`),
    badConditional: await ids(db().$queryRaw`
      SELECT id FROM "Enrolment" WHERE conditional AND status NOT IN ('CONFIRMED', 'WITHDRAWN', 'CANCELLED', 'NO_SHOW') ORDER BY id`),
    duplicatePlaces: await ids(db().$queryRaw`
      SELECT "clientId" || ' ' || "courseId" AS id FROM "Enrolment" WHERE enrolment_is_live(status) GROUP BY "clientId", "courseId" HAVING count(*) > 1 ORDER BY 1`),
  };
}

export function invariantsHold(report: InvariantReport): boolean {
  return Object.values(report).every((list) => list.length === 0);
}
