import "server-only";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import { tableFile } from "../reports/export";
import type { visitStatsExportSchema } from "../../lib/schemas/advice-stats";
import type { Locale } from "../../lib/i18n";
import { viewOf, visitStats, type ViewCell } from "./stats";

export interface StatsExportText {
  /** The table's title (the XLSX sheet's name). */
  title: string;
  /** The first column's, the period's and the year-earlier column's headings. */
  header: [string, string, string];
  total: string;
  /** "<5" and "x" (suppression.ts). */
  belowThreshold: string;
  complementary: string;
  /** A retired topic's or destination's label, marked. */
  retired: (label: string) => string;
}

/**
 * One statistics table as CSV or XLSX: the same rows and figures as the page with the same filter,
 * suppressed when the page is in its publishable view. Every export is audited.
 */
export async function exportVisitStatsTable(actor: Actor, input: z.output<typeof visitStatsExportSchema>, locale: Locale, text: StatsExportText) {
  const { dimension, format, publishable, ...filter } = input;
  const result = await visitStats(actor, filter, { locale, dimensions: [dimension] });
  if (!result.ok) return null;
  const { stats } = result;
  const table = viewOf(stats.tables[0]!, publishable);
  await recordAudit(db(), {
    actorUserId: actor.userId,
    action: "visitStats.export",
    entityType: "VisitStatistics",
    entityId: dimension,
    organisationId: actor.organisationId,
    details: { format, publishable, period: { ...stats.period }, point: stats.point?.id ?? null, rows: table.rows.length },
  });
  const cell = (c: ViewCell): string | number => (c.mark === "SHOWN" ? c.value! : c.mark === "BELOW_THRESHOLD" ? text.belowThreshold : text.complementary);
  const lines = table.rows.map((r) => [r.retired ? text.retired(r.label) : r.label, cell(r.count), cell(r.previous)]);
  lines.push([text.total, cell(table.total), cell(table.previousTotal)]);
  const name = `kaynnit-${dimension}-${stats.period.from}-${stats.period.to}${publishable ? "-julkaistava" : ""}`;
  return tableFile({ format, name, title: text.title, header: text.header, lines, boldLastLine: true, decimal: locale === "en" ? "." : "," });
}
