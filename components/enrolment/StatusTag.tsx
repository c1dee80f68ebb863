import { useTranslations } from "next-intl";
import styles from "./enrolment.module.css";

export type EnrolmentStatusName =
  | "WAITLISTED" | "OFFERED" | "CONFIRMED" | "STARTED" | "COMPLETED" | "INTERRUPTED" | "NO_SHOW" | "DECLINED" | "EXPIRED" | "CANCELLED" | "WITHDRAWN";

const tone: Record<EnrolmentStatusName, "wait" | "offer" | "held" | "done" | "ended"> = {
  WAITLISTED: "wait",
  OFFERED: "offer",
  CONFIRMED: "held",
  STARTED: "held",
  COMPLETED: "done",
  INTERRUPTED: "ended",
  NO_SHOW: "ended",
  DECLINED: "ended",
  EXPIRED: "ended",
  CANCELLED: "ended",
  WITHDRAWN: "ended",
};

/** An enrolment's state as a coloured tag; the text carries the meaning, the colour only helps. */
export function StatusTag({ status }: { status: EnrolmentStatusName }) {
  const t = useTranslations("labels");
  return <span className={`${styles.tag} ${styles[tone[status]]}`}>{t(`enrolmentStatus.${status}`)}</span>;
}
