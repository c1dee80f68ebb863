import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Heading, Paragraph } from "@/components/suomifi";
import { ReferForm } from "@/components/official/ReferForm";
import styles from "@/components/official/official.module.css";
import { courseFinderFilterSchema } from "@/lib/schemas/official";
import { referToCourse } from "@/app/official/actions";
import { requireActor } from "@/server/auth/session";
import { findCoursesForClient, TURNOVER_DAYS } from "@/server/official/finder";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("finder.title") };
}

export default async function CourseFinderPage({ params, searchParams }: Props) {
  const actor = await requireActor(["OFFICIAL"]);
  const query = await searchParams;
  const parsed = courseFinderFilterSchema.safeParse(query);
  const data = await findCoursesForClient(actor, (await params).id, parsed.success ? parsed.data : {}, { defaultToClientMunicipality: !("municipality" in query) });
  if (!data) notFound();
  const [t, labels, format] = await Promise.all([getTranslations("official"), getTranslations("labels"), getFormatter()]);
  const { client, courses, more, filter } = data;
  const day = (d: string) => format.dateTime(parseDate(d), CALENDAR_DAY);

  return (
    <div className="kp-stack">
      <Link href={`/official/clients/${client.id}`}>{t("finder.back", { name: `${client.firstName} ${client.lastName}` })}</Link>
      <Heading variant="h1">{t("finder.title")}</Heading>
      <Paragraph>
        {t("finder.matching", {
          name: `${client.firstName} ${client.lastName}`,
          path: labels(`studyPath.${client.studyPath}`),
          level: client.languageLevel ? labels(`languageLevel.${client.languageLevel}`) : t("finder.levelUnknown"),
        })}
      </Paragraph>

      <form method="get" className={styles.filters} aria-label={t("finder.filters")}>
        <label>
          {t("finder.municipality")}
          <input name="municipality" defaultValue={filter.municipality ?? ""} />
        </label>
        <label>
          {t("finder.remote")}
          <select name="remote" defaultValue={filter.remote ?? "include"}>
            <option value="include">{t("finder.remoteInclude")}</option>
            <option value="only">{t("finder.remoteOnly")}</option>
            <option value="exclude">{t("finder.remoteExclude")}</option>
          </select>
        </label>
        <label>
          {t("finder.schedule")}
          <select name="schedule" defaultValue={filter.schedule ?? ""}>
            <option value="">{t("finder.any")}</option>
            <option value="DAY">{labels("schedule.DAY")}</option>
            <option value="EVENING">{labels("schedule.EVENING")}</option>
          </select>
        </label>
        <label>
          {t("finder.instructionLanguage")}
          <select name="instructionLanguage" defaultValue={filter.instructionLanguage ?? ""}>
            <option value="">{t("finder.any")}</option>
            <option value="FI">{labels("instructionLanguage.FI")}</option>
            <option value="SV">{labels("instructionLanguage.SV")}</option>
          </select>
        </label>
        <label>
          {t("finder.startsFrom")}
          <input type="date" name="startsFrom" defaultValue={filter.startsFrom ?? ""} />
        </label>
        <label>
          {t("finder.startsTo")}
          <input type="date" name="startsTo" defaultValue={filter.startsTo ?? ""} />
        </label>
        <button type="submit" className={styles.submit}>{t("finder.apply")}</button>
      </form>

      <p role="status">{more ? t("finder.countMore", { count: courses.length }) : t("finder.count", { count: courses.length })}</p>
      <details>
        <summary>{t("finder.howEstimated")}</summary>
        <p>{t("finder.estimateExplained", { days: TURNOVER_DAYS })}</p>
      </details>

      <ul className={styles.courses}>
        {courses.map((c) => (
          <li key={c.id} className={styles.course}>
            <h2 id={`course-${c.id}`}>{c.name}</h2>
            <p>{c.provider}</p>
            <ul className={styles.facts}>
              <li>{c.remote ? t("finder.remoteCourse") : c.municipality}</li>
              <li>{labels(`schedule.${c.schedule}`)}</li>
              <li>{t("finder.language", { language: labels(`instructionLanguage.${c.instructionLanguage}`) })}</li>
              <li>{t("finder.levels", { from: labels(`languageLevel.${c.levelFrom}`), to: labels(`languageLevel.${c.levelTo}`) })}</li>
              <li>{t("finder.dates", { start: day(c.startsOn), end: day(c.endsOn) })}</li>
            </ul>
            <ul className={styles.facts}>
              <li><strong>{t("finder.freeSeats", { free: c.freeSeats, capacity: c.capacity })}</strong></li>
              <li><strong>{t("finder.queueLength", { count: c.queueLength })}</strong></li>
            </ul>
            {!c.current && (
            <p className={styles.estimate}>
              {c.estimate.kind === "NOW"
                ? t("finder.estimate.now", { hours: c.offerResponseHours })
                : c.estimate.kind === "DATE"
                  ? t(c.estimate.afterStart ? "finder.estimate.dateAfterStart" : "finder.estimate.date", { date: day(c.estimate.date), position: c.estimate.position, seats: c.estimate.seatsFromQueue, days: TURNOVER_DAYS })
                  : t("finder.estimate.unknown", { position: c.estimate.position, days: TURNOVER_DAYS })}
            </p>
            )}
            <ReferForm clientId={client.id} courseId={c.id} courseName={c.name} current={c.current} referralOpen={c.referralOpen} submit={referToCourse} />
          </li>
        ))}
      </ul>
    </div>
  );
}
