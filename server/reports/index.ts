import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import type { ReportFilterInput } from "../../lib/schemas/reports";
import { outcomeReport, type OutcomeReport } from "./outcomes";
import { queueReport, type QueueReport } from "./queue";
import { reportScope, withDefaults, type ReportFilter, type ReportScope } from "./scope";
import { seatFillReport, type SeatFillReport } from "./seat-fill";
import { waitingReport, type WaitingReport } from "./waiting";

export { reportTables, TABLE_ROWS, type ReportTable, type CellKind, type Cell } from "./tables";
export type { ReportFilter } from "./scope";

export interface Reports {
  filter: ReportFilter;
  seatFill: SeatFillReport;
  queue: QueueReport;
  waiting: WaitingReport;
  outcomes: OutcomeReport;
  /** Course municipalities to filter by. */
  municipalities: string[];
  /** When these figures were computed (every request computes them). */
  computedAt: Date;
}

/**
 * Every report for the actor's scope (see scope.ts) and the filter; null for anyone who may not
 * see reports. Computed on every call from the report cells (basis.ts), which are kept up to date
 * by triggers, so the figures include every change committed before the call.
 */
export async function loadReports(actor: Actor, input: ReportFilterInput, options: { now?: Date; courseRows?: number } = {}): Promise<Reports | null> {
  const scope = reportScope(actor);
  if (!scope) return null;
  const now = options.now ?? new Date();
  return computeReports(scope, withDefaults(input, now), now, options.courseRows);
}

/** `courseRows`: how many courses of the seat fill by course to read (the page shows a few; the export all). */
async function computeReports(scope: ReportScope, filter: ReportFilter, now: Date, courseRows?: number): Promise<Reports> {
  const [seatFill, queue, waiting, outcomes, municipalities] = await Promise.all([
    seatFillReport(scope, filter, now, courseRows),
    queueReport(scope, filter),
    waitingReport(scope, filter),
    outcomeReport(scope, filter),
    courseMunicipalities(scope),
  ]);
  return { filter, seatFill, queue, waiting, outcomes, municipalities, computedAt: now };
}

/** Municipalities of published courses (public information) and of the provider's own courses. */
async function courseMunicipalities(scope: ReportScope): Promise<string[]> {
  const own = scope.kind === "PROVIDER" ? scope.organisationId : null;
  const rows = await db().$queryRaw<{ municipality: string }[]>`
    SELECT DISTINCT municipality FROM "Course" WHERE status <> 'DRAFT' OR "providerId" = ${own}::uuid ORDER BY municipality`;
  return rows.map((r) => r.municipality);
}
