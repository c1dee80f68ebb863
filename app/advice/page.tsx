import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Heading, Paragraph } from "@/components/suomifi";
import { RecentVisits } from "@/components/advice/RecentVisits";
import { VisitForm } from "@/components/advice/VisitForm";
import { SavedNotice } from "@/components/official/SavedNotice";
import { recordVisitAction } from "@/app/advice/actions";
import { isLocale } from "@/lib/i18n";
import { languageNamer } from "@/lib/iso-639-1";
import { requireActor } from "@/server/auth/session";
import { adviceDesk } from "@/server/advice/desk";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("advice"))("title") };
}

/** The adviser's home: the visit form, and their latest visits for correction. */
export default async function AdviceDeskPage({ searchParams }: { searchParams: Promise<{ corrected?: string }> }) {
  const actor = await requireActor(["ADVISER"]);
  const locale = await getLocale();
  const desk = await adviceDesk(actor, isLocale(locale) ? locale : "fi");
  if (!desk) notFound();
  const [t, handover, format, { corrected }] = await Promise.all([getTranslations("advice"), getTranslations("handover"), getFormatter(), searchParams]);
  const language = languageNamer(locale);
  const rows = desk.recent.map((v) => ({
    id: v.id,
    when: format.dateTime(v.occurredAt, { dateStyle: "short", timeStyle: "short" }),
    channel: t(`labels.channel.${v.channel}`),
    languages: v.languages.map(language).join(", "),
    topics: v.topics.map((topic) => topic.label).join(", "),
    outcome: [t(`labels.outcome.${v.outcome}`), ...v.destinations.map((d) => d.label)].join(": "),
    correctHref: v.correctable ? `/advice/visits/${v.id}/edit` : null,
    handOverHref: `/advice/visits/${v.id}/handover`,
  }));
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      <Paragraph>{t("intro", { point: actor.organisationName ?? "" })}</Paragraph>
      {corrected && <SavedNotice message={t("correctedNotice")} />}
      <VisitForm choices={desk.choices} defaults={desk.defaults} save={recordVisitAction} />
      <RecentVisits
        rows={rows}
        texts={{
          title: t("recent.title"),
          empty: t("recent.empty"),
          period: t("recent.correctionPeriod", { days: desk.correctionDays }),
          columns: { when: t("recent.when"), channel: t("recent.channel"), languages: t("recent.languages"), topics: t("recent.topics"), outcome: t("recent.outcome"), action: t("recent.action") },
          correct: t("recent.correct"),
          correctVisit: (when) => t("recent.correctVisit", { time: when }),
          closed: t("recent.closed"),
          handOver: handover("form.title"),
          handOverVisit: (when) => t("recent.handOverVisit", { time: when }),
        }}
      />
    </div>
  );
}
