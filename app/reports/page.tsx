import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { ReportSection } from "@/components/reports/ReportSection";
import { ReportTabs } from "@/components/advice-stats/ReportTabs";
import styles from "@/components/reports/reports.module.css";
import { REPORT_TABLES, reportFilterSchema } from "@/lib/schemas/reports";
import { requireActor } from "@/server/auth/session";
import { loadReports, reportTables, TABLE_ROWS } from "@/server/reports";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const PATHS = ["FAST", "BASIC", "SLOW", "LITERACY"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ReportsPage({ searchParams }: Props) {
  const actor = await requireActor(["OFFICIAL", "PROVIDER_STAFF", "ADMIN"]);
  const parsed = reportFilterSchema.safeParse(await searchParams);
  const reports = await loadReports(actor, parsed.success ? parsed.data : {}, { courseRows: TABLE_ROWS });
  if (!reports) return null;
  const [t, validation, labels, format] = await Promise.all([getTranslations("reports"), getTranslations("validation"), getTranslations("labels"), getFormatter()]);
  const tables = reportTables(reports);
  const { filter } = reports;
  const day = (d: string) => format.dateTime(parseDate(d), CALENDAR_DAY);
  const scope = actor.role === "ADMIN" ? "ALL" : actor.role === "OFFICIAL" ? "OFFICE" : "PROVIDER";
  const problem = parsed.success ? null : parsed.error.issues[0]?.message.replace(/^validation\./, "") ?? "date";

  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      {actor.role === "ADMIN" && <ReportTabs current="training" />}
      <Paragraph>{t(`intro.${scope}`, { organisation: actor.organisationName ?? "" })}</Paragraph>

      <form method="get" action="/reports" className={styles.filters} aria-label={t("filters.label")}>
        <label>
          {t("filters.from")}
          <input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label>
          {t("filters.to")}
          <input type="date" name="to" defaultValue={filter.to} />
        </label>
        <label>
          {t("filters.studyPath")}
          <select name="studyPath" defaultValue={filter.studyPath ?? ""}>
            <option value="">{t("filters.any")}</option>
            {PATHS.map((p) => <option key={p} value={p}>{labels(`studyPath.${p}`)}</option>)}
          </select>
        </label>
        <label>
          {t("filters.municipality")}
          <select name="municipality" defaultValue={filter.municipality ?? ""}>
            <option value="">{t("filters.any")}</option>
            {reports.municipalities.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <div className={styles.buttons}>
          <button type="submit" className={styles.submit}>{t("filters.apply")}</button>
          <a href="/reports" className={styles.secondary}>{t("filters.reset")}</a>
        </div>
      </form>
      {problem && <p role="alert" className={styles.error}>{t("filters.invalid", { message: validation(problem as "date") })}</p>}

      <p role="status">
        {t("filters.range", { from: day(filter.from), to: day(filter.to) })}. {t("computedAt", { time: format.dateTime(reports.computedAt, { dateStyle: "short", timeStyle: "medium" }) })}
      </p>

      <nav aria-label={t("title")}>
        <ul className={styles.toc}>
          {REPORT_TABLES.map((id) => (
            <li key={id}><a href={`#report-${id}`}>{t(`tables.${id}.title`)}</a></li>
          ))}
        </ul>
      </nav>

      {REPORT_TABLES.map((id) => <ReportSection key={id} table={tables[id]} filter={filter} />)}
    </div>
  );
}
