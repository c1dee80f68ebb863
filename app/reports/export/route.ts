import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { reportExportSchema } from "@/lib/schemas/reports";
import { requireActor } from "@/server/auth/session";
import { exportReportTable } from "@/server/reports/export";
import { parseMonth } from "@/lib/dates";

export const dynamic = "force-dynamic";

/** Downloads one report table with the page's filters, as CSV or XLSX (audited). */
export async function GET(request: Request) {
  const actor = await requireActor(["OFFICIAL", "PROVIDER_STAFF", "ADMIN"]);
  const parsed = reportExportSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) notFound();
  const [t, labels, locale] = await Promise.all([getTranslations("reports"), getTranslations("labels"), getLocale()]);
  const monthName = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" });
  const file = await exportReportTable(actor, parsed.data, {
    title: t(`tables.${parsed.data.table}.title`),
    header: (column) => t(`columns.${column}` as "columns.course"),
    label: (kind, value) =>
      kind === "studyPath" ? labels(`studyPath.${value as "FAST"}`) : kind === "referralKind" ? t(`kinds.${value as "DIRECT"}`) : monthName.format(parseMonth(String(value))),
    total: t("total"),
    decimal: locale === "en" ? "." : ",",
  });
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}
