import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { visitStatsExportSchema } from "@/lib/schemas/advice-stats";
import { CALENDAR_DAY, addYears, parseDate } from "@/lib/dates";
import { isLocale } from "@/lib/i18n";
import { requireActor } from "@/server/auth/session";
import { exportVisitStatsTable } from "@/server/advice/export";
import { defaultPeriod } from "@/server/advice/stats";

export const dynamic = "force-dynamic";

/** Downloads one table of the visit statistics with the page's filter, as CSV or XLSX (audited); advisers and, from /reports/advice, administrators. */
export async function GET(request: Request) {
  const actor = await requireActor(["ADVISER", "ADMIN"]);
  const parsed = visitStatsExportSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) notFound();
  const [t, requested] = await Promise.all([getTranslations("adviceStats"), getLocale()]);
  const locale = isLocale(requested) ? requested : "fi";
  const fallback = defaultPeriod(new Date());
  const from = parsed.data.from ?? fallback.from;
  const to = parsed.data.to ?? fallback.to;
  const day = new Intl.DateTimeFormat(locale, CALENDAR_DAY);
  const span = (a: string, b: string) => `${day.format(parseDate(a))} – ${day.format(parseDate(b))}`;
  const file = await exportVisitStatsTable(actor, { ...parsed.data, from, to }, locale, {
    title: t(`dimensions.${parsed.data.dimension}`),
    header: [t(`columns.${parsed.data.dimension}`), `${t("columns.current")} ${span(from, to)}`, `${t("columns.previous")} ${span(addYears(from, -1), addYears(to, -1))}`],
    total: t("total"),
    belowThreshold: t("legend.belowThreshold"),
    complementary: t("legend.complementary"),
    retired: (label) => t("retired", { label }),
  });
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}
