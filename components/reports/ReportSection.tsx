import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReportTableId } from "@/lib/schemas/reports";
import { TABLE_ROWS, type Cell, type CellKind, type ReportFilter, type ReportTable } from "@/server/reports";
import { ReportChart, type ChartProps } from "./ReportChart";
import styles from "./reports.module.css";
import { CALENDAR_DAY, CALENDAR_MONTH, parseDate, parseMonth } from "@/lib/dates";

/** How each table is drawn: which columns become series, and how many rows the chart and the table show. */
const CHARTS: Record<ReportTableId, { type: "bar" | "line"; horizontal?: boolean; unit: ChartProps["unit"]; series: string[]; chartRows?: number }> = {
  fillByProvider: { type: "bar", horizontal: true, unit: "percent", series: ["fillRate"] },
  fillByCourse: { type: "bar", horizontal: true, unit: "percent", series: ["fillRate"], chartRows: 20 },
  queueByPath: { type: "bar", horizontal: true, unit: "count", series: ["queueNow"] },
  queueByMunicipality: { type: "bar", horizontal: true, unit: "count", series: ["queueNow"] },
  waitingByPath: { type: "bar", horizontal: true, unit: "days", series: ["offerMedian", "offerP90", "startMedian", "startP90"] },
  waitingByMunicipality: { type: "bar", horizontal: true, unit: "days", series: ["offerMedian", "offerP90", "startMedian", "startP90"] },
  waitingByMonth: { type: "line", unit: "days", series: ["offerMedian", "offerP90", "startMedian", "startP90"] },
  waitingByKind: { type: "bar", horizontal: true, unit: "days", series: ["offerMedian", "offerP90", "startMedian", "startP90"] },
  outcomesByPath: { type: "bar", horizontal: true, unit: "percent", series: ["declinedRate", "expiredRate", "noShowRate", "interruptedRate"] },
};

/** One report: its heading, what it counts, the chart, the same numbers as a table, and its exports. */
export async function ReportSection({ table, filter }: { table: ReportTable; filter: ReportFilter }) {
  const [t, labels, format, locale] = await Promise.all([getTranslations("reports"), getTranslations("labels"), getFormatter(), getLocale()]);
  const spec = CHARTS[table.id];
  const chartRows = spec.chartRows ?? TABLE_ROWS;
  const title = t(`tables.${table.id}.title`);
  const headingId = `report-${table.id}`;

  const label = (kind: CellKind, value: Cell): string => {
    if (value === null) return t("noValue");
    if (kind === "studyPath") return labels(`studyPath.${value as "FAST"}`);
    if (kind === "referralKind") return t(`kinds.${value as "DIRECT"}`);
    if (kind === "month") return format.dateTime(parseMonth(String(value)), CALENDAR_MONTH);
    if (kind === "date") return format.dateTime(parseDate(String(value)), CALENDAR_DAY);
    if (kind === "count") return format.number(value as number);
    if (kind === "percent") return format.number(value as number, { style: "percent", maximumFractionDigits: 1 });
    if (kind === "days") return t("days", { value: format.number(value as number, { maximumFractionDigits: 1 }) });
    return String(value);
  };
  const columnIndex = (key: string) => table.columns.findIndex((c) => c.key === key);
  const chart: ChartProps = {
    label: t("chartLabel", { title }),
    type: spec.type,
    horizontal: spec.horizontal,
    unit: spec.unit,
    locale,
    series: spec.series.map((key) => ({ key, name: t(`columns.${key}`) })),
    data: table.rows.slice(0, chartRows).map((row) => ({
      label: label(table.columns[0]!.kind, row[0]!),
      ...Object.fromEntries(
        spec.series.map((key) => {
          const v = row[columnIndex(key)] as number | null;
          return [key, v === null ? null : spec.unit === "percent" ? Math.round(v * 1000) / 10 : Math.round(v * 10) / 10];
        }),
      ),
    })),
  };
  const query = Object.entries(filter).filter(([, v]) => v !== undefined) as [string, string][];

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className={styles.note}>{t(`tables.${table.id}.note`, { chart: chartRows })}</p>
      {table.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <figure className={styles.figure}>
            <ReportChart {...chart} />
          </figure>
          <div className={styles.tableWrap} role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
            <table className={styles.table}>
              <caption id={`${headingId}-caption`} className="kp-visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.key} scope="col">{t(`columns.${c.key}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.slice(0, TABLE_ROWS).map((row, r) => (
                  <tr key={r}>
                    {row.map((value, i) =>
                      i === 0 ? (
                        <th key={i} scope="row">{label(table.columns[i]!.kind, value)}</th>
                      ) : (
                        <td key={i} className={styles.num}>{label(table.columns[i]!.kind, value)}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
              {table.total && (
                <tfoot>
                  <tr>
                    {table.total.map((value, i) =>
                      i === 0 ? <th key={i} scope="row">{t("total")}</th> : <td key={i} className={styles.num}>{label(table.columns[i]!.kind, value)}</td>,
                    )}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
          {table.rowCount > TABLE_ROWS && <p>{t("shownRows", { shown: TABLE_ROWS, count: table.rowCount })}</p>}
        </>
      )}
      <form method="get" action="/reports/export" className={styles.exports} aria-label={t("exportLabel", { title })}>
        {query.map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
        <input type="hidden" name="table" value={table.id} />
        <span aria-hidden="true">{t("download")}</span>
        <button type="submit" name="format" value="csv" className={styles.secondary}>{t("exportCsv")}</button>
        <button type="submit" name="format" value="xlsx" className={styles.secondary}>{t("exportXlsx")}</button>
      </form>
    </section>
  );
}
