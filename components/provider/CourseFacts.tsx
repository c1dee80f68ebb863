import { useFormatter, useTranslations } from "next-intl";
import type { CourseStatus, InstructionLanguage, LanguageLevel, Schedule, StudyPath } from "@/lib/schemas/provider";
import styles from "./provider.module.css";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

interface Facts {
  startsOn: string | null;
  endsOn: string | null;
  studyPath: StudyPath;
  instructionLanguage: InstructionLanguage;
  levelFrom: LanguageLevel;
  levelTo: LanguageLevel;
  targetLevel: LanguageLevel | null;
  schedule: Schedule;
  municipality: string;
  address: string | null;
  remote: boolean;
  hoursPerWeek: number | null;
  referralOpensOn: string | null;
  referralClosesOn: string | null;
  offerResponseHours: number;
  confirmOnReferral: boolean;
  status: CourseStatus;
  /** Whether the course takes referrals today (a Finnish day), as the engine decides it. */
  takesReferrals: boolean;
}

export function CourseFacts({ course }: { course: Facts }) {
  const t = useTranslations("provider");
  const labels = useTranslations("labels");
  const format = useFormatter();
  const day = (d: string | null) => (d ? format.dateTime(parseDate(d), CALENDAR_DAY) : "–");
  const items: [string, string][] = [
    [t("facts.dates"), `${day(course.startsOn)} – ${day(course.endsOn)}`],
    [t("facts.path"), labels(`studyPath.${course.studyPath}`)],
    [t("facts.language"), labels(`instructionLanguage.${course.instructionLanguage}`)],
    [t("facts.levels"), `${labels(`languageLevel.${course.levelFrom}`)} – ${labels(`languageLevel.${course.levelTo}`)}${course.targetLevel ? ` → ${labels(`languageLevel.${course.targetLevel}`)}` : ""}`],
    [t("facts.schedule"), `${labels(`schedule.${course.schedule}`)}${course.hoursPerWeek ? `, ${t("facts.hours", { hours: course.hoursPerWeek })}` : ""}`],
    [t("facts.place"), [course.municipality, course.address, course.remote ? t("facts.remote") : null].filter(Boolean).join(", ")],
    [t("facts.referrals"), course.referralOpensOn || course.referralClosesOn ? `${day(course.referralOpensOn)} – ${day(course.referralClosesOn)}` : t("facts.referralsAlways")],
    [t("facts.referralsToday"), course.takesReferrals ? t("facts.yes") : t("facts.no")],
    [t("facts.offerTime"), t("facts.hoursValue", { hours: course.offerResponseHours })],
    [t("facts.confirmOnReferral"), course.confirmOnReferral ? t("facts.yes") : t("facts.no")],
  ];
  return (
    <dl className={styles.facts}>
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
