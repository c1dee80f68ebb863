import "server-only";
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import { csvCell } from "../official/export";
import type { reportExportSchema } from "../../lib/schemas/reports";
import { loadReports, reportTables, type Cell, type CellKind } from "./index";
import { helsinkiToday } from "../../lib/dates";

type LabelKind = "studyPath" | "month" | "referralKind";
const isLabel = (kind: CellKind): kind is LabelKind => kind === "studyPath" || kind === "month" || kind === "referralKind";

export interface ExportText {
  title: string;
  header: (column: string) => string;
  /** Labels for study path, month and kind-of-referral cells; the totals row's label. */
  label: (kind: LabelKind, value: string) => string;
  total: string;
  /** The locale's decimal separator, for CSV numbers. */
  decimal: "," | ".";
}

/** Percentages and days with one decimal; counts as they are. */
export function exportValue(kind: CellKind, value: Cell): string | number {
  if (value === null) return "";
  if (kind === "percent") return Math.round((value as number) * 1000) / 10;
  if (kind === "days") return Math.round((value as number) * 10) / 10;
  return value;
}

/**
 * One report table as CSV or XLSX, with the same numbers as the page (same scope, same filter).
 * Every export is audited with the table, the format and the filter.
 */
export async function exportReportTable(actor: Actor, input: z.output<typeof reportExportSchema>, text: ExportText) {
  const { table: id, format, ...filter } = input;
  const reports = await loadReports(actor, filter);
  if (!reports) return null;
  const table = reportTables(reports)[id];
  await recordAudit(db(), {
    actorUserId: actor.userId,
    action: "report.export",
    entityType: "Report",
    entityId: id,
    organisationId: actor.organisationId,
    details: { format, filter: { ...reports.filter }, rows: table.rows.length },
  });
  const cell = (kind: CellKind, value: Cell): string | number =>
    value !== null && isLabel(kind) ? text.label(kind, String(value)) : exportValue(kind, value);
  const kindOf = (i: number) => table.columns[i]!.kind;
  const lines = table.rows.map((row) => row.map((value, i) => cell(kindOf(i), value)));
  if (table.total) lines.push(table.total.map((value, i) => (i === 0 ? text.total : cell(kindOf(i), value))));
  const header = table.columns.map((c) => text.header(c.key));
  const stamp = helsinkiToday(reports.computedAt);
  const name = `raportti-${id}-${reports.filter.from}-${reports.filter.to}`;
  return { ...(await tableFile({ format, name, title: text.title, header, lines, boldLastLine: table.total !== null, decimal: text.decimal })), stamp };
}

export interface TableFileInput {
  format: "csv" | "xlsx";
  /** The file's name without its extension. */
  name: string;
  /** The XLSX sheet's name (cut to Excel's 31 characters). */
  title: string;
  header: string[];
  lines: (string | number)[][];
  /** The last line is a totals row (bold in XLSX). */
  boldLastLine: boolean;
  /** The locale's decimal separator, for CSV numbers. */
  decimal: "," | ".";
}

/**
 * A table as a CSV (UTF-8 with a byte-order mark, semicolons, CRLF: what Excel in Finland opens)
 * or an XLSX workbook of one sheet. Every table the app exports (reports, advice-point statistics)
 * is written here.
 */
export async function tableFile(input: TableFileInput): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const { header, lines } = input;
  if (input.format === "csv") {
    const csv = (v: string | number) => csvCell(typeof v === "number" ? String(v).replace(".", input.decimal) : v);
    const body = "\uFEFF" + [header, ...lines].map((line) => line.map(csv).join(";")).join("\r\n") + "\r\n";
    return { body: Buffer.from(body, "utf8"), contentType: "text/csv; charset=utf-8", filename: `${input.name}.csv` };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(input.title.slice(0, 31).replace(/[*?:\\/[\]]/g, " "));
  sheet.addRow(header).font = { bold: true };
  for (const line of lines) sheet.addRow(line);
  if (input.boldLastLine && lines.length) sheet.lastRow!.font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 36 : 16));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: `${input.name}.xlsx`,
  };
}
