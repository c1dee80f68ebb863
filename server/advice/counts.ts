import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";

// The visit statistics' basis (docs/reports.md, "Advice points"): "VisitDayCount" and
// "VisitMonthCount" count the visits of an advice point by Finnish day and month in each value of
// each dimension (the SQL function visit_count_keys says which). Triggers on "AdviceVisit" and its
// topics and destinations append every change to "VisitCountChange" as -1 for what a visit counted
// in and +1 for what it counts in now; the minute job folds those into both tables. The statistics
// read whole months from the month table, the days of a month the period covers only in part from
// the day table, and the changes not yet folded, in one statement: every committed visit is
// counted exactly once whether or not it has been folded yet.

/** Any constant: one folding transaction at a time across every app instance. */
export const VISIT_COUNTS_FOLD_LOCK = 7_203_016;

/** Two CTEs that add the summed rows of `source` into `table`, keyed by point, `grain`, dimension and value. */
function addInto(table: "VisitDayCount" | "VisitMonthCount", grain: "day" | "month", source: "days" | "months") {
  const [t, g, src] = [Prisma.raw(`"${table}"`), Prisma.raw(grain), Prisma.raw(source)];
  const same = Prisma.sql`c."advicePointId" = s."advicePointId" AND c.${g} = s.${g} AND c.dimension = s.dimension AND c.key = s.key`;
  return Prisma.sql`${Prisma.raw(`${grain}_updated`)} AS (
        UPDATE ${t} c SET visits = c.visits + s.visits, "updatedAt" = now() FROM ${src} s WHERE ${same} RETURNING 1
      ),
      ${Prisma.raw(`${grain}_inserted`)} AS (
        INSERT INTO ${t} ("advicePointId", ${g}, dimension, key, visits)
        SELECT "advicePointId", ${g}, dimension, key, visits FROM ${src} s WHERE NOT EXISTS (SELECT 1 FROM ${t} c WHERE ${same})
        RETURNING 1
      )`;
}

/**
 * Moves the appended changes into the day and month counts and drops counts that became zero. One
 * instance at a time (an advisory lock; another instance skips its turn). Returns the number of
 * changes folded. The statistics read the same numbers before and after.
 */
export async function foldVisitCounts(): Promise<number> {
  return db().$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${VISIT_COUNTS_FOLD_LOCK}) AS locked`;
    if (!lock?.locked) return 0;
    // A count that exists takes the sum (an INSERT … ON CONFLICT would check a negative sum against
    // the CHECK before finding the conflict); a new one is inserted.
    const [moved] = await tx.$queryRaw<{ changes: bigint }[]>`
      WITH moved AS (DELETE FROM "VisitCountChange" RETURNING "advicePointId", day, dimension, key, visits),
      days AS (
        SELECT "advicePointId", day, dimension, key, sum(visits)::int AS visits, count(*) AS changes FROM moved GROUP BY 1, 2, 3, 4
      ),
      months AS (
        SELECT "advicePointId", date_trunc('month', day)::date AS month, dimension, key, sum(visits)::int AS visits FROM moved GROUP BY 1, 2, 3, 4
      ),
      ${addInto("VisitDayCount", "day", "days")},
      ${addInto("VisitMonthCount", "month", "months")}
      SELECT coalesce(sum(changes), 0) AS changes FROM days`;
    await tx.$executeRaw`DELETE FROM "VisitDayCount" WHERE visits = 0`;
    await tx.$executeRaw`DELETE FROM "VisitMonthCount" WHERE visits = 0`;
    return Number(moved?.changes ?? 0);
  });
}

/** A period in Finnish days, as the counts can read it: its whole months and the days of the others. */
export interface CountedPeriod {
  from: string;
  to: string;
  /** First days (YYYY-MM-01) of the months wholly inside the period. */
  wholeMonths: string[];
  /** Day ranges (inclusive) of the months the period covers only in part. */
  partial: { from: string; to: string }[];
}

/** One summed count: a dimension's value (or "visits": all / topic / destination / language), per month or per point when asked. */
export interface CountRow {
  period: number;
  dimension: string;
  key: string;
  /** YYYY-MM, on the rows by month. */
  month: string | null;
  /** On the rows by advice point. */
  advicePointId: string | null;
  visits: number;
}

/**
 * The counts of each period (0, 1, …) in the dimensions asked, in one statement: summed by value;
 * and, for `byMonth` / `byPoint`, all visits by month / by advice point. `pointId` null: every point.
 */
export async function readVisitCounts(
  periods: readonly CountedPeriod[],
  options: { pointId: string | null; dimensions: readonly string[]; byMonth: boolean; byPoint: boolean },
): Promise<CountRow[]> {
  const point = (table: string) => (options.pointId ? Prisma.sql`${Prisma.raw(table)}."advicePointId" = ${options.pointId}::uuid` : Prisma.sql`true`);
  const dimensions = [...new Set(["visits", ...options.dimensions])];
  const scans = periods.flatMap((p, i) => {
    const period = Prisma.raw(String(i));
    const parts = [
      Prisma.sql`SELECT ${period} AS period, m."advicePointId", m.month, m.dimension, m.key, m.visits FROM "VisitMonthCount" m
        WHERE ${point("m")} AND m.month = ANY(${p.wholeMonths}::date[]) AND m.dimension = ANY(${dimensions}::text[])`,
      Prisma.sql`SELECT ${period}, x."advicePointId", date_trunc('month', x.day)::date, x.dimension, x.key, x.visits FROM "VisitCountChange" x
        WHERE ${point("x")} AND x.day BETWEEN ${p.from}::date AND ${p.to}::date AND x.dimension = ANY(${dimensions}::text[])`,
    ];
    if (p.partial.length) {
      const days = Prisma.join(p.partial.map((r) => Prisma.sql`d.day BETWEEN ${r.from}::date AND ${r.to}::date`), " OR ");
      parts.push(Prisma.sql`SELECT ${period}, d."advicePointId", date_trunc('month', d.day)::date, d.dimension, d.key, d.visits FROM "VisitDayCount" d
        WHERE ${point("d")} AND (${days}) AND d.dimension = ANY(${dimensions}::text[])`);
    }
    return parts;
  });
  const all = Prisma.sql`c.dimension = 'visits' AND c.key = 'all'`;
  const grouped = [
    Prisma.sql`SELECT period, dimension, key, NULL::text AS month, NULL::text AS "advicePointId", sum(visits)::int AS visits FROM c GROUP BY period, dimension, key`,
    ...(options.byMonth ? [Prisma.sql`SELECT period, 'visits', 'all', to_char(month, 'YYYY-MM'), NULL, sum(visits)::int FROM c WHERE ${all} GROUP BY period, month`] : []),
    ...(options.byPoint ? [Prisma.sql`SELECT period, 'visits', 'all', NULL, "advicePointId"::text, sum(visits)::int FROM c WHERE ${all} GROUP BY period, "advicePointId"`] : []),
  ];
  return db().$queryRaw<CountRow[]>`
    WITH c AS MATERIALIZED (${Prisma.join(scans, " UNION ALL ")})
    ${Prisma.join(grouped, " UNION ALL ")}`;
}
