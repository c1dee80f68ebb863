import "server-only";
import { db } from "../db/client";
import type { StudyPath } from "../db/generated/enums";
import { PATH_ORDER } from "./queue";
import { courseFilter, enrolmentJoins, referralRange, type ReportFilter, type ReportScope } from "./scope";

export interface WaitingRow {
  /** Enrolments referred in the range (in any state now). */
  referred: number;
  /** Of them, those who were given a seat (offered, or confirmed at once): referral → offer. */
  seatsGranted: number;
  offerMedian: number | null;
  offerP90: number | null;
  /** Of them, those who started the course: referral → start. */
  started: number;
  startMedian: number | null;
  startP90: number | null;
}
export interface WaitingReport {
  byPath: (WaitingRow & { studyPath: StudyPath })[];
  byMunicipality: (WaitingRow & { municipality: string })[];
  /** Calendar months (Finnish time) of the referral, YYYY-MM, oldest first. */
  byMonth: (WaitingRow & { month: string })[];
  total: WaitingRow;
}

interface Row {
  grouping: number;
  studyPath: StudyPath | null;
  municipality: string | null;
  month: string | null;
  referred: bigint;
  seatsGranted: bigint;
  offerMedian: number | null;
  offerP90: number | null;
  started: bigint;
  startMedian: number | null;
  startP90: number | null;
}

/**
 * Waiting time, in days, of the enrolments referred in the range (Finnish calendar days):
 * - referral → offer: from referredAt to the moment a seat was given, i.e. offeredAt, or
 *   confirmedAt on a course that confirms without an offer. A seat given at once counts as 0 days.
 *   Enrolments still waiting, or that ended before any seat (cancelled, withdrawn), do not count.
 * - referral → start: from referredAt to startedAt, for enrolments marked started.
 * Median and 90th percentile are percentile_cont (interpolated) over those enrolments, by the
 * course's study path, its municipality and the month of referral. Recent months look shorter
 * than they will be: who is still waiting has no waiting time yet.
 */
export async function waitingReport(scope: ReportScope, filter: ReportFilter): Promise<WaitingReport> {
  const rows = await db().$queryRaw<Row[]>`
    WITH w AS (
      SELECT k."studyPath", k.municipality, to_char(e."referredAt" AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM') AS month,
        extract(epoch FROM coalesce(e."offeredAt", e."confirmedAt") - e."referredAt") / 86400 AS offer,
        extract(epoch FROM e."startedAt" - e."referredAt") / 86400 AS start
      FROM ${enrolmentJoins(scope)}
      WHERE ${referralRange(filter)} AND ${scope.enrolments} AND ${courseFilter(filter)}
    )
    SELECT GROUPING(w."studyPath", w.municipality, w.month) AS grouping, w."studyPath", w.municipality, w.month,
      count(*) AS referred,
      count(w.offer) AS "seatsGranted",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY w.offer) AS "offerMedian",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY w.offer) AS "offerP90",
      count(w.start) AS started,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY w.start) AS "startMedian",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY w.start) AS "startP90"
    FROM w
    GROUP BY GROUPING SETS ((w."studyPath"), (w.municipality), (w.month), ())`;
  const report: WaitingReport = { byPath: [], byMunicipality: [], byMonth: [], total: empty() };
  for (const r of rows) {
    const row: WaitingRow = {
      referred: Number(r.referred),
      seatsGranted: Number(r.seatsGranted),
      offerMedian: r.offerMedian,
      offerP90: r.offerP90,
      started: Number(r.started),
      startMedian: r.startMedian,
      startP90: r.startP90,
    };
    // GROUPING's bits: studyPath 4, municipality 2, month 1 (set = not grouped by it).
    if (r.grouping === 3) report.byPath.push({ ...row, studyPath: r.studyPath! });
    else if (r.grouping === 5) report.byMunicipality.push({ ...row, municipality: r.municipality! });
    else if (r.grouping === 6) report.byMonth.push({ ...row, month: r.month! });
    else report.total = row;
  }
  report.byPath.sort((a, b) => PATH_ORDER.indexOf(a.studyPath) - PATH_ORDER.indexOf(b.studyPath));
  report.byMunicipality.sort((a, b) => a.municipality.localeCompare(b.municipality, "fi"));
  report.byMonth = everyMonth(filter, report.byMonth);
  return report;
}

/** Every month of the range, oldest first; a month without referrals is a row of zeros, not a gap. */
function everyMonth(filter: ReportFilter, rows: WaitingReport["byMonth"]): WaitingReport["byMonth"] {
  const found = new Map(rows.map((r) => [r.month, r]));
  const months: WaitingReport["byMonth"] = [];
  for (let [y, m] = filter.from.split("-").map(Number) as [number, number]; `${y}-${String(m).padStart(2, "0")}` <= filter.to.slice(0, 7); m === 12 ? (y++, (m = 1)) : m++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    months.push(found.get(month) ?? { ...empty(), month });
  }
  return months;
}

function empty(): WaitingRow {
  return { referred: 0, seatsGranted: 0, offerMedian: null, offerP90: null, started: 0, startMedian: null, startP90: null };
}
