import { getFormatter, getTranslations } from "next-intl/server";
import { currentActor } from "@/server/auth/session";
import { toCsv, toXlsx } from "@/server/provider/export";
import { participants } from "@/server/provider/workspace";

export const dynamic = "force-dynamic";

/** The course's participant list as CSV or XLSX, for its provider only (anyone else gets 404). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  const notFound = () => new Response("Not found", { status: 404 });
  if (!actor || actor.role !== "PROVIDER_STAFF") return notFound();
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const data = await participants(actor, (await params).id, "export");
  if (!data) return notFound();
  const [t, labels, person, formatter] = await Promise.all([getTranslations("provider"), getTranslations("labels"), getTranslations("provider"), getFormatter()]);
  const header = ["lastName", "firstName", "status", "email", "phone", "language", "level", "path", "needs", "referred", "note"].map((k) => t(`export.columns.${k}`));
  const rows = data.rows.map((r) => {
    const c = r.client;
    const needs = [c.needsChildcare && "childcare", c.needsAccessibility && "accessibility", c.eveningOnly && "eveningOnly", c.interpreterNeeded && "interpreter"].filter((n): n is string => Boolean(n)).map((n) => person(`person.needs.${n}`));
    return [
      c.lastName, c.firstName, labels(`enrolmentStatus.${r.status}`), c.email ?? "", c.phone ?? "", labels(`clientLanguage.${c.preferredLanguage}`),
      c.languageLevel ? labels(`languageLevel.${c.languageLevel}`) : "", labels(`studyPath.${c.studyPath}`), [...needs, c.specialNeeds].filter(Boolean).join(", "),
      formatter.dateTime(r.referredAt, { dateStyle: "short" }), r.referralNote ?? "",
    ];
  });
  const base = `${t("export.filename")}-${data.course.startsOn ?? ""}-${data.course.id.slice(0, 8)}`;
  const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (format === "xlsx") {
    return new Response(Buffer.from(await toXlsx([header, ...rows], data.course.name)), {
      headers: { ...headers, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="${base}.xlsx"` },
    });
  }
  return new Response(toCsv([header, ...rows]), { headers: { ...headers, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${base}.csv"` } });
}
