import "server-only";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { csvCell } from "../official/export";
import type { AuditExport, AuditFilter } from "../../lib/schemas/admin";
import { helsinkiDayEnd, helsinkiDayStart, helsinkiTimestamp, helsinkiToday } from "../../lib/dates";

// The audit trail for administrators: every AuditEvent newest first, filtered by who acted, the
// client or course concerned, the action and a range of days in Finnish time. Details never hold
// an identity code (server/audit.ts), so they are shown as they are.

const PAGE_SIZE = 50;
/** At most this many rows per export file; a bigger view is narrowed with the filters first. */
export const AUDIT_EXPORT_LIMIT = 20_000;

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  entityType: string | null;
  entityId: string | null;
  organisationName: string | null;
  clientId: string | null;
  courseId: string | null;
  details: string | null;
  ip: string | null;
}

type Filter = Omit<AuditFilter, "page">;

function where(filter: Filter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.actor) {
    const like = `%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // A failed sign-in for an unknown address has no user, only the address it was tried with.
    parts.push(Prisma.sql`(u.email ILIKE ${like} OR u.name ILIKE ${like} OR (a."actorUserId" IS NULL AND a.details->>'email' ILIKE ${like}))`);
  }
  if (filter.clientId) parts.push(Prisma.sql`a."clientId" = ${filter.clientId}::uuid`);
  if (filter.courseId) parts.push(Prisma.sql`a."courseId" = ${filter.courseId}::uuid`);
  if (filter.action) {
    const prefix = filter.action.replace(/[\\%_]/g, (c) => `\\${c}`);
    parts.push(Prisma.sql`a.action LIKE ${`${prefix}%`}`);
  }
  if (filter.from) parts.push(Prisma.sql`a.at >= ${helsinkiDayStart(filter.from)}`);
  if (filter.to) parts.push(Prisma.sql`a.at < ${helsinkiDayEnd(filter.to)}`);
  return Prisma.join(parts, " AND ");
}

async function select(filter: Filter, limit: number, offset: number): Promise<AuditRow[]> {
  const rows = await db().$queryRaw<(Omit<AuditRow, "id" | "details"> & { id: bigint; details: unknown })[]>`
    SELECT a.id, a.at, a.action, a."actorUserId", u.name AS "actorName", u.email AS "actorEmail", a."entityType", a."entityId",
      o.name AS "organisationName", a."clientId", a."courseId", a.details, a.ip
    FROM "AuditEvent" a
    LEFT JOIN "User" u ON u.id = a."actorUserId"
    LEFT JOIN "Organisation" o ON o.id = a."organisationId"
    WHERE ${where(filter)}
    ORDER BY a.at DESC, a.id DESC
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((r) => ({ ...r, id: r.id.toString(), details: r.details === null || r.details === undefined ? null : JSON.stringify(r.details) }));
}

export async function searchAuditLog(actor: Actor, filter: AuditFilter) {
  if (actor.role !== "ADMIN") return null;
  const { page, ...rest } = filter;
  const rows = await select(rest, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  return { page, hasNext: rows.length > PAGE_SIZE, rows: rows.slice(0, PAGE_SIZE) };
}

export const AUDIT_EXPORT_COLUMNS = ["at", "action", "actorName", "actorEmail", "entityType", "entityId", "organisation", "clientId", "courseId", "details", "ip"] as const;
export type AuditExportColumn = (typeof AUDIT_EXPORT_COLUMNS)[number];

/** The filtered view as CSV or XLSX, times in Finnish time; the export is audited with its filter. */
export async function exportAuditLog(actor: Actor, input: AuditExport, header: (column: AuditExportColumn) => string) {
  if (actor.role !== "ADMIN") return null;
  const { format, ...filter } = input;
  const rows = await select(filter, AUDIT_EXPORT_LIMIT, 0);
  await recordAudit(db(), { actorUserId: actor.userId, action: "audit.export", details: { format, filter, rows: rows.length } });
  const table = rows.map((r) =>
    AUDIT_EXPORT_COLUMNS.map((c): string => {
      switch (c) {
        case "at": return helsinkiTimestamp(r.at);
        case "organisation": return r.organisationName ?? "";
        default: return r[c] ?? "";
      }
    }),
  );
  const head = AUDIT_EXPORT_COLUMNS.map(header);
  const stamp = helsinkiToday(new Date());
  if (format === "csv") {
    // UTF-8 with a byte-order mark and semicolons, as Finnish spreadsheet programs expect.
    const body = "\uFEFF" + [head, ...table].map((line) => line.map(csvCell).join(";")).join("\r\n") + "\r\n";
    return { body: Buffer.from(body, "utf8"), contentType: "text/csv; charset=utf-8", filename: `audit-${stamp}.csv` };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Audit");
  sheet.addRow(head).font = { bold: true };
  for (const line of table) sheet.addRow(line);
  sheet.columns.forEach((column) => (column.width = 20));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `audit-${stamp}.xlsx` };
}
