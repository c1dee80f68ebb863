import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { EnrolmentRowData } from "./types";
import styles from "./provider.module.css";

/** Name (linking to the enrolment's page), contact, level, path, needs and the official's note. */
export function PersonDetails({ row, courseId, showDate = true }: { row: EnrolmentRowData; courseId: string; showDate?: boolean }) {
  const t = useTranslations("provider");
  const labels = useTranslations("labels");
  const format = useFormatter();
  return (
    <div className={styles.person}>
      <Link href={`/provider/courses/${courseId}/enrolments/${row.id}`} className={styles.personName}>
        {row.name}
      </Link>
      <span className={styles.meta}>
        {[row.email, row.phone].filter(Boolean).join(" · ") || t("person.noContact")}
      </span>
      <span className={styles.meta}>
        {labels(`studyPath.${row.studyPath}`)} · {row.languageLevel ? labels(`languageLevel.${row.languageLevel}`) : t("person.noLevel")}
        {row.needs.length > 0 && <> · {row.needs.map((n) => t(`person.needs.${n}`)).join(", ")}</>}
      </span>
      {row.specialNeeds && <span className={styles.meta}>{t("person.specialNeeds", { text: row.specialNeeds })}</span>}
      {showDate && <span className={styles.meta}>{t("person.referred", { date: format.dateTime(new Date(row.referredAt), { dateStyle: "short", timeStyle: "short" }), by: row.referredBy ?? "–" })}</span>}
      {row.referralNote && <span className={styles.note}>{t("person.note", { text: row.referralNote })}</span>}
    </div>
  );
}
