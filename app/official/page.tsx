import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { StatList } from "@/components/StatList";
import styles from "@/components/official/official.module.css";
import { requireActor } from "@/server/auth/session";
import { officeHome } from "@/server/official/home";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("title") };
}

export default async function OfficialHome() {
  const actor = await requireActor(["OFFICIAL"]);
  const [t, labels, format, home] = await Promise.all([getTranslations("official"), getTranslations("labels"), getFormatter(), officeHome(actor)]);
  const { numbers, offers, endingSoon, events } = home!;
  const day = (d: string) => format.dateTime(parseDate(d), CALENDAR_DAY);
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      <Paragraph>{t("welcome", { name: actor.name, organisation: actor.organisationName ?? "" })}</Paragraph>
      <div className={styles.actions}>
        <Link className={styles.submit} href="/official/clients/new">{t("home.registerClient")}</Link>
        <Link className={styles.secondary} href="/official/clients">{t("home.searchClients")}</Link>
      </div>
      <StatList
        items={[
          { label: t("stats.clients"), value: numbers.clients },
          { label: t("stats.waiting"), value: numbers.waiting },
          { label: t("stats.offers"), value: numbers.offers },
          { label: t("stats.endingSoon"), value: numbers.endingSoon },
        ]}
      />
      <section className={styles.panel} aria-labelledby="offers-heading">
        <Heading variant="h2" id="offers-heading">{t("home.offersTitle")}</Heading>
        {offers.length === 0 ? <p>{t("home.offersEmpty")}</p> : (
          <ul className={styles.list}>
            {offers.map((o) => (
              <li key={o.id}>
                <Link href={`/official/clients/${o.client.id}`}>{o.client.lastName}, {o.client.firstName}</Link>
                {": "}
                {t("home.offerLine", { course: o.course, deadline: o.deadline ? format.dateTime(o.deadline, { dateStyle: "medium", timeStyle: "short" }) : "–" })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.panel} aria-labelledby="ending-heading">
        <Heading variant="h2" id="ending-heading">{t("home.endingTitle")}</Heading>
        {endingSoon.length === 0 ? <p>{t("home.endingEmpty")}</p> : (
          <ul className={styles.list}>
            {endingSoon.map((c) => (
              <li key={c.id}>
                <Link href={`/official/clients/${c.id}`}>{c.lastName}, {c.firstName}</Link>
                {": "}
                {t("home.endingLine", { date: day(c.endsOn) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.panel} aria-labelledby="events-heading">
        <Heading variant="h2" id="events-heading">{t("home.eventsTitle")}</Heading>
        {events.length === 0 ? <p>{t("home.eventsEmpty")}</p> : (
          <ul className={styles.list}>
            {events.map((e) => (
              <li key={e.id}>
                <Link href={`/official/clients/${e.clientId}`}>{e.lastName}, {e.firstName}</Link>
                {": "}
                {t("home.eventLine", { course: e.course, status: labels(`enrolmentStatus.${e.status}`), date: format.dateTime(e.at, { dateStyle: "medium" }) })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
