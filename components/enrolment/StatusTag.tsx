import { useTranslations } from "next-intl";
import styles from "./enrolment.module.css";

export type EnrolmentStatusName =
  | "WAITLISTED" | "OFFERED" | "CONFIRMED" | "STARTED" | "COMPLETED" | "INTERRUPTED" | "NO_SHOW" | "DECLINED" | "EXPIRED" | "CANCELLED" | "WITHDRAWN";
export type CourseStatusName = "DRAFT" | "PUBLISHED" | "CLOSED" | "CANCELLED";

type Tone = "wait" | "offer" | "held" | "done" | "ended";

const enrolmentTone: Record<EnrolmentStatusName, Tone> = {
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

const courseTone: Record<CourseStatusName, Tone> = { DRAFT: "done", PUBLISHED: "held", CLOSED: "wait", CANCELLED: "ended" };

/** An enrolment's (or, with kind="course", a course's) state as a coloured tag; the text carries the meaning, the colour only helps. */
export function StatusTag(props: { status: EnrolmentStatusName; kind?: "enrolment" } | { status: CourseStatusName; kind: "course" }) {
  const t = useTranslations("labels");
  if (props.kind === "course") return <span className={`${styles.tag} ${styles[courseTone[props.status]]}`}>{t(`courseStatus.${props.status}`)}</span>;
  return <span className={`${styles.tag} ${styles[enrolmentTone[props.status]]}`}>{t(`enrolmentStatus.${props.status}`)}</span>;
}
