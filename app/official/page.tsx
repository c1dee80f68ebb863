import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { StatList } from "@/components/StatList";
import styles from "@/components/official/official.module.css";
import { requireActor } from "@/server/auth/session";
import { officeHome } from "@/server/official/home";
import { openLeads } from "@/server/advice/handovers";
import { CloseLeadForm } from "@/components/official/CloseLeadForm";
import { listLabel } from "@/lib/visit-lists";
import { closeLeadAction } from "./leads/actions";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("title") };
}

export default async function OfficialHome() {
  const actor = await requireActor(["OFFICIAL"]);
  const [t, h, labels, format, home, leads, locale] = await Promise.all([getTranslations("official"), getTranslations("handover"), getTranslations("labels"), getFormatter(), officeHome(actor), openLeads(actor), getLocale()]);
  const languageName = new Intl.DisplayNames([locale], { type: "language" });
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
      {leads.length > 0 && (
        <section className={styles.panel} aria-labelledby="leads-heading">
          <Heading variant="h2" id="leads-heading">{h("lead.title", { count: leads.length })}</Heading>
          <p className={styles.hint}>{h("lead.explained")}</p>
          <ul className={styles.leads}>
            {leads.map((l) => {
              const name = [l.firstName, l.lastName].filter(Boolean).join(" ") || h("lead.noName");
              return (
                <li key={l.id}>
                  <article aria-labelledby={`lead-${l.id}`}>
                    <Heading variant="h3" id={`lead-${l.id}`}>{name}</Heading>
                    <p>{h("lead.from", { point: l.advicePoint.name, date: format.dateTime(l.createdAt, { dateStyle: "medium" }) })}</p>
                    <dl className={styles.leadFacts}>
                      <dt>{h("lead.contact")}</dt>
                      <dd>{[l.phone, l.email].filter(Boolean).join(", ")}</dd>
                      <dt>{h("lead.languages")}</dt>
                      <dd>{l.visit.languages.map((c) => languageName.of(c) ?? c).join(", ")}</dd>
                      <dt>{h("lead.topics")}</dt>
                      <dd>{l.visit.topics.map((x) => listLabel(x.topic, locale)).join(", ")}</dd>
                      {l.note && (<><dt>{h("lead.note")}</dt><dd>{l.note}</dd></>)}
                    </dl>
                    <div className={styles.actions}>
                      <Link className={styles.submit} href={`/official/clients/new?lead=${l.id}`} aria-label={h("lead.registerOf", { name })}>{h("lead.register")}</Link>
                    </div>
                    <CloseLeadForm leadId={l.id} name={name} closeLead={closeLeadAction} />
                  </article>
                </li>
              );
            })}
          </ul>
        </section>
      )}
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
