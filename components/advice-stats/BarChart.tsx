import { Fragment } from "react";
import type { ViewCell, ViewTable } from "@/server/advice/stats";
import styles from "./advice-stats.module.css";

/**
 * The table's rows as pairs of bars (the period, a year earlier), drawn as SVG on the server: no
 * script, and nothing the strict CSP refuses (a bar's length is an SVG attribute, not a style).
 * Hidden from assistive technology: the table beneath it is the truth, with the same figures. A
 * suppressed figure has no bar, only its mark.
 */
export function BarChart({ table, labels }: { table: ViewTable; labels: { current: string; previous: string; row: (label: string, retired: boolean) => string; cell: (c: ViewCell) => string } }) {
  const largest = Math.max(1, ...table.rows.flatMap((r) => [r.count.value ?? 0, r.previous.value ?? 0]));
  // The longest bar takes 80 % of the width, leaving room for its figure after it.
  const bar = (c: ViewCell, kind: "current" | "previous") => {
    const length = c.value ? (c.value / largest) * 80 : 0;
    return (
      <svg className={styles.bar} focusable="false">
        {length > 0 && <rect className={styles[kind]} x="0" y="2" height="12" width={`${length.toFixed(2)}%`} />}
        <text className={styles.barValue} x={`${length.toFixed(2)}%`} dx={length > 0 ? 6 : 0} y="13">
          {labels.cell(c)}
        </text>
      </svg>
    );
  };
  return (
    <figure className={styles.chart} aria-hidden="true">
      <div className={styles.keys}>
        <span><span className={`${styles.swatch} ${styles.current}`} />{labels.current}</span>
        <span><span className={`${styles.swatch} ${styles.previous}`} />{labels.previous}</span>
      </div>
      <div className={styles.bars}>
        {table.rows.map((r) => (
          <Fragment key={r.key}>
            <span className={styles.barLabel}>{labels.row(r.label, r.retired)}</span>
            <span className={styles.barPair}>
              {bar(r.count, "current")}
              {bar(r.previous, "previous")}
            </span>
          </Fragment>
        ))}
      </div>
    </figure>
  );
}
