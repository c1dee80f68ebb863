import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import type { EnrolmentStatus } from "../db/generated/enums";
import { addDays, formatDate, helsinkiToday } from "../../lib/dates";

const DAY_MS = 86_400_000;
/** Integration time ending within this many days, without a seat, is flagged on the home page. */
export const ENDING_SOON_DAYS = 90;
/** Declines, expiries and no-shows this recent are listed as needing action. */
export const RECENT_EVENT_DAYS = 30;

/** The office's numbers at a glance and the short lists behind them, always scoped to the official's office. */
export async function officeHome(actor: Actor, now = new Date()) {
  if (actor.role !== "OFFICIAL" || !actor.organisationId) return null;
  const officeId = actor.organisationId;
  const today = helsinkiToday(now);
  const until = addDays(today, ENDING_SOON_DAYS);
  const since = new Date(now.getTime() - RECENT_EVENT_DAYS * DAY_MS);
  const prisma = db();

  const [counts, offers, ending, events] = await Promise.all([
    prisma.$queryRaw<{ clients: bigint; waiting: bigint; offers: bigint; ending: bigint }[]>`
      SELECT
        (SELECT count(*) FROM "Client" c WHERE c."officeId" = ${officeId}::uuid AND c."anonymisedAt" IS NULL) AS clients,
        (SELECT count(DISTINCT e."clientId") FROM "Enrolment" e JOIN "Client" c ON c.id = e."clientId"
          WHERE c."officeId" = ${officeId}::uuid AND e.status = 'WAITLISTED') AS waiting,
        (SELECT count(*) FROM "Enrolment" e JOIN "Client" c ON c.id = e."clientId"
          WHERE c."officeId" = ${officeId}::uuid AND e.status = 'OFFERED') AS offers,
        (SELECT count(*) FROM "Client" c WHERE c."officeId" = ${officeId}::uuid AND c."anonymisedAt" IS NULL
          AND c."integrationPlanEndsOn" BETWEEN ${today}::date AND ${until}::date
          AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = c.id AND enrolment_holds_seat(h.status))) AS ending`,
    prisma.enrolment.findMany({
      where: { status: "OFFERED", client: { officeId } },
      orderBy: { offerExpiresAt: "asc" },
      take: 10,
      select: { id: true, offerExpiresAt: true, client: { select: { id: true, firstName: true, lastName: true } }, course: { select: { name: true } } },
    }),
    prisma.$queryRaw<{ id: string; firstName: string; lastName: string; integrationPlanEndsOn: Date }[]>`
      SELECT c.id, c."firstName", c."lastName", c."integrationPlanEndsOn" FROM "Client" c
      WHERE c."officeId" = ${officeId}::uuid AND c."anonymisedAt" IS NULL
        AND c."integrationPlanEndsOn" BETWEEN ${today}::date AND ${until}::date
        AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = c.id AND enrolment_holds_seat(h.status))
      ORDER BY c."integrationPlanEndsOn", c."lastName" LIMIT 10`,
    prisma.$queryRaw<{ id: string; status: EnrolmentStatus; at: Date; clientId: string; firstName: string; lastName: string; course: string }[]>`
      SELECT e.id, e.status, e."updatedAt" AS at, c.id AS "clientId", c."firstName", c."lastName", k.name AS course
      FROM "Enrolment" e JOIN "Client" c ON c.id = e."clientId" JOIN "Course" k ON k.id = e."courseId"
      WHERE c."officeId" = ${officeId}::uuid AND e.status IN ('DECLINED', 'EXPIRED', 'NO_SHOW') AND e."updatedAt" >= ${since}
      ORDER BY e."updatedAt" DESC LIMIT 10`,
  ]);
  const n = counts[0]!;
  return {
    numbers: { clients: Number(n.clients), waiting: Number(n.waiting), offers: Number(n.offers), endingSoon: Number(n.ending) },
    offers: offers.map((o) => ({ id: o.id, deadline: o.offerExpiresAt, client: o.client, course: o.course.name })),
    endingSoon: ending.map((c) => ({ id: c.id, firstName: c.firstName, lastName: c.lastName, endsOn: formatDate(c.integrationPlanEndsOn) })),
    events,
  };
}
