import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { AgeBand, TimeInFinlandBand, VisitChannel, VisitOutcome, VisitorGender } from "../db/generated/enums";
import type { Role } from "../db/generated/enums";
import { isUuid } from "../enrolment/types";
import { STAT_DIMENSIONS, isMultiValued, type MultiValuedDimension, type StatDimension } from "../../lib/schemas/advice-stats";
import type { Locale } from "../../lib/i18n";
import { addDays, addMonths, addYears, helsinkiToday, monthDays, monthOf, parseMonth } from "../../lib/dates";
import { readVisitCounts, type CountedPeriod } from "./counts";
import { suppressTable, type CellMark, type TableRelation } from "./suppression";
import enText from "../../messages/en/adviceStats.json";
import fiText from "../../messages/fi/adviceStats.json";
import svText from "../../messages/sv/adviceStats.json";

// The advice points' visit statistics: how many visits of a period fall in each value of one
// dimension, beside the same period a year earlier, summed from the visit counts (counts.ts) that
// triggers keep exact at every commit. Figures are summed on every call; nothing is cached. What
// each figure counts: docs/reports.md ("Advice points").
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

  const [counts, points, entries] = await Promise.all([
    visitCounts(window, scope.pointId, dimensions),
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

interface Counts {
  current: Map<string, number>;
  previous: Map<string, number>;
  currentTotal: number;
  previousTotal: number;
}
const emptyCounts = (): Counts => ({ current: new Map(), previous: new Map(), currentTotal: 0, previousTotal: 0 });

interface Window {
  /** The period (0) and a year earlier (1), as the counts read them. */
  periods: CountedPeriod[];
  months: string[];
  previousMonths: string[];
}

/** The months a period touches (YYYY-MM), its whole months and the days of the others. */
function counted(p: Period): { months: string[]; period: CountedPeriod } {
  const months = [monthOf(p.from)];
  while (months.at(-1)! < monthOf(p.to)) months.push(addMonths(months.at(-1)!, 1));
  const period: CountedPeriod = { from: p.from, to: p.to, wholeMonths: [], partial: [] };
  for (const month of months) {
    const { first, last } = monthDays(month);
    if (p.from <= first && last <= p.to) period.wholeMonths.push(first);
    else period.partial.push({ from: p.from > first ? p.from : first, to: p.to < last ? p.to : last });
  }
  return { months, period };
}

function periodWindow(period: Period, previous: Period): Window {
  const now = counted(period);
  const before = counted(previous);
  return { periods: [now.period, before.period], months: now.months, previousMonths: before.months };
}

/**
 * Every dimension asked, from the visit counts (counts.ts) in one statement. A table's total: all
 * visits for the single-valued dimensions, those with at least one value for the multi-valued ones.
 */
async function visitCounts(window: Window, pointId: string | null, dimensions: readonly StatDimension[]): Promise<Map<StatDimension, Counts>> {
  const rows = await readVisitCounts(window.periods, {
    pointId,
    dimensions: dimensions.filter((d) => d !== "month" && d !== "advicePoint"),
    byMonth: dimensions.includes("month"),
    byPoint: dimensions.includes("advicePoint"),
  });
  const result = new Map<StatDimension, Counts>(dimensions.map((d) => [d, emptyCounts()]));
  for (const r of rows) {
    const side = r.period === 0 ? "current" : "previous";
    const total = r.period === 0 ? "currentTotal" : "previousTotal";
    if (r.month !== null) {
      if (r.visits > 0) result.get("month")![side].set(r.month, r.visits);
    } else if (r.advicePointId !== null) {
      if (r.visits > 0) result.get("advicePoint")![side].set(r.advicePointId, r.visits);
    } else if (r.dimension === "visits") {
      for (const d of dimensions) {
        if (r.key === "all" ? !isMultiValued(d) : d === r.key) result.get(d)![total] = r.visits;
      }
    } else if (r.visits > 0) {
      result.get(r.dimension as StatDimension)?.[side].set(r.key, r.visits);
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
