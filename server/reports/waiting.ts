import "server-only";
import { db } from "../db/client";
import type { StudyPath } from "../db/generated/enums";
import { PATH_ORDER } from "./queue";
import { reportCells } from "./basis";
import { courseFilter, referralRange, type ReportFilter, type ReportScope } from "./scope";

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
  /** A referral to one course, or a pooled referral (a place on every matching course): both kinds, direct first. */
  byKind: (WaitingRow & { kind: ReferralKind })[];
  total: WaitingRow;
}

export type ReferralKind = "DIRECT" | "POOLED";

// GROUPING(studyPath, municipality, month, pooled): a bit is set for each column a row is NOT
// grouped by (studyPath 8, municipality 4, month 2, pooled 1).
const GROUPED_BY = { studyPath: 4 | 2 | 1, municipality: 8 | 2 | 1, month: 8 | 4 | 1, kind: 8 | 4 | 2 } as const;

interface Row {
  grouping: number;
  studyPath: StudyPath | null;
  municipality: string | null;
  month: string | null;
  pooled: boolean | null;
  measure: "offer" | "start";
  referred: bigint;
  counted: bigint;
  median: number | null;
  p90: number | null;
}

/**
 * Waiting time, in calendar days (Finnish time), of the enrolments referred in the range:
 * - referral → offer: from the day of referral to the day a seat was given, i.e. offeredAt, or
 *   confirmedAt on a course that confirms without an offer. A seat given the same day is 0 days.
 *   Enrolments still waiting, or that ended before any seat (cancelled, withdrawn), do not count.
 * - referral → start: to the day of startedAt, for enrolments marked started.
 * Median and 90th percentile are percentile_cont (interpolated) over those enrolments, by the
 * course's study path, its municipality, the month of referral and the kind of referral (to one
 * course, or pooled: a place on every matching course, referred when the pool was). Recent months
 * look shorter than they will be: who is still waiting has no waiting time yet.
 *
 * The report cells hold the waiting times as histograms (how many enrolments waited d days), so
 * the percentiles are computed from the counts, exactly as percentile_cont does over the
 * individual enrolments: the value at 0-based rank r is the smallest d whose running count
 * exceeds r, and p interpolates between the ranks floor(p·(n−1)) and ceil(p·(n−1)).
 */
export async function waitingReport(scope: ReportScope, filter: ReportFilter): Promise<WaitingReport> {
  const rows = await db().$queryRaw<Row[]>`
    WITH w AS (
      -- The cells collapsed to what this report reads first: tens of thousands become hundreds
      -- before every grouping set reads them twice (once per measure).
      SELECT c."studyPath", c.municipality, to_char(c."referredOn", 'YYYY-MM') AS month, c.pooled, c."offerDays", c."startDays", sum(c.enrolments) AS enrolments
      FROM ${reportCells}
      WHERE ${referralRange(filter)} AND ${scope.cells} AND ${courseFilter(filter, "c")}
      GROUP BY 1, 2, 3, 4, 5, 6
    ),
    histogram AS (
      SELECT GROUPING(w."studyPath", w.municipality, w.month, w.pooled) AS grouping, w."studyPath", w.municipality, w.month, w.pooled, m.measure, m.days,
        sum(w.enrolments) AS n
      FROM w CROSS JOIN LATERAL (VALUES ('offer', w."offerDays"), ('start', w."startDays")) AS m(measure, days)
      GROUP BY GROUPING SETS ((m.measure, w."studyPath", m.days), (m.measure, w.municipality, m.days), (m.measure, w.month, m.days), (m.measure, w.pooled, m.days), (m.measure, m.days))
      HAVING sum(w.enrolments) > 0
    ),
    ranked AS (
      SELECT h.*,
        sum(h.n) OVER g AS referred,
        coalesce(sum(h.n) FILTER (WHERE h.days IS NOT NULL) OVER g, 0) AS counted,
        sum(h.n) OVER (g ORDER BY h.days NULLS LAST) AS upto
      FROM histogram h
      WINDOW g AS (PARTITION BY h.grouping, h."studyPath", h.municipality, h.month, h.pooled, h.measure)
    ),
    ranks AS (
      SELECT r.grouping, r."studyPath", r.municipality, r.month, r.pooled, r.measure, max(r.referred) AS referred, max(r.counted) AS counted,
        min(r.days) FILTER (WHERE r.days IS NOT NULL AND r.upto > floor(0.5 * (r.counted - 1))) AS lo50,
        min(r.days) FILTER (WHERE r.days IS NOT NULL AND r.upto > ceil(0.5 * (r.counted - 1))) AS hi50,
        min(r.days) FILTER (WHERE r.days IS NOT NULL AND r.upto > floor(0.9 * (r.counted - 1))) AS lo90,
        min(r.days) FILTER (WHERE r.days IS NOT NULL AND r.upto > ceil(0.9 * (r.counted - 1))) AS hi90
      FROM ranked r
      GROUP BY r.grouping, r."studyPath", r.municipality, r.month, r.pooled, r.measure
    )
    SELECT grouping, "studyPath", municipality, month, pooled, measure, referred, counted,
      (lo50 + (hi50 - lo50) * (0.5 * (counted - 1) - floor(0.5 * (counted - 1))))::float8 AS median,
      (lo90 + (hi90 - lo90) * (0.9 * (counted - 1) - floor(0.9 * (counted - 1))))::float8 AS p90
    FROM ranks`;
  // One row per group and measure; both measures of a group together make its WaitingRow.
  const groups = new Map<string, { grouping: number; key: Pick<Row, "studyPath" | "municipality" | "month" | "pooled">; row: WaitingRow }>();
  for (const r of rows) {
    const id = JSON.stringify([r.grouping, r.studyPath, r.municipality, r.month, r.pooled]);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { grouping: r.grouping, key: r, row: { ...empty(), referred: Number(r.referred) } }));
    if (r.measure === "offer") Object.assign(group.row, { seatsGranted: Number(r.counted), offerMedian: r.median, offerP90: r.p90 });
    else Object.assign(group.row, { started: Number(r.counted), startMedian: r.median, startP90: r.p90 });
  }
  const report: WaitingReport = { byPath: [], byMunicipality: [], byMonth: [], byKind: [], total: empty() };
  for (const { grouping, key, row } of groups.values()) {
    if (grouping === GROUPED_BY.studyPath) report.byPath.push({ ...row, studyPath: key.studyPath! });
    else if (grouping === GROUPED_BY.municipality) report.byMunicipality.push({ ...row, municipality: key.municipality! });
    else if (grouping === GROUPED_BY.month) report.byMonth.push({ ...row, month: key.month! });
    else if (grouping === GROUPED_BY.kind) report.byKind.push({ ...row, kind: key.pooled ? "POOLED" : "DIRECT" });
    else report.total = row;
  }
  report.byPath.sort((a, b) => PATH_ORDER.indexOf(a.studyPath) - PATH_ORDER.indexOf(b.studyPath));
  report.byMunicipality.sort((a, b) => a.municipality.localeCompare(b.municipality, "fi"));
  report.byMonth = everyMonth(filter, report.byMonth);
  // Both kinds always, direct first (a kind nobody was referred by is a row of zeros).
  report.byKind = (["DIRECT", "POOLED"] as const).map((kind) => report.byKind.find((k) => k.kind === kind) ?? { ...empty(), kind });
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
