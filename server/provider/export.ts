import "server-only";
import ExcelJS from "exceljs";

// Participant lists as files. Cells that a spreadsheet would run as a formula are defused.

const risky = /^[=+\-@\t\r]/;
const safe = (v: string) => (risky.test(v) ? `'${v}` : v);

/** CSV as Finnish spreadsheet programs open it: UTF-8 with a byte-order mark, semicolons, CRLF. */
export function toCsv(rows: string[][]): string {
  const cell = (v: string) => {
    const s = safe(v);
    return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(";")).join("\r\n")}\r\n`;
}

export async function toXlsx(rows: string[][], sheetName: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet 1");
  for (const r of rows) sheet.addRow(r.map(safe));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 22));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
