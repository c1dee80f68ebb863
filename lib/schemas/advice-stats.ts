// The advice points' visit statistics: which dimensions a table can be grouped by, the filters of
// /advice/stats and of the administrators' /reports/advice (read from the URL, a GET form), each
// table's export, and GET /api/v1/visits/stats. One schema each, shared by the pages, the export
// route and the API.
import "./zod-config";
import { z } from "zod";
import { daysBetween, isDateString } from "../dates";
import { isoDate } from "./client";

/** Every dimension a statistics table can be grouped by, in page order. */
export const STAT_DIMENSIONS = [
  "month",
  "topic",
  "language",
  "channel",
  "outcome",
  "destination",
  "advicePoint",
  "ageBand",
  "gender",
  "timeInFinland",
  "firstVisit",
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/**
 * A visit has several topics, languages and destinations and is counted once in each of its rows:
 * these tables' totals are visits (with at least one value), not the sum of their rows.
 */
export const MULTI_VALUED_DIMENSIONS = ["topic", "language", "destination"] as const satisfies readonly StatDimension[];
export type MultiValuedDimension = (typeof MULTI_VALUED_DIMENSIONS)[number];
export const isMultiValued = (d: StatDimension): d is MultiValuedDimension => (MULTI_VALUED_DIMENSIONS as readonly StatDimension[]).includes(d);

/** The longest period one request may cover (and its comparison, a year earlier). */
export const MAX_PERIOD_DAYS = 3660;

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
/** A check box or a query flag: "true", "1" or "on" is yes; missing, "false" or "0" is no. */
const flag = z.preprocess(blank, z.enum(["true", "false", "1", "0", "on"]).optional()).transform((v) => v === "true" || v === "1" || v === "on");

type Period = { from?: string; to?: string };
const ordered = (p: Period) => !p.from || !p.to || p.from <= p.to;
// Refinements run even after a field's own check failed: a day that is not one is that field's error, not this one's.
const short = (p: Period) => !p.from || !p.to || !isDateString(p.from) || !isDateString(p.to) || p.from > p.to || daysBetween(p.from, p.to) < MAX_PERIOD_DAYS;

/** The period (Finnish days, both included; default: the last twelve months, this one so far included), the publishable view, an administrator's point. */
const filterFields = {
  from: optional(isoDate),
  to: optional(isoDate),
  publishable: flag,
  point: optional(z.uuid({ error: "validation.id" })),
};

/** The statistics pages (a GET form): the filter, and optionally one table only (a link to it, or a lighter page). */
export const visitStatsFilterSchema = z
  .object({ ...filterFields, by: optional(z.enum(STAT_DIMENSIONS, { error: "validation.choose" })) })
  .refine(ordered, { path: ["to"], message: "validation.endBeforeStart" })
  .refine(short, { path: ["to"], message: "validation.periodTooLong" });
export type VisitStatsFilterInput = z.output<typeof visitStatsFilterSchema>;

/** One table of the statistics pages as CSV or XLSX, with the page's filter. */
export const visitStatsExportSchema = z
  .object({ ...filterFields, dimension: z.enum(STAT_DIMENSIONS, { error: "validation.choose" }), format: z.enum(["csv", "xlsx"], { error: "validation.choose" }) })
  .refine(ordered, { path: ["to"], message: "validation.endBeforeStart" })
  .refine(short, { path: ["to"], message: "validation.periodTooLong" });

const requiredDate = z.iso.date({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.date") });

/** GET /api/v1/visits/stats: the period (required), one dimension, suppression for publication, an administrator's point. */
export const visitStatsQuerySchema = z
  .object({
    from: requiredDate,
    to: requiredDate,
    by: z.enum(STAT_DIMENSIONS, { error: "validation.choose" }),
    suppress: flag,
    point: optional(z.uuid({ error: "validation.id" })),
  })
  .refine(ordered, { path: ["to"], message: "validation.endBeforeStart" })
  .refine(short, { path: ["to"], message: "validation.periodTooLong" });
export type VisitStatsQuery = z.output<typeof visitStatsQuerySchema>;
