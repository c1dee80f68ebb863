import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AgeBand, TimeInFinlandBand, VisitChannel, VisitOutcome, VisitorGender } from "../db/generated/enums";
import type { Role } from "../db/generated/enums";
import { isUuid } from "../enrolment/types";
import { STAT_DIMENSIONS, isMultiValued, type MultiValuedDimension, type StatDimension } from "../../lib/schemas/advice-stats";
import type { Locale } from "../../lib/i18n";
import { addDays, addMonths, addYears, helsinkiDayEnd, helsinkiDayStart, helsinkiToday, monthDays, monthOf, parseMonth } from "../../lib/dates";
import { suppressTable, type CellMark, type TableRelation } from "./suppression";
import enText from "../../messages/en/adviceStats.json";
import fiText from "../../messages/fi/adviceStats.json";
import svText from "../../messages/sv/adviceStats.json";

// The advice points' visit statistics: how many visits of a period fall in each value of one
// dimension, beside the same period a year earlier. Each dimension is one GROUP BY over the visits
// of the period (the indexes on (advicePointId, occurredAt) and (occurredAt) find them), the
// single-valued dimensions together in one query with GROUPING SETS. Figures are computed on
// every call; nothing is cached. What each figure counts: docs/reports.md ("Advice points").
//
// Who sees what: an adviser their own advice point; an administrator every point, or one. Anyone
// else, or an adviser asking for another point, gets NOT_FOUND.

/** The roles that may read visit statistics at all (the API answers 403 to the others). */
export const STATS_ROLES: readonly Role[] = ["ADVISER", "ADMIN"];

export interface StatRow {
  /** The topic's or destination's id, the enum value (NOT_RECORDED for a profile left empty), the language code, YYYY-MM, or the point's id. */
  key: string;
  /** In the caller's language. */
  label: string;
  /** A topic or destination the administrator has retired since (history keeps it). */
  retired: boolean;
  count: number;
  /** The same row a year earlier (for a month: the same month a year earlier). */
  previous: number;
}

export interface StatTable {
  dimension: StatDimension;
  /** SUM: each visit in exactly one row. COVER: a visit in each row it has a value for (topic, language, destination). */
  relation: TableRelation;
  rows: StatRow[];
  /** Visits in the period (for COVER tables: visits with at least one value). */
  total: number;
  previousTotal: number;
}

