import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { StatusTag, type EnrolmentStatusName } from "./StatusTag";
import styles from "./enrolment.module.css";

/**
 * One entry of a history: an enrolment event (a state change, a queue move or a priority change) or,
 * with kind "course", a change to the course itself from the audit trail.
 */
export interface TimelineEntry {
  id: string;
  at: Date;
  actorKind: "USER" | "CLIENT" | "SYSTEM";
  actorName: string | null;
  actorOrganisation?: string | null;
  reason: string | null;
  kind?: "enrolment" | "course";
  /** Shown before the event when the list mixes several people's enrolments. */
  clientName?: string;
  fromStatus?: EnrolmentStatusName | null;
  toStatus?: EnrolmentStatusName;
  priority?: "URGENT" | "NORMAL" | null;
  queuePosition?: number | null;
  move?: { from: number | null; to: number } | null;
  action?: string;
  details?: Record<string, unknown> | null;
}

// The engine writes these reasons itself (in English); people read them in their own language.
const systemReasons: Record<string, string> = {
  "Deadline passed": "deadlinePassed",
  "Seat freed: next in the queue": "seatFreed",
  "Placed on another course": "placedElsewhere",
  "Pooled referral matches this course": "pooledMatch",
  "Accepted a seat ranked higher": "higherRankedAccepted",
};

/**
 * A history in the order given: when, who, what changed and why. Entries after the first `initial`
 * fold under a "show more" toggle, so a long history does not bury the page.
 */
export function EventTimeline({ events, label, showClient = true, initial = 15 }: { events: TimelineEntry[]; label: string; showClient?: boolean; initial?: number }) {
  const labels = useTranslations("labels");
  const t = (key: string, values?: Record<string, string | number>) => labels(`timeline.${key}`, values);
  const format = useFormatter();
  if (events.length === 0) return <p>{t("empty")}</p>;

  const courseChange = (e: TimelineEntry): string => {
    const d = e.details ?? {};
    switch (e.action) {
      case "course.create":
        return d.duplicatedFrom ? t("course.duplicated") : t("course.created");
      case "course.capacity":
        return t("course.capacity", { from: String(d.from), to: String(d.to), offered: Number(d.seatsOffered ?? 0) });
      case "course.status":
        return t("course.status", { to: labels(`courseStatus.${String(d.to)}`) });
      default:
        return t("course.updated");
    }
  };

  const enrolmentChange = (e: TimelineEntry): ReactNode => {
    if (e.move) return t("moved", { from: e.move.from ?? "–", to: e.move.to });
    const to = e.toStatus!;
    if (!e.fromStatus) {
      return (
        <>
          {t("referred")} <StatusTag status={to} />
        </>
      );
    }
    if (e.fromStatus === to) return e.priority ? t("priorityChanged", { priority: labels(`priority.${e.priority}`) }) : t("queueMoved");
    return (
      <>
        <StatusTag status={e.fromStatus} /> <span aria-hidden="true">→</span>
        <span className="kp-visually-hidden">{t("to")}</span> <StatusTag status={to} />
      </>
    );
  };

  const item = (e: TimelineEntry) => (
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
        {showClient && e.clientName && <strong>{e.clientName}:</strong>}
        {e.kind === "course" ? courseChange(e) : enrolmentChange(e)}
        {e.queuePosition != null && !e.move && <> {t("position", { position: e.queuePosition })}</>}
      </p>
      {e.reason && <p className={styles.reason}>{t("reason", { reason: systemReasons[e.reason] ? t(`system.${systemReasons[e.reason]}`) : e.reason })}</p>}
    </li>
  );

  const rest = events.slice(initial);
  return (
    <>
      <ol className={styles.timeline} aria-label={label}>
        {events.slice(0, initial).map(item)}
      </ol>
      {rest.length > 0 && (
        <details className={styles.more}>
          <summary>{t("showMore", { count: rest.length })}</summary>
          <ol className={styles.timeline} aria-label={label}>
            {rest.map(item)}
          </ol>
        </details>
      )}
    </>
  );
}
