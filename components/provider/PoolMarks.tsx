import { useTranslations } from "next-intl";
import type { EnrolmentRowData } from "./types";
import styles from "./provider.module.css";

/** "Pooled referral, 2nd choice" and "Conditional seat" beside a person, when they apply. */
export function PoolMarks({ row }: { row: Pick<EnrolmentRowData, "pooled" | "conditional" | "status"> }) {
  const t = useTranslations("provider");
  const conditional = row.conditional && (row.status === "CONFIRMED" || row.status === "OFFERED");
  if (!row.pooled && !conditional) return null;
  return (
    <span className={styles.marks}>
      {row.pooled && <span className={styles.pooled}>{row.pooled.rank ? t("pool.pooledRank", { rank: row.pooled.rank }) : t("pool.pooled")}</span>}
      {conditional && <span className={styles.conditional}>{t("pool.conditional")}</span>}
    </span>
  );
}

/** What the marks mean, shown once above a list that has any of them. */
export function PoolLegend({ rows }: { rows: Pick<EnrolmentRowData, "pooled" | "conditional" | "status">[] }) {
  const t = useTranslations("provider");
  const pooled = rows.some((r) => r.pooled);
  const conditional = rows.some((r) => r.conditional && r.status === "CONFIRMED");
  if (!pooled && !conditional) return null;
  return (
    <div className={styles.legend}>
      {pooled && <p><strong>{t("pool.pooled")}:</strong> {t("pool.pooledExplained")}</p>}
      {conditional && <p><strong>{t("pool.conditional")}:</strong> {t("pool.conditionalExplained")}</p>}
    </div>
  );
}
