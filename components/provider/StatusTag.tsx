import { useTranslations } from "next-intl";
import type { CourseStatus, EnrolmentStatus } from "@/lib/schemas/provider";
import styles from "./provider.module.css";

const tone: Record<string, string> = {
  WAITLISTED: "neutral", OFFERED: "warning", CONFIRMED: "success", STARTED: "success", COMPLETED: "done",
  DRAFT: "neutral", PUBLISHED: "success", CLOSED: "warning", CANCELLED: "error",
  INTERRUPTED: "error", NO_SHOW: "error", DECLINED: "done", EXPIRED: "done", WITHDRAWN: "done",
};

/** A status in words (colour only supports the text). */
export function StatusTag({ status, kind = "enrolment" }: { status: EnrolmentStatus | CourseStatus; kind?: "enrolment" | "course" }) {
  const labels = useTranslations("labels");
  return <span className={`${styles.tag} ${styles[`tag_${tone[status] ?? "neutral"}`]}`}>{labels(kind === "course" ? `courseStatus.${status}` : `enrolmentStatus.${status}`)}</span>;
}
