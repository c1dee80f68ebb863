import { useFormatter, useTranslations } from "next-intl";
import type { HistoryEntry } from "@/server/provider/workspace";
import styles from "./provider.module.css";

// The engine writes these reasons itself (in English); people read them in their own language.
const systemReasons: Record<string, string> = {
  "Deadline passed": "deadlinePassed",
  "Seat freed: next in the queue": "seatFreed",
  "Placed on another course": "placedElsewhere",
};

/** Who changed what, when and why: newest first. */
export function HistoryList({ entries, showClient = true, initial = 15 }: { entries: HistoryEntry[]; showClient?: boolean; initial?: number }) {
  const t = useTranslations("provider");
  const labels = useTranslations("labels");
  const format = useFormatter();
  if (entries.length === 0) return <p>{t("history.empty")}</p>;
  const what = (e: HistoryEntry): string => {
    if (e.kind === "course") {
      const d = e.details ?? {};
      switch (e.action) {
        case "course.create":
          return d.duplicatedFrom ? t("history.course.duplicated") : t("history.course.created");
        case "course.capacity":
          return t("history.course.capacity", { from: String(d.from), to: String(d.to), offered: Number(d.seatsOffered ?? 0) });
        case "course.status":
          return t("history.course.status", { to: labels(`courseStatus.${String(d.to)}`) });
        default:
          return t("history.course.updated");
      }
    }
    if (e.move) return t("history.moved", { from: e.move.from ?? "–", to: e.move.to });
    const to = labels(`enrolmentStatus.${e.toStatus!}`);
    return e.fromStatus ? t("history.changed", { from: labels(`enrolmentStatus.${e.fromStatus}`), to }) : t("history.referred", { to });
  };
  const item = (e: HistoryEntry) => (
    <li key={e.key}>
      <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "short", timeStyle: "short" })}</time>
      <span>
        {showClient && e.clientName && <strong>{e.clientName}: </strong>}
        {what(e)}
      </span>
      <span className={styles.meta}>{t("history.by", { who: e.actorName ?? labels(`actorKind.${e.actorKind}`) })}</span>
      {e.reason && <span className={styles.meta}>{t("history.reason", { text: systemReasons[e.reason] ? t(`history.system.${systemReasons[e.reason]}`) : e.reason })}</span>}
    </li>
  );
  const first = entries.slice(0, initial);
  const rest = entries.slice(initial);
  return (
    <>
      <ol className={styles.history}>{first.map(item)}</ol>
      {rest.length > 0 && (
        <details className={styles.more}>
          <summary>{t("history.showMore", { count: rest.length })}</summary>
          <ol className={styles.history}>{rest.map(item)}</ol>
        </details>
      )}
    </>
  );
}
