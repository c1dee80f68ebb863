import type { Metadata } from "next";
import { headers } from "next/headers";
import { createFormatter, createTranslator, NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { isSelfServiceLanguage, SELF_SERVICE_LANGUAGES, selfServiceLanguageNames, type SelfServiceLanguage } from "@/lib/i18n";
import { loadSelfServiceMessages } from "@/lib/messages";
import { loadSelfService, type PoolStanding, type SelfServiceCourse } from "@/server/self-service/link-page";
import { clientIp } from "@/server/rate-limit/client-ip";
import { AnswerPanel } from "./AnswerPanel";
import { ResultHeading } from "./ResultHeading";
import styles from "./selfService.module.css";

// The client's page behind the e-mail link: no sign-in, in the e-mail's language (or the one
// chosen here), the offer or the queue place, and the answer with a confirmation step. The
// language is the request's (i18n/request.ts), so the document around the page speaks it too.

/** The request's language, which on this page is always one of the six a client may read. */
async function pageLanguage(): Promise<SelfServiceLanguage> {
  const locale = await getLocale();
  if (!isSelfServiceLanguage(locale)) throw new Error(`A client's page in a language it does not speak: ${locale}`);
  return locale;
}

export async function generateMetadata(): Promise<Metadata> {
  const lang = await pageLanguage();
  const t = createTranslator({ locale: lang, messages: { selfService: await loadSelfServiceMessages(lang) } });
  return { title: t("selfService.title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

interface Props {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ answer?: string }>;
}

export default async function SelfServicePage({ params, searchParams }: Props) {
  const [{ token }, query, h, lang] = await Promise.all([params, searchParams, headers(), pageLanguage()]);
  const view = await loadSelfService(token, new Date(), clientIp((name) => h.get(name)));
  const messages = { selfService: await loadSelfServiceMessages(lang) };
  const t = createTranslator({ locale: lang, messages });
  const format = createFormatter({ locale: lang === "ar" ? "ar-u-nu-latn" : lang, timeZone: "Europe/Helsinki" });
  const date = (d: Date) => format.dateTime(d, { day: "numeric", month: "numeric", year: "numeric" });
  const initial = query.answer === "accept" || query.answer === "acceptConditional" || query.answer === "decline" ? query.answer : undefined;
  // In a right-to-left sentence each (Finnish) course name is isolated, so its punctuation stays with it.
  const list = (items: string[]) => format.list(lang === "ar" ? items.map((i) => `\u2068${i}\u2069`) : items, { type: "conjunction" });

  const details = (course: SelfServiceCourse) => (
    <dl className={styles.details}>
      <dt>{t("selfService.course")}</dt>
      <dd>{course.name}</dd>
      <dt>{t("selfService.provider")}</dt>
      <dd>{course.provider}</dd>
      <dt>{t("selfService.place")}</dt>
      <dd>{course.remote ? t("selfService.remote") : [course.address, course.municipality].filter(Boolean).join(", ")}</dd>
      <dt>{t("selfService.dates")}</dt>
      <dd>{t("selfService.dateRange", { start: date(course.startsOn), end: date(course.endsOn) })}</dd>
      <dt>{t("selfService.schedule")}</dt>
      <dd>{course.schedule === "EVENING" ? t("selfService.scheduleEVENING") : t("selfService.scheduleDAY")}</dd>
    </dl>
  );

  // Each course of a pooled referral (or each course still waited for): the client's choice and where they stand.
  const standings = (places: PoolStanding[]) => (
    <ul className={styles.standings}>
      {places.map((p) => (
        <li key={p.id} className={styles.standing}>
          <h2 className={styles.standingName}>{p.course.name}</h2>
          <p className={styles.standingMeta}>
            {p.rank ? t("selfService.pool.choice", { rank: p.rank }) : t("selfService.pool.matches")} · {p.course.provider} ·{" "}
            {p.course.remote ? t("selfService.remote") : p.course.municipality} ·{" "}
            <span className={styles.nowrap}>{t("selfService.dateRange", { start: date(p.course.startsOn), end: date(p.course.endsOn) })}</span>
          </p>
          <p className={styles.standingStatus}>
            {p.status === "WAITLISTED"
              ? t("selfService.queue.position", { position: p.position ?? 0, total: p.total })
              : p.status === "OFFERED"
                ? t("selfService.pool.offered")
                : p.conditional
                  ? t("selfService.pool.holdingConditional")
                  : t("selfService.pool.holding")}
          </p>
        </li>
      ))}
    </ul>
  );

  // Whom to contact: the client's own office by name, with its details (an unknown link has none).
  const office =
    view.state === "unknown" ? null : (
      <section className={styles.office} aria-labelledby="office-heading">
        <h2 id="office-heading" className={styles.officeHeading}>{t("selfService.office.heading")}</h2>
        <p>{t("selfService.office.intro")}</p>
        <dl className={styles.details}>
          <dt>{t("selfService.office.name")}</dt>
          <dd>{view.office.name}</dd>
          {view.office.phone && (<><dt>{t("selfService.office.phone")}</dt><dd><a href={`tel:${view.office.phone.replace(/\s/g, "")}`}>{view.office.phone}</a></dd></>)}
          {view.office.email && (<><dt>{t("selfService.office.email")}</dt><dd><a href={`mailto:${view.office.email}`}>{view.office.email}</a></dd></>)}
          {view.office.address && (<><dt>{t("selfService.office.address")}</dt><dd>{view.office.address}</dd></>)}
        </dl>
      </section>
    );

  let content;
  switch (view.state) {
    case "unknown":
      content = (
        <>
          <Heading variant="h1">{t("selfService.unknown.heading")}</Heading>
          <Paragraph>{t("selfService.unknown.body")}</Paragraph>
        </>
      );
      break;
    case "expired":
      content = (
        <>
          <Heading variant="h1">{t("selfService.expired.heading")}</Heading>
          {details(view.course)}
          <Paragraph>{t("selfService.expired.body")}</Paragraph>
        </>
      );
      break;
    case "offer":
      content = (
        <>
          <Heading variant="h1">{t("selfService.offer.heading")}</Heading>
          <Paragraph>{t("selfService.offer.intro")}</Paragraph>
          {details(view.course)}
          <p className={styles.deadline}>
            {t("selfService.offer.deadline", { deadline: format.dateTime(view.deadline, { day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit" }) })}
          </p>
          <Paragraph>{t("selfService.offer.afterDeadline")}</Paragraph>
          {view.preferred.length > 0 && (
            <div className={styles.conditional}>
              <p className={styles.question}>{t("selfService.offer.conditionalIntro", { courses: list(view.preferred) })}</p>
              <p>{t("selfService.offer.choicesTitle")}</p>
              <ul>
                <li>{t("selfService.offer.choiceAccept")}</li>
                <li>{t("selfService.offer.choiceConditional", { courses: list(view.preferred) })}</li>
                <li>{t("selfService.offer.choiceDecline")}</li>
              </ul>
            </div>
          )}
          <AnswerPanel
            token={token}
            answers={view.preferred.length > 0 ? ["accept", "acceptConditional", "decline"] : ["accept", "decline"]}
            initial={initial}
            courses={list(view.preferred)}
          />
        </>
      );
      break;
    case "pool":
      content = (
        <>
          <Heading variant="h1">{t("selfService.pool.heading")}</Heading>
          <Paragraph>{t("selfService.pool.intro")}</Paragraph>
          {standings(view.places)}
          <Paragraph>{t("selfService.queue.promise")}</Paragraph>
          <Paragraph>{t("selfService.pool.leaveInfo")}</Paragraph>
        </>
      );
      break;
    case "queue":
      content = (
        <>
          <Heading variant="h1">{t("selfService.queue.heading")}</Heading>
          <p className={styles.deadline}>{t("selfService.queue.position", { position: view.position, total: view.total })}</p>
          {details(view.course)}
          <Paragraph>{t("selfService.queue.estimate", { capacity: view.capacity, seatsFromQueue: view.seatsFromQueue })}</Paragraph>
          <Paragraph>{t("selfService.queue.promise")}</Paragraph>
          <Paragraph>{t("selfService.queue.leaveInfo")}</Paragraph>
          <AnswerPanel token={token} answers={["leave"]} />
        </>
      );
      break;
    case "answered": {
      const known = view.status === "CONFIRMED" || view.status === "DECLINED" || view.status === "WITHDRAWN";
      if (view.conditional || view.released) {
        content = (
          <>
            <ResultHeading>{view.released ? t("selfService.answered.RELEASED") : t("selfService.answered.CONDITIONAL")}</ResultHeading>
            {details(view.course)}
            {view.conditional && view.conditional.length > 0 && (
              <>
                <p className={styles.question}>{t("selfService.answered.stillQueued")}</p>
                {standings(view.conditional)}
              </>
            )}
            <Paragraph>{view.released ? t("selfService.answered.RELEASEDNext") : t("selfService.answered.CONDITIONALNext")}</Paragraph>
          </>
        );
        break;
      }
      content = (
        <>
          <ResultHeading>{known ? t(`selfService.answered.${view.status as "CONFIRMED"}`) : t("selfService.answered.other")}</ResultHeading>
          {details(view.course)}
          <Paragraph>{known ? t(`selfService.answered.${view.status as "CONFIRMED"}Next`) : t("selfService.answered.otherNext")}</Paragraph>
        </>
      );
      break;
    }
  }

  return (
    <NextIntlClientProvider locale={lang} messages={messages}>
      <div className={styles.page}>
        <nav aria-label={t("selfService.languages")}>
          <ul className={styles.langs}>
            {SELF_SERVICE_LANGUAGES.map((l) => (
              <li key={l}>
                <a href={`?lang=${l}`} lang={l} hrefLang={l} aria-current={l === lang ? "true" : undefined}>
                  {selfServiceLanguageNames[l]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="kp-visually-hidden" role="status" aria-live="polite">
          {view.state === "answered" ? t("selfService.actions.done") : ""}
        </div>
        <section className="kp-panel kp-stack">{content}</section>
        {office}
      </div>
    </NextIntlClientProvider>
  );
}
