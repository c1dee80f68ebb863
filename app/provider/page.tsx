import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Heading, Paragraph } from "@/components/suomifi";
import { FillBar } from "@/components/provider/SeatBoard";
import { StatusTag } from "@/components/enrolment/StatusTag";
import styles from "@/components/provider/provider.module.css";
import { requireActor } from "@/server/auth/session";
import { providerHome } from "@/server/provider/workspace";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("title") };
}

export default async function ProviderHome() {
  const actor = await requireActor(["PROVIDER_STAFF"]);
  const home = await providerHome(actor);
  if (!home) notFound();
  const [t, format] = await Promise.all([getTranslations("provider"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const day = (d: string | null) => (d ? format.dateTime(parseDate(d), CALENDAR_DAY) : "–");
  return (
    <div className="kp-stack">
      <div className={styles.titleRow}>
        <Heading variant="h1">{t("title")}</Heading>
        <Link href="/provider/courses/new" className={styles.primaryLink}>{t("home.newCourse")}</Link>
      </div>
      <Paragraph>{t("welcome", { name: actor.name, organisation: actor.organisationName ?? "" })}</Paragraph>

      <div className={styles.columns}>
        <section className="kp-panel" aria-labelledby="new-referrals">
          <Heading variant="h2" id="new-referrals">{t("home.newReferrals", { count: home.newReferrals.length })}</Heading>
          <p className={styles.meta}>{home.firstVisit ? t("home.sinceWeek") : t("home.since", { date: when(home.since) })}</p>
          {home.newReferrals.length === 0 ? (
            <p>{t("home.noNewReferrals")}</p>
          ) : (
            <ul className={styles.plainList}>
              {home.newReferrals.map((r) => (
                <li key={r.id}>
                  <Link href={`/provider/courses/${r.course.id}/enrolments/${r.id}`}>{r.client.firstName} {r.client.lastName}</Link> · {r.course.name} · <StatusTag status={r.status} /> <span className={styles.meta}>{when(r.referredAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="kp-panel" aria-labelledby="expiring">
          <Heading variant="h2" id="expiring">{t("home.expiring", { count: home.expiringOffers.length })}</Heading>
          {home.expiringOffers.length === 0 ? (
            <p>{t("home.noExpiring")}</p>
          ) : (
            <ul className={styles.plainList}>
              {home.expiringOffers.map((o) => (
                <li key={o.id}>
                  <Link href={`/provider/courses/${o.course.id}/enrolments/${o.id}`}>{o.client.firstName} {o.client.lastName}</Link> · {o.course.name} · {t("seats.answerBy", { date: when(o.offerExpiresAt!) })}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="kp-panel" aria-labelledby="starting">
          <Heading variant="h2" id="starting">{t("home.startingSoon", { count: home.startingSoon.length })}</Heading>
          {home.startingSoon.length === 0 ? (
            <p>{t("home.noStartingSoon")}</p>
          ) : (
            <ul className={styles.plainList}>
              {home.startingSoon.map((c) => (
                <li key={c.id}>
                  <Link href={`/provider/courses/${c.id}`}>{c.name}</Link> · {day(c.startsOn)} · {t("home.freeSeats", { count: c.freeSeats })}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="kp-panel" aria-labelledby="courses">
        <Heading variant="h2" id="courses">{t("home.courses")}</Heading>
        {home.courses.length === 0 ? (
          <p>{t("home.noCourses")}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={`${styles.table} ${styles.cards} ${styles.noCheck} ${styles.labelled}`}>
              <thead>
                <tr>
                  <th scope="col">{t("home.course")}</th>
                  <th scope="col">{t("home.status")}</th>
                  <th scope="col">{t("home.starts")}</th>
                  <th scope="col" className={styles.num}>{t("board.capacity")}</th>
                  <th scope="col" className={styles.num}>{t("board.held")}</th>
                  <th scope="col" className={styles.num}>{t("board.free")}</th>
                  <th scope="col" className={styles.num}>{t("board.queue")}</th>
                  <th scope="col">{t("home.fill")}</th>
                </tr>
              </thead>
              <tbody>
                {home.courses.map((c) => (
                  <tr key={c.id}>
                    <td><Link href={`/provider/courses/${c.id}`}>{c.name}</Link></td>
                    <td><StatusTag status={c.status} kind="course" /></td>
                    <td data-label={t("home.starts")}>{day(c.startsOn)}</td>
                    <td className={styles.num} data-label={t("board.capacity")}>{c.capacity}</td>
                    <td className={styles.num} data-label={t("board.held")}>{c.seatsHeld}</td>
                    <td className={styles.num} data-label={t("board.free")}>{c.freeSeats}</td>
                    <td className={styles.num} data-label={t("board.queue")}>{c.queueLength}</td>
                    <td><FillBar capacity={c.capacity} held={c.seatsHeld} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
