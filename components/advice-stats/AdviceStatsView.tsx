import { getFormatter, getTranslations } from "next-intl/server";
import reports from "@/components/reports/reports.module.css";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";
import { viewOf, type VisitStats } from "@/server/advice/stats";
import { StatsSection } from "./StatsSection";
import styles from "./advice-stats.module.css";

interface Props {
  stats: VisitStats;
  publishable: boolean;
  /** The page the filter form and the quick periods go to. */
  action: string;
  /** An administrator may choose the point. */
  choosePoint: boolean;
  /** The translation key (under "validation") of a filter that was not accepted. */
  problem: string | null;
}

/** The statistics page's body, for advisers (/advice/stats) and administrators (/reports/advice). */
export async function AdviceStatsView({ stats, publishable, action, choosePoint, problem }: Props) {
  const [t, validation, format] = await Promise.all([getTranslations("adviceStats"), getTranslations("validation"), getFormatter()]);
  const day = (d: string) => format.dateTime(parseDate(d), CALENDAR_DAY);
  const views = stats.tables.map((table) => viewOf(table, publishable));
  const link = (from: string, to: string) => {
    const query = new URLSearchParams({ from, to });
    if (publishable) query.set("publishable", "true");
    if (choosePoint && stats.point) query.set("point", stats.point.id);
    return `${action}?${query.toString()}`;
  };
  const exportQuery: [string, string][] = [
    ["from", stats.period.from],
    ["to", stats.period.to],
    ...(publishable ? ([["publishable", "true"]] as [string, string][]) : []),
    ...(choosePoint && stats.point ? ([["point", stats.point.id]] as [string, string][]) : []),
  ];
  const month = views.find((v) => v.dimension === "month");
  // December's "last 12 months" is "this year": the first of equal presets is the current one.
  const current = stats.presets.find((p) => p.from === stats.period.from && p.to === stats.period.to)?.preset;
  const figure = (c: { value: number | null }) => (c.value === null ? t("legend.belowThreshold") : format.number(c.value));

  return (
    <>
      <form method="get" action={action} className={reports.filters} aria-label={t("filters.label")}>
        <label>
          {t("filters.from")}
          <input type="date" name="from" defaultValue={stats.period.from} />
        </label>
        <label>
          {t("filters.to")}
          <input type="date" name="to" defaultValue={stats.period.to} />
        </label>
        {choosePoint && (
          <label>
            {t("filters.point")}
            <select name="point" defaultValue={stats.point?.id ?? ""}>
              <option value="">{t("filters.allPoints")}</option>
              {stats.points.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        )}
        <label className={styles.check}>
          <input type="checkbox" name="publishable" value="true" defaultChecked={publishable} />
          {t("filters.publishable")}
        </label>
        <div className={reports.buttons}>
          <button type="submit" className={reports.submit}>{t("filters.apply")}</button>
          <a href={action} className={reports.secondary}>{t("filters.reset")}</a>
        </div>
      </form>

      <nav aria-labelledby="stats-presets">
        <p id="stats-presets" className={styles.presetsLabel}>{t("filters.presets")}</p>
        <ul className={styles.presets}>
          {stats.presets.map((p) => (
            <li key={p.preset}>
              <a href={link(p.from, p.to)} aria-current={p.preset === current ? "true" : undefined}>
                {t(`filters.preset.${p.preset}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {problem && <p role="alert" className={reports.error}>{t("filters.invalid", { message: validation(problem as "date") })}</p>}

      <div role="status">
        <p>
          {t("range", { from: day(stats.period.from), to: day(stats.period.to), previousFrom: day(stats.previousPeriod.from), previousTo: day(stats.previousPeriod.to) })}{" "}
          {month && t("visits", { count: figure(month.total), previous: figure(month.previousTotal) })}{" "}
          {t("computedAt", { time: format.dateTime(stats.computedAt, { dateStyle: "short", timeStyle: "medium" }) })}
        </p>
        {publishable && <p className={styles.notice}>{t("publishableOn")}</p>}
      </div>

      {views.length === 1 && (
        <p>
          <a href={link(stats.period.from, stats.period.to)}>{t("allTables")}</a>
        </p>
      )}

      <nav aria-label={t("toc")}>
        <ul className={reports.toc}>
          {views.map((v) => (
            <li key={v.dimension}><a href={`#stats-${v.dimension}`}>{t(`dimensions.${v.dimension}`)}</a></li>
          ))}
        </ul>
      </nav>

      {views.map((v) => <StatsSection key={v.dimension} table={v} exportQuery={exportQuery} />)}
    </>
  );
}
