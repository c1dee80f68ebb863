import "server-only";
import { db } from "../db/client";
import type { StudyPath } from "../db/generated/enums";
import { reportCells } from "./basis";
import { courseFilter, type ReportFilter, type ReportScope } from "./scope";

export interface QueueReport {
  byPath: { studyPath: StudyPath; queueNow: number }[];
  byMunicipality: { municipality: string; queueNow: number }[];
  total: number;
}

/**
 * Queue length now: enrolments in WAITLISTED state at this moment, by the course's study path and
 * by its municipality. Someone queued on two courses counts twice (two queue places). A snapshot:
 * the referral-date range does not apply; study path and municipality do. Offered seats are not
 * in the queue.
 */
export async function queueReport(scope: ReportScope, filter: ReportFilter): Promise<QueueReport> {
  const rows = await db().$queryRaw<{ grouping: number; studyPath: StudyPath | null; municipality: string | null; queueNow: bigint }[]>`
    SELECT GROUPING(c."studyPath", c.municipality) AS grouping, c."studyPath", c.municipality, sum(c.enrolments) AS "queueNow"
    FROM ${reportCells}
    WHERE c.status = 'WAITLISTED' AND ${scope.cells} AND ${courseFilter(filter, "c")}
    GROUP BY GROUPING SETS ((c."studyPath"), (c.municipality), ())
    HAVING sum(c.enrolments) > 0`;
  const report: QueueReport = { byPath: [], byMunicipality: [], total: 0 };
  for (const r of rows) {
    if (r.grouping === 1) report.byPath.push({ studyPath: r.studyPath!, queueNow: Number(r.queueNow) });
    else if (r.grouping === 2) report.byMunicipality.push({ municipality: r.municipality!, queueNow: Number(r.queueNow) });
    else report.total = Number(r.queueNow);
  }
  report.byPath.sort((a, b) => PATH_ORDER.indexOf(a.studyPath) - PATH_ORDER.indexOf(b.studyPath));
  report.byMunicipality.sort((a, b) => a.municipality.localeCompare(b.municipality, "fi"));
  return report;
}

export const PATH_ORDER: readonly StudyPath[] = ["FAST", "BASIC", "SLOW", "LITERACY"];
