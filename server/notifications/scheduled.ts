import "server-only";
import { db } from "../db/client";
import { logger } from "../logger";
import { addDays, helsinkiDayEnd, helsinkiDayStart, helsinkiHour, helsinkiToday } from "../../lib/dates";

// Messages decided by the clock rather than by a change: the reminder a day before an offer's
// deadline, the reminder three days before a course starts, and providers' daily digest of new
// referrals. Each has a Message-ID made from what it is about, so however many processes run this,
// the unique index lets each message into the outbox once.

const DAY = 86_400_000;

/** Reminders for offers whose deadline is within 24 h (offers with a longer answer time only). */
export async function queueOfferReminders(now = new Date(), courseId?: string): Promise<number> {
  return db().$executeRaw`
    INSERT INTO "OutboxMessage" (id, template, "messageId", locale, "recipientEmail", "clientId", "enrolmentId", payload, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'client/offer_reminder',
      '<offer-reminder.' || e.id || '.' || (extract(epoch FROM e."offerExpiresAt") * 1000)::bigint || '@koulutusportti.invalid>',
      c."preferredLanguage"::text, c.email, c.id, e.id,
      jsonb_build_object('courseId', e."courseId", 'offerExpiresAt', e."offerExpiresAt"), ${now}, ${now}
    FROM "Enrolment" e JOIN "Client" c ON c.id = e."clientId"
    WHERE e.status = 'OFFERED' AND e."offerExpiresAt" > ${now} AND e."offerExpiresAt" <= ${new Date(now.getTime() + DAY)}
      AND e."offeredAt" < e."offerExpiresAt" - interval '25 hours'
      AND c.email IS NOT NULL AND c."anonymisedAt" IS NULL
      AND (${courseId ?? null}::uuid IS NULL OR e."courseId" = ${courseId ?? null}::uuid)
    ON CONFLICT ("messageId") DO NOTHING`;
}

/** Reminders to confirmed clients whose course starts within three days (Finnish dates). */
export async function queueStartReminders(now = new Date(), courseId?: string): Promise<number> {
  const today = helsinkiToday(now);
  const inThreeDays = addDays(today, 3);
  return db().$executeRaw`
    INSERT INTO "OutboxMessage" (id, template, "messageId", locale, "recipientEmail", "clientId", "enrolmentId", payload, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'client/start_reminder', '<start-reminder.' || e.id || '@koulutusportti.invalid>',
      c."preferredLanguage"::text, c.email, c.id, e.id, jsonb_build_object('courseId', e."courseId"), ${now}, ${now}
    FROM "Enrolment" e JOIN "Client" c ON c.id = e."clientId" JOIN "Course" k ON k.id = e."courseId"
    WHERE e.status = 'CONFIRMED' AND k."startsOn" > ${today}::date AND k."startsOn" <= ${inThreeDays}::date
      AND k.status <> 'CANCELLED' AND c.email IS NOT NULL AND c."anonymisedAt" IS NULL
      AND (${courseId ?? null}::uuid IS NULL OR e."courseId" = ${courseId ?? null}::uuid)
    ON CONFLICT ("messageId") DO NOTHING`;
}

/** From 7 o'clock Finnish time: each provider's staff get yesterday's new referrals, if there were any. */
export async function queueDailyDigests(now = new Date(), providerId?: string): Promise<number> {
  if (helsinkiHour(now) < 7 && !providerId) return 0;
  const yesterday = addDays(helsinkiToday(now), -1);
  return db().$executeRaw`
    WITH counts AS (
      SELECT k."providerId", k.name, count(*)::int AS n
      FROM "Enrolment" e JOIN "Course" k ON k.id = e."courseId"
      WHERE e."referredAt" >= ${helsinkiDayStart(yesterday)} AND e."referredAt" < ${helsinkiDayEnd(yesterday)}
        AND (${providerId ?? null}::uuid IS NULL OR k."providerId" = ${providerId ?? null}::uuid)
      GROUP BY k."providerId", k.name
    ), per_provider AS (
      SELECT "providerId", jsonb_agg(jsonb_build_object('name', name, 'count', n) ORDER BY name) AS courses FROM counts GROUP BY "providerId"
    )
    INSERT INTO "OutboxMessage" (id, template, "messageId", locale, "recipientEmail", "userId", payload, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'provider/daily_digest', '<digest.' || u.id || '.' || ${yesterday}::text || '@koulutusportti.invalid>',
      coalesce(u.locale, 'fi'), u.email, u.id, jsonb_build_object('date', ${yesterday}::text, 'courses', p.courses), ${now}, ${now}
    FROM per_provider p JOIN "User" u ON u."organisationId" = p."providerId" AND u.role = 'PROVIDER_STAFF' AND u."deactivatedAt" IS NULL
    ON CONFLICT ("messageId") DO NOTHING`;
}

export async function queueScheduledMessages(now = new Date()): Promise<number> {
  return (await queueOfferReminders(now)) + (await queueStartReminders(now)) + (await queueDailyDigests(now));
}

/** Every minute in the process that runs the worker. */
export function startReminderJobs(): { stop(): void } {
  const tick = () =>
    queueScheduledMessages().then(
      (n) => n && logger.info({ job: "reminders", queued: n }, "scheduled messages queued"),
      (error: unknown) => logger.error({ job: "reminders", err: error }, "scheduled messages failed"),
    );
  const timer = setInterval(tick, 60_000);
  timer.unref();
  const first = setTimeout(tick, 5_000);
  first.unref();
  return {
    stop() {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