export interface Period {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = ["thisMonth", "lastMonth", "last3Months", "last12Months", "thisYear", "lastYear"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface VisitStats {
  period: Period;
  previousPeriod: Period;
  /** The point the figures are about, or null for every point (an administrator's default). */
  point: { id: string; name: string } | null;
  /** The points the caller may choose from: every advice point for an administrator, their own for an adviser. */
  points: { id: string; name: string }[];
  tables: StatTable[];
  presets: (Period & { preset: PeriodPreset })[];
  computedAt: Date;
}

export type VisitStatsResult = { ok: true; stats: VisitStats } | { ok: false; code: "NOT_FOUND" };

export interface VisitStatsInput {
  from?: string;
  to?: string;
  /** An administrator's choice of one point; an adviser may name only their own. */
  point?: string;
}

/** Quick periods, in Finnish days: whole months and years, or up to today. */
export function periodPresets(now: Date): (Period & { preset: PeriodPreset })[] {
  const today = helsinkiToday(now);
  const month = monthOf(today);
  const year = today.slice(0, 4);
  const last = monthDays(addMonths(month, -1));
  return [
    { preset: "thisMonth", from: monthDays(month).first, to: today },
    { preset: "lastMonth", from: last.first, to: last.last },
    { preset: "last3Months", from: monthDays(addMonths(month, -2)).first, to: today },
    { preset: "last12Months", from: monthDays(addMonths(month, -11)).first, to: today },
    { preset: "thisYear", from: `${year}-01-01`, to: today },
    { preset: "lastYear", from: addYears(`${year}-01-01`, -1), to: addDays(`${year}-01-01`, -1) },
  ];
}

/** The default period: the last twelve months, this one so far included. */
export function defaultPeriod(now: Date): Period {
  const { from, to } = periodPresets(now).find((p) => p.preset === "last12Months")!;
  return { from, to };
}

type Scope = { pointId: string | null };

async function scopeOf(actor: Actor, requested: string | undefined): Promise<Scope | null> {
  let pointId: string;
  if (actor.role === "ADVISER" && actor.organisationId && (requested === undefined || requested === actor.organisationId)) pointId = actor.organisationId;
  else if (actor.role === "ADMIN" && requested === undefined) return { pointId: null };
  else if (actor.role === "ADMIN" && isUuid(requested!)) pointId = requested!;
  else return null;
  const point = await db().organisation.findFirst({ where: { id: pointId, type: "ADVICE_POINT" }, select: { id: true } });
  return point ? { pointId: point.id } : null;
}

/**
 * The statistics of a period for the dimensions asked (default: every one), with labels in
 * `locale`. Rows: every value that occurs in the period or a year earlier; for months, every
 * month of the period.
 */
export async function visitStats(
  actor: Actor,
  input: VisitStatsInput,
  options: { locale: Locale; dimensions?: readonly StatDimension[]; now?: Date },
): Promise<VisitStatsResult> {
  const scope = await scopeOf(actor, input.point);
  if (!scope) return { ok: false, code: "NOT_FOUND" };
  const now = options.now ?? new Date();
  const fallback = defaultPeriod(now);
  const period = { from: input.from ?? fallback.from, to: input.to ?? fallback.to };
  const previousPeriod = { from: addYears(period.from, -1), to: addYears(period.to, -1) };
  const dimensions = STAT_DIMENSIONS.filter((d) => (options.dimensions ?? STAT_DIMENSIONS).includes(d));
  const window = periodWindow(period, previousPeriod);
  const where = scope.pointId ? Prisma.sql`v."advicePointId" = ${scope.pointId}::uuid` : Prisma.sql`true`;

  const [counts, points, entries] = await Promise.all([
    visitCounts(window, where, dimensions),
    db().organisation.findMany({ where: { type: "ADVICE_POINT", ...(actor.role === "ADMIN" ? {} : { id: scope.pointId! }) }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    dimensions.includes("topic") || dimensions.includes("destination")
      ? db().visitListEntry.findMany({ orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] })
      : Promise.resolve([]),
  ]);

  const text = TEXT[options.locale];
  const names = new Map(points.map((p) => [p.id, p.name]));
  const labelled = new Map(entries.map((e) => [e.id, { label: options.locale === "fi" ? e.labelFi : options.locale === "sv" ? e.labelSv : e.labelEn, retired: e.retiredAt !== null, kind: e.kind }]));
  const languageNames = new Intl.DisplayNames([options.locale], { type: "language" });
  const monthName = new Intl.DateTimeFormat(options.locale, { year: "numeric", month: "long", timeZone: "UTC" });
  const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase(options.locale) + s.slice(1);

  const tables = dimensions.map((dimension): StatTable => {
    const c = counts.get(dimension)!;
    const relation: TableRelation = isMultiValued(dimension) ? "COVER" : "SUM";
    const rowOf = (key: string, label: string, retired = false, previousKey = key): StatRow => ({
      key,
      label,
      retired,
      count: c.current.get(key) ?? 0,
      previous: c.previous.get(previousKey) ?? 0,
    });
    const occurring = (key: string) => c.current.has(key) || c.previous.has(key);
    const keys = [...new Set([...c.current.keys(), ...c.previous.keys()])];
    let rows: StatRow[];
    switch (dimension) {
      case "month":
        rows = window.months.map((key, i) => rowOf(key, upperFirst(monthName.format(parseMonth(key))), false, window.previousMonths[i]));
        break;
      case "topic":
      case "destination": {
        const kind = dimension === "topic" ? "TOPIC" : "DESTINATION";
        const known = entries.filter((e) => e.kind === kind && occurring(e.id)).map((e) => e.id);
        rows = known.map((id) => rowOf(id, labelled.get(id)!.label, labelled.get(id)!.retired));
        break;
      }
      case "language":
        rows = keys.map((code) => rowOf(code, upperFirst(languageName(languageNames, code))));
        rows.sort((a, b) => b.count - a.count || b.previous - a.previous || a.key.localeCompare(b.key));
        break;
      case "advicePoint":
        rows = keys.map((id) => rowOf(id, names.get(id) ?? id));
        rows.sort((a, b) => a.label.localeCompare(b.label, options.locale));
        break;
      case "channel":
      case "outcome":
      case "ageBand":
      case "gender":
      case "timeInFinland":
      case "firstVisit": {
        const values = ENUM_VALUES[dimension];
        const valueText = text.values[dimension] as Record<string, string>;
        rows = [...values, ...(dimension === "channel" || dimension === "outcome" ? [] : [NOT_RECORDED])]
          .filter(occurring)
          .map((key) => rowOf(key, key === NOT_RECORDED ? text.values.notRecorded : valueText[key]!));
        break;
      }
    }
    return { dimension, relation, rows, total: c.currentTotal, previousTotal: c.previousTotal };
  });

  return {
    ok: true,
    stats: {
      period,
      previousPeriod,
      point: scope.pointId ? { id: scope.pointId, name: names.get(scope.pointId) ?? "" } : null,
      points,
      tables,
      presets: periodPresets(now),
      computedAt: now,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The queries

const TEXT: Record<Locale, typeof enText> = { en: enText, fi: fiText, sv: svText };

/** The key of a profile field left empty. */
export const NOT_RECORDED = "NOT_RECORDED";

type SingleDimension = Exclude<StatDimension, MultiValuedDimension>;

const ENUM_VALUES = {
  channel: Object.values(VisitChannel),
  outcome: Object.values(VisitOutcome),
  ageBand: Object.values(AgeBand),
  gender: Object.values(VisitorGender),
  timeInFinland: Object.values(TimeInFinlandBand),
  firstVisit: ["FIRST_VISIT", "RETURNING"],
} as const satisfies Record<Exclude<SingleDimension, "month" | "advicePoint">, readonly string[]>;

/** What each single-valued dimension groups the `v` rows below by; NULL becomes NOT_RECORDED. */
const COLUMNS: Record<SingleDimension, Prisma.Sql> = {
  month: Prisma.sql`month`,
  advicePoint: Prisma.sql`"advicePointId"`,
  channel: Prisma.sql`channel`,
  outcome: Prisma.sql`outcome`,
  ageBand: Prisma.sql`"ageBand"`,
  gender: Prisma.sql`gender`,
  timeInFinland: Prisma.sql`"timeInFinland"`,
  firstVisit: Prisma.sql`"firstVisit"`,
};

/** Each multi-valued dimension's values of a visit, as an array column of the `v` rows (a value written twice counts once). */
const ARRAYS: Record<MultiValuedDimension, Prisma.Sql> = {
  topic: Prisma.sql`ARRAY(SELECT x."topicId"::text FROM "AdviceVisitTopic" x WHERE x."visitId" = v.id)`,
  destination: Prisma.sql`ARRAY(SELECT x."destinationId"::text FROM "AdviceVisitDestination" x WHERE x."visitId" = v.id)`,
  language: Prisma.sql`v.languages`,
};

interface Counts {
  current: Map<string, number>;
  previous: Map<string, number>;
  currentTotal: number;
  previousTotal: number;
}
const emptyCounts = (): Counts => ({ current: new Map(), previous: new Map(), currentTotal: 0, previousTotal: 0 });

interface Window {
  /** The period (0) and a year earlier (1): where each starts and ends, and where each of its months starts. */
  periods: { start: string; end: string; monthStarts: string[] }[];
  months: string[];
  previousMonths: string[];
}

/**
 * The two periods as instants: a Finnish day starts at 00:00 in Helsinki (lib/dates.ts). Each
 * period's month boundaries go along, so that SQL can put a visit in its Finnish month with
 * width_bucket (1 for the period's first month) without a time zone of its own.
 */
function periodWindow(period: Period, previous: Period): Window {
  const monthsOf = (p: Period) => {
    const months = [monthOf(p.from)];
    while (months.at(-1)! < monthOf(p.to)) months.push(addMonths(months.at(-1)!, 1));
    return months;
  };
  const bounds = (p: Period, months: string[]) => ({
    start: helsinkiDayStart(p.from).toISOString(),
    end: helsinkiDayEnd(p.to).toISOString(),
    monthStarts: [helsinkiDayStart(p.from), ...months.slice(1).map((m) => helsinkiDayStart(monthDays(m).first))].map((d) => d.toISOString()),
  });
  const months = monthsOf(period);
  const previousMonths = monthsOf(previous);
  return { periods: [bounds(period, months), bounds(previous, previousMonths)], months, previousMonths };
}

/**
 * Every dimension asked in one statement: the visits of both periods in scope are read once (the
 * index on (advicePointId, occurredAt) or (occurredAt) finds them), each with its period, its
 * Finnish month and its topics, destinations and languages as arrays; then one GROUP BY with
 * GROUPING SETS counts the single-valued dimensions and the totals (for a multi-valued one: visits
 * with at least one value), and one GROUP BY per multi-valued dimension counts its values.
 */
async function visitCounts(window: Window, where: Prisma.Sql, dimensions: readonly StatDimension[]): Promise<Map<StatDimension, Counts>> {
  const single = dimensions.filter((d): d is SingleDimension => !isMultiValued(d));
  const multi = dimensions.filter(isMultiValued);
  const arrays = multi.map((d) => Prisma.sql`, ${ARRAYS[d]} AS ${Prisma.raw(`"${d}"`)}`);
  const grouping = single.map((d, i) => Prisma.sql`WHEN GROUPING(${COLUMNS[d]}) = 0 THEN ${Prisma.raw(String(i))}`);
  const dimension = grouping.length ? Prisma.sql`CASE ${Prisma.join(grouping, " ")} ELSE -1 END` : Prisma.sql`-1`;
  const key = single.length ? Prisma.sql`CASE ${Prisma.join(single.map((d) => Prisma.sql`WHEN GROUPING(${COLUMNS[d]}) = 0 THEN ${COLUMNS[d]}::text`), " ")} END` : Prisma.sql`NULL::text`;
  const sets = Prisma.join([...single.map((d) => Prisma.sql`(${COLUMNS[d]})`), Prisma.sql`()`], ", ");
  // Per multi-valued dimension: visits with at least one value (the totals row), and its values' counts.
  const covered = multi.map((d, i) => Prisma.sql`, count(*) FILTER (WHERE cardinality(${Prisma.raw(`"${d}"`)}) > 0)::int AS ${Prisma.raw(`c${i}`)}`);
  const zeros = multi.map(() => Prisma.sql`, 0`);
  const all = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, "") : Prisma.empty);
  const values = multi.map(
    (d, i) => Prisma.sql`
    UNION ALL
    SELECT period, ${Prisma.raw(String(single.length + i))}, value, count(*)::int ${all(zeros)}
    FROM v CROSS JOIN LATERAL unnest(${Prisma.raw(`"${d}"`)}) WITH ORDINALITY AS l(value, i)
    WHERE array_position(${Prisma.raw(`"${d}"`)}, value) = i
    GROUP BY period, value`,
  );
  // One range scan per period, with its bounds as constants so that the planner sees how few
  // visits each holds. (A visit is in both when a period longer than a year overlaps its comparison.)
  const scans = window.periods.map(
    (p, period) => Prisma.sql`
      SELECT ${Prisma.raw(String(period))} AS period, width_bucket(v."occurredAt", ${p.monthStarts}::timestamptz[]) AS month,
        v."advicePointId", v.channel, v.outcome, v."ageBand", v.gender, v."timeInFinland", v."firstVisit" ${all(arrays)}
      FROM "AdviceVisit" v
      WHERE ${where} AND v."occurredAt" >= ${p.start}::timestamptz AND v."occurredAt" < ${p.end}::timestamptz`,
  );
  const rows = await db().$queryRaw<({ period: number; dimension: number; key: string | null; n: number } & Record<`c${number}`, number>)[]>`
    WITH v AS MATERIALIZED (${Prisma.join(scans, " UNION ALL ")})
    SELECT period, ${dimension} AS dimension, ${key} AS key, count(*)::int AS n ${all(covered)}
    FROM v
    GROUP BY period, GROUPING SETS (${sets})
    ${all(values)}`;
  const result = new Map<StatDimension, Counts>(dimensions.map((d) => [d, emptyCounts()]));
  for (const r of rows) {
    const side = r.period === 0 ? "current" : "previous";
    const total = r.period === 0 ? "currentTotal" : "previousTotal";
    if (r.dimension < 0) {
      for (const d of single) result.get(d)![total] = r.n;
      multi.forEach((d, i) => (result.get(d)![total] = r[`c${i}`]!));
    } else if (r.dimension >= single.length) {
      result.get(multi[r.dimension - single.length]!)![side].set(r.key!, r.n);
    } else {
      const d = single[r.dimension]!;
      const raw = r.key;
      const k =
        d === "month"
          ? (r.period === 0 ? window.months : window.previousMonths)[Number(raw) - 1]!
          : d === "firstVisit"
            ? raw === null ? NOT_RECORDED : raw === "true" ? "FIRST_VISIT" : "RETURNING"
            : (raw ?? NOT_RECORDED);
      result.get(d)![side].set(k, r.n);
    }
  }
  return result;
}

function languageName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

// ---------------------------------------------------------------------------------------------
// The view: every figure, or the publishable one (suppression.ts)

export interface ViewCell {
  value: number | null;
  mark: CellMark;
}
export interface ViewRow {
  key: string;
  label: string;
  retired: boolean;
  count: ViewCell;
  previous: ViewCell;
}
export interface ViewTable {
  dimension: StatDimension;
  relation: TableRelation;
  rows: ViewRow[];
  total: ViewCell;
  previousTotal: ViewCell;
}

const shown = (value: number): ViewCell => ({ value, mark: "SHOWN" });

/** A table as the page, the export and the API show it: every figure, or (publishable) each column suppressed on its own. */
export function viewOf(table: StatTable, publishable: boolean): ViewTable {
  if (!publishable) {
    return {
      ...table,
      rows: table.rows.map((r) => ({ ...r, count: shown(r.count), previous: shown(r.previous) })),
      total: shown(table.total),
      previousTotal: shown(table.previousTotal),
    };
  }
  const now = suppressTable(table.rows.map((r) => r.count), table.total, table.relation);
  const before = suppressTable(table.rows.map((r) => r.previous), table.previousTotal, table.relation);
  return {
    ...table,
    rows: table.rows.map((r, i) => ({ ...r, count: now.cells[i]!, previous: before.cells[i]! })),
    total: now.total,
    previousTotal: before.total,
  };
}
