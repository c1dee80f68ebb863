import "server-only";
import { deleteExpiredIdempotencyKeys } from "./api/idempotency";
import { db } from "./db/client";
import { expireDueOffers, fillFreeSeats, syncPools } from "./enrolment";
import { holdsUnconditionalSeat } from "./enrolment/hand-over";
import { logger } from "./logger";
import { anonymiseInactiveClients } from "./privacy/retention";
import { purgeHandoverContacts } from "./advice/handovers";
import { foldReportChanges } from "./reports/basis";
import { foldVisitCounts } from "./advice/counts";
import { getSettings } from "./settings";
import { helsinkiToday } from "../lib/dates";

// Periodic work inside each server process. Every job is safe to run in several instances at
// once: each change takes the same row locks and status guards as a user's action.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Safety net for "every freed seat is offered at once": the engine hands a freed seat on right
 * after the change commits; if a process died in between, this finds courses with a free seat and
 * an eligible client waiting, and offers it.
 */
export async function offerForgottenSeats(now = new Date(), onlyCourseIds?: string[]): Promise<number> {
  const courses = await db().$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Course" c
    WHERE (${onlyCourseIds ?? null}::uuid[] IS NULL OR c.id = ANY(${onlyCourseIds ?? null}::uuid[]))
      AND c.status IN ('PUBLISHED', 'CLOSED') AND c."seatsHeld" < c.capacity AND c."endsOn" >= ${helsinkiToday(now)}::date
      AND EXISTS (
        SELECT 1 FROM "Enrolment" e WHERE e."courseId" = c.id AND e.status = 'WAITLISTED' AND NOT ${holdsUnconditionalSeat('e."clientId"')})`;
  let offered = 0;
  for (const course of courses) offered += await fillFreeSeats(course.id, now);
  return offered;
}

/**
 * The minute's work; `onlyCourseIds` confines the seat work (tests share one database). Folding the
 * reports' changes (server/reports/basis.ts) and the visit counts' (server/advice/counts.ts)
 * changes no figure, it keeps the reading short.
 */
export async function runMinuteJobs(now = new Date(), onlyCourseIds?: string[]): Promise<{ expired: number; offered: number; joined: number; reportChanges: number; visitCounts: number }> {
  let expired = 0;
  if (onlyCourseIds) for (const id of onlyCourseIds) expired += await expireDueOffers(now, id);
  else expired = await expireDueOffers(now);
  // Pools join the courses they newly match (a referral period that opened today, say).
  let joined = 0;
  if (onlyCourseIds) for (const courseId of onlyCourseIds) joined += await syncPools(now, { courseId });
  else joined = await syncPools(now);
  const offered = await offerForgottenSeats(now, onlyCourseIds);
  const reportChanges = await foldReportChanges();
  const visitCounts = await foldVisitCounts();
  return { expired, offered, joined, reportChanges, visitCounts };
}

/**
 * The day's work: anonymise clients inactive for longer than the administrator's retention period
 * (server/privacy), delete old hand-overs' contact details (server/advice), and forget the API's
 * expired idempotency keys.
 */
export async function runDailyJobs(now = new Date()): Promise<{ anonymised: number; handoverContacts: number; idempotencyKeys: number }> {
  const { retentionMonths } = await getSettings();
  const { anonymised } = await anonymiseInactiveClients({ now, retentionMonths });
  const handoverContacts = await purgeHandoverContacts({ now, retentionMonths });
  return { anonymised, handoverContacts, idempotencyKeys: await deleteExpiredIdempotencyKeys(now) };
}

let timer: NodeJS.Timeout | undefined;
let dailyTimer: NodeJS.Timeout | undefined;

export function startJobs(): void {
  if (timer || process.env.JOBS === "off") return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runMinuteJobs();
      if (result.expired || result.offered || result.joined) logger.info({ job: "minute", ...result }, "offers expired and seats offered");
    } catch (error) {
      logger.error({ job: "minute", err: error }, "minute job failed");
    } finally {
      running = false;
    }
  };
  timer = setInterval(tick, MINUTE);
  timer.unref();
  setTimeout(tick, 5_000).unref();
  // Once a day, and once a few minutes after start (a process that restarts daily still runs it).
  const daily = async () => {
    try {
      const result = await runDailyJobs();
      if (result.anonymised) logger.info({ job: "daily", ...result }, "inactive clients anonymised");
    } catch (error) {
      logger.error({ job: "daily", err: error }, "daily job failed");
    }
  };
  dailyTimer = setInterval(daily, DAY);
  dailyTimer.unref();
  setTimeout(daily, 5 * MINUTE).unref();
  // The notification worker and its reminders run with the server (`npm run worker` runs them alone).
  Promise.all([import("./notifications/worker"), import("./notifications/scheduled")])
    .then(([{ startWorkerFromEnv }, { startReminderJobs }]) => {
      if (startWorkerFromEnv()) startReminderJobs();
    })
    .catch((error: unknown) => logger.error({ job: "outbox", err: error }, "notification worker did not start"));
}
