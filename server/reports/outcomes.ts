import "server-only";
import { db } from "../db/client";
import type { StudyPath } from "../db/generated/enums";
import { PATH_ORDER } from "./queue";
import { reportCells } from "./basis";
import { courseFilter, referralRange, type ReportFilter, type ReportScope } from "./scope";

export interface OutcomeRow {
  /** Offers made: enrolments that reached OFFERED (offeredAt set; DECLINED and EXPIRED come only from it). */
  offers: number;
  declined: number;
  /** declined ÷ offers; null without offers. */
  declinedRate: number | null;
  expired: number;
  expiredRate: number | null;
  /** Seats confirmed: enrolments that reached CONFIRMED (now CONFIRMED, STARTED, COMPLETED, INTERRUPTED or NO_SHOW, or cancelled or withdrawn after confirmedAt). */
  confirmed: number;
  noShow: number;
  /** noShow ÷ confirmed. */
  noShowRate: number | null;
  /** Started: enrolments that reached STARTED (now STARTED, COMPLETED or INTERRUPTED, or cancelled after startedAt). */
  started: number;
  interrupted: number;
  /** interrupted ÷ started. */
  interruptedRate: number | null;
}
export interface OutcomeReport {
  byPath: (OutcomeRow & { studyPath: StudyPath })[];
  total: OutcomeRow;
}

type Counts = Record<"offers" | "declined" | "expired" | "confirmed" | "noShow" | "started" | "interrupted", bigint | null>;

/**
 * What became of seats, for the enrolments referred in the range, by the course's study path.
 * The current status says it: the state machine has one way into each end state (DECLINED and
 * EXPIRED only from OFFERED, NO_SHOW only from CONFIRMED, INTERRUPTED only from STARTED), and an
 * enrolment is offered at most once. Offers still open count among the offers made (so the rates
 * of the latest weeks are lower bounds); a seat confirmed on referral, without an offer, is not an
 * offer made.
 */
export async function outcomeReport(scope: ReportScope, filter: ReportFilter): Promise<OutcomeReport> {
  const rows = await db().$queryRaw<(Counts & { grouping: number; studyPath: StudyPath | null })[]>`
    SELECT GROUPING(c."studyPath") AS grouping, c."studyPath",
      sum(c.enrolments) FILTER (WHERE c.offered OR c.status IN ('DECLINED', 'EXPIRED')) AS offers,
      sum(c.enrolments) FILTER (WHERE c.status = 'DECLINED') AS declined,
      sum(c.enrolments) FILTER (WHERE c.status = 'EXPIRED') AS expired,
      sum(c.enrolments) FILTER (WHERE c.status IN ('CONFIRMED', 'STARTED', 'COMPLETED', 'INTERRUPTED', 'NO_SHOW') OR (c.status IN ('CANCELLED', 'WITHDRAWN') AND c.confirmed)) AS confirmed,
      sum(c.enrolments) FILTER (WHERE c.status = 'NO_SHOW') AS "noShow",
      sum(c.enrolments) FILTER (WHERE c.status IN ('STARTED', 'COMPLETED', 'INTERRUPTED') OR (c.status = 'CANCELLED' AND c."startDays" IS NOT NULL)) AS started,
      sum(c.enrolments) FILTER (WHERE c.status = 'INTERRUPTED') AS interrupted
    FROM ${reportCells}
    WHERE ${referralRange(filter)} AND ${scope.cells} AND ${courseFilter(filter, "c")}
    GROUP BY GROUPING SETS ((c."studyPath"), ())
    HAVING sum(c.enrolments) > 0`;
  const report: OutcomeReport = { byPath: [], total: toRow(null) };
  for (const r of rows) {
    if (r.grouping === 0) report.byPath.push({ ...toRow(r), studyPath: r.studyPath! });
    else report.total = toRow(r);
  }
  report.byPath.sort((a, b) => PATH_ORDER.indexOf(a.studyPath) - PATH_ORDER.indexOf(b.studyPath));
  return report;
}

function toRow(r: Counts | null): OutcomeRow {
  const n = (v: bigint | null | undefined) => Number(v ?? 0);
  const of = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const offers = n(r?.offers), declined = n(r?.declined), expired = n(r?.expired);
  const confirmed = n(r?.confirmed), noShow = n(r?.noShow), started = n(r?.started), interrupted = n(r?.interrupted);
  return {
    offers, declined, declinedRate: of(declined, offers), expired, expiredRate: of(expired, offers),
    confirmed, noShow, noShowRate: of(noShow, confirmed), started, interrupted, interruptedRate: of(interrupted, started),
  };
}
