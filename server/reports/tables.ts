import "server-only";
import type { ReportTableId } from "../../lib/schemas/reports";
import type { Reports } from "./index";

/** How a cell is shown: raw text, a label to translate (study path, month, kind of referral), or a number with its unit. */
export type CellKind = "text" | "studyPath" | "month" | "referralKind" | "date" | "count" | "percent" | "days";
export type Cell = string | number | null;

export interface ReportTable {
  id: ReportTableId;
  /** The first column names the row (th scope="row"). */
  columns: { key: string; kind: CellKind }[];
  rows: Cell[][];
  /** How many rows the table has in all (more than `rows` when only the first were read). */
  rowCount: number;
  /** A totals row, its first cell empty (the page and the export label it). */
  total: Cell[] | null;
}

/** At most this many rows on the page; the export has every row. */
export const TABLE_ROWS = 50;

const WAITING = [
  { key: "seatsGranted", kind: "count" },
  { key: "offerMedian", kind: "days" },
  { key: "offerP90", kind: "days" },
  { key: "started", kind: "count" },
  { key: "startMedian", kind: "days" },
  { key: "startP90", kind: "days" },
] as const;
type WaitingCells = { seatsGranted: number; offerMedian: number | null; offerP90: number | null; started: number; startMedian: number | null; startP90: number | null };
const waitingCells = (r: WaitingCells): Cell[] => [r.seatsGranted, r.offerMedian, r.offerP90, r.started, r.startMedian, r.startP90];

const OUTCOMES = [
  { key: "offers", kind: "count" },
  { key: "declined", kind: "count" },
  { key: "declinedRate", kind: "percent" },
  { key: "expired", kind: "count" },
  { key: "expiredRate", kind: "percent" },
  { key: "confirmed", kind: "count" },
  { key: "noShow", kind: "count" },
  { key: "noShowRate", kind: "percent" },
  { key: "started", kind: "count" },
  { key: "interrupted", kind: "count" },
  { key: "interruptedRate", kind: "percent" },
] as const;

/** Every report as the table the page shows and the export writes: one definition for both. */
export function reportTables(r: Reports): Record<ReportTableId, ReportTable> {
  const { seatFill, queue, waiting, outcomes } = r;
  const tables: Record<ReportTableId, Omit<ReportTable, "rowCount"> & { rowCount?: number }> = {
    fillByProvider: {
      id: "fillByProvider",
      columns: [{ key: "provider", kind: "text" }, { key: "courses", kind: "count" }, { key: "capacity", kind: "count" }, { key: "seatsHeld", kind: "count" }, { key: "fillRate", kind: "percent" }],
      rows: seatFill.providers.map((p) => [p.provider, p.courses, p.capacity, p.seatsHeld, p.fillRate]),
      total: ["", seatFill.total.courses, seatFill.total.capacity, seatFill.total.seatsHeld, seatFill.total.fillRate],
    },
    fillByCourse: {
      id: "fillByCourse",
      columns: [
        { key: "course", kind: "text" }, { key: "provider", kind: "text" }, { key: "startsOn", kind: "date" }, { key: "municipality", kind: "text" },
        { key: "capacity", kind: "count" }, { key: "seatsHeld", kind: "count" }, { key: "fillRate", kind: "percent" },
      ],
      rows: seatFill.courses.map((c) => [c.course, c.provider, c.startsOn, c.municipality, c.capacity, c.seatsHeld, c.fillRate]),
      rowCount: seatFill.total.courses,
      total: null,
    },
    queueByPath: {
      id: "queueByPath",
      columns: [{ key: "studyPath", kind: "studyPath" }, { key: "queueNow", kind: "count" }],
      rows: queue.byPath.map((q) => [q.studyPath, q.queueNow]),
      total: ["", queue.total],
    },
    queueByMunicipality: {
      id: "queueByMunicipality",
      columns: [{ key: "municipality", kind: "text" }, { key: "queueNow", kind: "count" }],
      rows: queue.byMunicipality.map((q) => [q.municipality, q.queueNow]),
      total: ["", queue.total],
    },
    waitingByPath: {
      id: "waitingByPath",
      columns: [{ key: "studyPath", kind: "studyPath" }, ...WAITING],
      rows: waiting.byPath.map((w) => [w.studyPath, ...waitingCells(w)]),
      total: ["", ...waitingCells(waiting.total)],
    },
    waitingByMunicipality: {
      id: "waitingByMunicipality",
      columns: [{ key: "municipality", kind: "text" }, ...WAITING],
      rows: waiting.byMunicipality.map((w) => [w.municipality, ...waitingCells(w)]),
      total: ["", ...waitingCells(waiting.total)],
    },
    waitingByMonth: {
      id: "waitingByMonth",
      columns: [{ key: "month", kind: "month" }, { key: "referred", kind: "count" }, ...WAITING],
      rows: waiting.byMonth.map((w) => [w.month, w.referred, ...waitingCells(w)]),
      total: ["", waiting.total.referred, ...waitingCells(waiting.total)],
    },
    waitingByKind: {
      id: "waitingByKind",
      columns: [{ key: "kind", kind: "referralKind" }, ...WAITING],
      rows: waiting.byKind.map((w) => [w.kind, ...waitingCells(w)]),
      total: ["", ...waitingCells(waiting.total)],
    },
    outcomesByPath: {
      id: "outcomesByPath",
      columns: [{ key: "studyPath", kind: "studyPath" }, ...OUTCOMES],
      rows: outcomes.byPath.map((o) => [o.studyPath, ...OUTCOMES.map((c) => o[c.key])]),
      total: ["", ...OUTCOMES.map((c) => outcomes.total[c.key])],
    },
  };
  return Object.fromEntries(Object.entries(tables).map(([id, t]) => [id, { ...t, rowCount: t.rowCount ?? t.rows.length }])) as Record<ReportTableId, ReportTable>;
}
