import type { ReactElement } from "react";
import { Buttons, Details, Layout, Paragraph, SmallPrint } from "./components/Layout";
import { EMAIL_MESSAGES, emailTranslator, formatDate, formatList, isolate, type EmailLanguage, type Vars } from "./i18n";
import type { EmailData, EmailTemplate } from "./types";

// One function builds every e-mail from its translated texts: a greeting, what happened, the
// facts (course, place, dates, deadline, queue place), the buttons, and what happens next. Every
// text is an ICU message of the language (emails/i18n.ts): counts take the language's plural forms.

interface Part {
  subject: string;
  preview: string;
  title: string;
  body: ReactElement;
}

function part(template: EmailTemplate, lang: EmailLanguage, data: EmailData): Part {
  const tr = emailTranslator(lang);
  const c = (key: keyof (typeof EMAIL_MESSAGES)[EmailLanguage]["common"], vars?: Vars) => tr(`common.${key}`, vars);
  const t = (key: "subject" | "heading" | "body" | "next", vars?: Vars) => tr(`${template}.${key}`, vars);
  const date = (d: Date) => formatDate(lang, d);
  const vars: Vars = {
    course: isolate(lang, data.course?.name ?? ""),
    deadline: data.deadline ? formatDate(lang, data.deadline, true) : "",
    start: data.course ? date(data.course.startsOn) : "",
    date: data.digest ? date(data.digest.date) : "",
    count: data.digest ? data.digest.courses.reduce((sum, x) => sum + x.count, 0) : 0,
    courses: formatList(lang, data.preferredCourses ?? []),
    placed: isolate(lang, data.placedCourseName ?? ""),
  };
  // An offer that may be accepted on condition: the client keeps their places on the courses they ranked higher.
  const conditional = (template === "client/seat_offered" || template === "client/offer_reminder") && (data.preferredCourses?.length ?? 0) > 0;
  const rows: [string, string][] = [];
  if (data.client) rows.push([c("client"), c("clientValue", { name: data.client.name, number: data.client.number })]);
  if (data.course) {
    const course = data.course;
    rows.push([c("course"), course.name]);
    rows.push([c("provider"), course.provider]);
    rows.push([c("place"), course.remote ? c("remote") : [course.address, course.municipality].filter(Boolean).join(", ")]);
    rows.push([c("dates"), c("dateRange", { start: date(course.startsOn), end: date(course.endsOn) })]);
    rows.push([c("schedule"), course.schedule === "EVENING" ? c("scheduleEVENING") : c("scheduleDAY")]);
  }
  if (data.queue) rows.push([c("position"), c("positionValue", data.queue)]);
  for (const x of data.pool?.courses ?? []) rows.push([x.rank ? c("choice", { rank: x.rank }) : c("matchesNeeds"), x.name]);
  if (data.deadline && (template === "client/seat_offered" || template === "client/offer_reminder")) rows.push([c("deadline"), vars.deadline as string]);
  if (data.reason) rows.push([c("reason"), data.reason]);

  const links = data.links ?? {};
  const buttons: { label: string; href: string; kind?: "primary" | "secondary" }[] = [];
  if (links.accept) buttons.push({ label: c("accept"), href: links.accept });
  if (conditional && links.acceptConditional) buttons.push({ label: c("acceptConditional"), href: links.acceptConditional, kind: "secondary" });
  if (links.decline) buttons.push({ label: c("decline"), href: links.decline, kind: "secondary" });
  const queuePage = template === "client/referral_received" || template === "client/queue_moved" || template === "client/pool_referral_received";
  if (!links.accept && links.page) buttons.push({ label: queuePage ? c("openQueuePage") : c("openOfferPage"), href: links.page });
  if (links.workspace) buttons.push({ label: c("openWorkspace"), href: links.workspace });
  if (links.setPassword) buttons.push({ label: c("setPassword"), href: links.setPassword });
  const firstLink = links.page ?? links.accept ?? links.setPassword ?? links.workspace;

  const dir = EMAIL_MESSAGES[lang].dir as "ltr" | "rtl";
  // The digest's count for each course, in words: "3 new referrals".
  const digestRows = (data.digest?.courses ?? []).map((x): [string, string] => [x.name, tr("provider/daily_digest.line", { count: x.count })]);
  const body = (
    <>
      <Paragraph>{data.recipientName ? c("greeting", { name: data.recipientName }) : c("greetingNoName")}</Paragraph>
      <Paragraph>{t("body", vars)}</Paragraph>
      {rows.length ? <Details rows={rows} dir={dir} /> : null}
      {digestRows.length ? <Details rows={digestRows} dir={dir} /> : null}
      {conditional ? <Paragraph>{c("conditionalOffer", vars)}</Paragraph> : null}
      <Paragraph>{t("next", vars)}</Paragraph>
      {buttons.length ? <Buttons buttons={buttons} /> : null}
      {firstLink && (links.accept || links.setPassword) ? <SmallPrint>{c("linkHelp", { url: firstLink })}</SmallPrint> : null}
      {template === "client/seat_confirmed" ? <SmallPrint>{c("calendarFile")}</SmallPrint> : null}
    </>
  );
  return { subject: t("subject", vars), preview: t("body", vars), title: t("heading"), body };
}

export interface BuiltEmail {
  subject: string;
  /** The message's language tag: one language, or "fi, en" for the bilingual fallback. */
  language: string;
  dir: "ltr" | "rtl";
  element: ReactElement;
}

/** The e-mail in one language, or in Finnish and English together when the language is not one we write. */
export function buildEmail(template: EmailTemplate, lang: EmailLanguage | null, data: EmailData): BuiltEmail {
  const languages: EmailLanguage[] = lang ? [lang] : ["fi", "en"];
  const parts = languages.map((l) => ({ lang: l, dir: EMAIL_MESSAGES[l].dir as "ltr" | "rtl", ...part(template, l, data) }));
  const first = parts[0]!;
  const t = emailTranslator(first.lang);
  const element = (
    <Layout
      lang={first.lang}
      dir={first.dir}
      preview={first.preview}
      title={parts.map((p) => p.title).join(" / ")}
      contact={data.contact}
      labels={{ contactHeading: t("common.contactHeading"), contact: t("common.contact", { name: data.contact.name }), automatic: parts.map((p) => emailTranslator(p.lang)("common.automatic")).join(" ") }}
    >
      {parts.map((p, i) => (
        <div key={p.lang} lang={p.lang} dir={p.dir} style={i > 0 ? { borderTop: "1px solid #c8cdd0", paddingTop: "16px", marginTop: "16px" } : undefined}>
          {i > 0 ? <h2 style={{ fontSize: "20px", margin: "0 0 12px" }}>{p.title}</h2> : null}
          {p.body}
        </div>
      ))}
    </Layout>
  );
  return { subject: parts.map((p) => p.subject).join(" / "), language: languages.join(", "), dir: first.dir, element };
}
