import { useFormatter, useTranslations } from "next-intl";
import { StatusTag, type EnrolmentStatusName } from "./StatusTag";
import styles from "./enrolment.module.css";

export interface TimelineEntry {
  id: string;
  at: Date;
  actorKind: "USER" | "CLIENT" | "SYSTEM";
  actorName: string | null;
  actorOrganisation: string | null;
  fromStatus: EnrolmentStatusName | null;
  toStatus: EnrolmentStatusName;
  reason: string | null;
  priority: "URGENT" | "NORMAL" | null;
  queuePosition: number | null;
}

/** An enrolment's history, oldest first: when, who, from which state to which, and why. */
export function EventTimeline({ events, label }: { events: TimelineEntry[]; label: string }) {
  const labels = useTranslations("labels");
  const t = (key: string, values?: Record<string, string | number>) => labels(`timeline.${key}`, values);
  const format = useFormatter();
  return (
    <ol className={styles.timeline} aria-label={label}>
      {events.map((e) => (
        <li key={e.id} className={styles.event}>
          <p className={styles.eventHead}>
            <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>
            {" · "}
            {e.actorKind === "USER" && e.actorName
              ? e.actorOrganisation
                ? t("byUser", { name: e.actorName, organisation: e.actorOrganisation })
                : e.actorName
              : labels(`actorKind.${e.actorKind}`)}
          </p>
          <p className={styles.eventBody}>
            {e.fromStatus === null ? (
              <>
                {t("referred")} <StatusTag status={e.toStatus} />
              </>
            ) : e.fromStatus === e.toStatus ? (
              e.priority ? t("priorityChanged", { priority: labels(`priority.${e.priority}`) }) : t("queueMoved")
            ) : (
              <>
                <StatusTag status={e.fromStatus} /> <span aria-hidden="true">→</span>
                <span className="kp-visually-hidden">{t("to")}</span> <StatusTag status={e.toStatus} />
              </>
            )}
            {e.queuePosition !== null && <> {t("position", { position: e.queuePosition })}</>}
          </p>
          {e.reason && <p className={styles.reason}>{t("reason", { reason: e.reason })}</p>}
        </li>
      ))}
    </ol>
  );
}
