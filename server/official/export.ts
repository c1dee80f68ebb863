import "server-only";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { decryptIdentityCode } from "../crypto";
import { db } from "../db/client";
import type { z } from "zod";
import type { exportSchema } from "../../lib/schemas/official";
import { registerWhere } from "./register";
import { formatDate, helsinkiToday } from "../../lib/dates";

export const EXPORT_COLUMNS = [
  "clientNumber", "lastName", "firstName", "dateOfBirth", "identityCode", "studyPath", "languageLevel", "email", "phone",
  "municipality", "preferredLanguage", "integrationPlanEndsOn", "liveEnrolments",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** At most this many rows per file; a bigger list is narrowed with the filters first. */
export const EXPORT_LIMIT = 20_000;

interface Row {
  clientNumber: number;
  lastName: string;
  firstName: string;
  dateOfBirth: Date;
  identityCodeCiphertext: string | null;
  studyPath: string;
  languageLevel: string | null;
  email: string | null;
  phone: string | null;
  municipality: string | null;
  preferredLanguage: string;
  integrationPlanEndsOn: Date | null;
  live: string[] | null;
}

/**
 * The client register's current view as CSV or XLSX. Identity codes only when asked for; every
 * export is audited (with the filter and whether codes were included, never the codes).
 */
export async function exportClientList(
  actor: Actor,
  input: z.output<typeof exportSchema>,
  text: { header: (column: ExportColumn) => string; value: (column: "studyPath" | "languageLevel" | "preferredLanguage" | "status", value: string) => string },
) {
  if (actor.role !== "OFFICIAL" || !actor.organisationId) return null;
  const { format, identityCodes, ...filter } = input;
  const rows = await db().$queryRaw<Row[]>`
    SELECT c."clientNumber", c."lastName", c."firstName", c."dateOfBirth", c."identityCodeCiphertext", c."studyPath"::text AS "studyPath",
      c."languageLevel"::text AS "languageLevel", c.email, c.phone, c.municipality, c."preferredLanguage"::text AS "preferredLanguage", c."integrationPlanEndsOn",
      (SELECT array_agg(e.status::text ORDER BY e.status) FROM "Enrolment" e WHERE e."clientId" = c.id AND enrolment_is_live(e.status)) AS live
    FROM "Client" c WHERE ${registerWhere(actor.organisationId, filter)}
    ORDER BY c."lastName", c."firstName", c."clientNumber"
    LIMIT ${EXPORT_LIMIT}`;
  await recordAudit(db(), {
    actorUserId: actor.userId,
    action: identityCodes ? "client.export.withIdentityCodes" : "client.export",
    organisationId: actor.organisationId,
    details: { format, filter, rows: rows.length, identityCodes },
  });
  const columns = EXPORT_COLUMNS.filter((c) => identityCodes || c !== "identityCode");
  const day = (d: Date | null) => formatDate(d) ?? "";
  const table = rows.map((r) =>
    columns.map((c): string | number => {
      switch (c) {
        case "clientNumber": return r.clientNumber;
        case "dateOfBirth": return day(r.dateOfBirth);
        case "integrationPlanEndsOn": return day(r.integrationPlanEndsOn);
        case "identityCode": return r.identityCodeCiphertext ? decryptIdentityCode(r.identityCodeCiphertext) : "";
        case "studyPath": return text.value("studyPath", r.studyPath);
        case "languageLevel": return r.languageLevel ? text.value("languageLevel", r.languageLevel) : "";
        case "preferredLanguage": return text.value("preferredLanguage", r.preferredLanguage);
        case "liveEnrolments": return (r.live ?? []).map((s) => text.value("status", s)).join(", ");
        default: return r[c] ?? "";
      }
    }),
  );
  const header = columns.map(text.header);
  const stamp = helsinkiToday(new Date());
  if (format === "csv") {
    // UTF-8 with a byte-order mark and semicolons, as Finnish spreadsheet programs expect.
    const body = "\uFEFF" + [header, ...table].map((line) => line.map(csvCell).join(";")).join("\r\n") + "\r\n";
    return { body: Buffer.from(body, "utf8"), contentType: "text/csv; charset=utf-8", filename: `asiakkaat-${stamp}.csv` };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Clients");
  sheet.addRow(header).font = { bold: true };
  for (const line of table) sheet.addRow(line);
  sheet.columns.forEach((column) => (column.width = 18));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: `asiakkaat-${stamp}.xlsx`,
  };
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === "string") s = `'${s}`;
  return /[;",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
