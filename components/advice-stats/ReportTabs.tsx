import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./advice-stats.module.css";

/** For administrators: the reports of integration training (/reports) and of advice points (/reports/advice). */
export async function ReportTabs({ current }: { current: "training" | "advice" }) {
  const t = await getTranslations("adviceStats");
  return (
    <nav aria-label={t("tabs.label")} className={styles.tabsNav}>
      <ul className={styles.tabs}>
        <li><Link href="/reports" aria-current={current === "training" ? "page" : undefined}>{t("tabs.training")}</Link></li>
        <li><Link href="/reports/advice" aria-current={current === "advice" ? "page" : undefined}>{t("tabs.advice")}</Link></li>
      </ul>
    </nav>
  );
}
