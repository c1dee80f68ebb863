import { getFormatter, getTranslations } from "next-intl/server";
import { isMultiValued } from "@/lib/schemas/advice-stats";
import type { ViewCell, ViewTable } from "@/server/advice/stats";
import reports from "@/components/reports/reports.module.css";
import { BarChart } from "./BarChart";
import styles from "./advice-stats.module.css";

/** One dimension: its heading, what a multi-valued table's total means, the bars, the same figures as a table, and its exports. */
export async function StatsSection({ table, exportQuery }: { table: ViewTable; exportQuery: [string, string][] }) {
  const [t, format] = await Promise.all([getTranslations("adviceStats"), getFormatter()]);
  const { dimension } = table;
  const title = t(`dimensions.${dimension}`);
  const headingId = `stats-${dimension}`;
  const cell = (c: ViewCell) => (c.mark === "SHOWN" ? format.number(c.value!) : c.mark === "BELOW_THRESHOLD" ? t("legend.belowThreshold") : t("legend.complementary"));
  const row = (label: string, retired: boolean) => (retired ? t("retired", { label }) : label);
  const marks = new Set([...table.rows.flatMap((r) => [r.count.mark, r.previous.mark]), table.total.mark, table.previousTotal.mark]);

  return (
    <section className={reports.section} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {isMultiValued(dimension) && <p className={reports.note}>{t(`multiValued.${dimension}`)}</p>}
      {table.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <BarChart table={table} labels={{ current: t("legend.current"), previous: t("legend.previous"), row, cell }} />
          <div className={reports.tableWrap} role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
            <table className={reports.table}>
              <caption id={`${headingId}-caption`} className="kp-visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`columns.${dimension}`)}</th>
                  <th scope="col">{t("columns.current")}</th>
                  <th scope="col">{t("columns.previous")}</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{row(r.label, r.retired)}</th>
                    <td className={reports.num}>{cell(r.count)}</td>
                    <td className={reports.num}>{cell(r.previous)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("total")}</th>
                  <td className={reports.num}>{cell(table.total)}</td>
                  <td className={reports.num}>{cell(table.previousTotal)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {(marks.has("BELOW_THRESHOLD") || marks.has("COMPLEMENTARY")) && (
            <dl className={styles.legend}>
              {marks.has("BELOW_THRESHOLD") && (
                <div>
                  <dt>{t("legend.belowThreshold")}</dt>
                  <dd>{t("legend.belowThresholdText")}</dd>
                </div>
              )}
              {marks.has("COMPLEMENTARY") && (
                <div>
                  <dt>{t("legend.complementary")}</dt>
                  <dd>{t("legend.complementaryText")}</dd>
                </div>
              )}
            </dl>
          )}
        </>
      )}
      <form method="get" action="/advice/stats/export" className={reports.exports} aria-label={t("exportLabel", { title })}>
        {exportQuery.map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
        <input type="hidden" name="dimension" value={dimension} />
        <span aria-hidden="true">{t("download")}</span>
        <button type="submit" name="format" value="csv" className={reports.secondary}>{t("exportCsv")}</button>
        <button type="submit" name="format" value="xlsx" className={reports.secondary}>{t("exportXlsx")}</button>
      </form>
    </section>
  );
}
