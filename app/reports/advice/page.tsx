import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { AdviceStatsView } from "@/components/advice-stats/AdviceStatsView";
import { ReportTabs } from "@/components/advice-stats/ReportTabs";
import { visitStatsFilterSchema } from "@/lib/schemas/advice-stats";
import { isLocale } from "@/lib/i18n";
import { requireActor } from "@/server/auth/session";
import { visitStats } from "@/server/advice/stats";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adviceStats"))("adminTitle") };
}

/** The administrators' view of the advice points' visit statistics: every point, or one. */
export default async function AdviceReportsPage({ searchParams }: Props) {
  const actor = await requireActor(["ADMIN"]);
  const parsed = visitStatsFilterSchema.safeParse(await searchParams);
  const [t, locale] = await Promise.all([getTranslations("adviceStats"), getLocale()]);
  const language = isLocale(locale) ? locale : "fi";
  const dimensions = parsed.success && parsed.data.by ? [parsed.data.by] : undefined;
  let result = await visitStats(actor, parsed.success ? parsed.data : {}, { locale: language, dimensions });
  // A point that is not an advice point (or no longer exists) is not an error of the page: all points.
  const unknownPoint = !result.ok;
  if (!result.ok) result = await visitStats(actor, { ...(parsed.success ? parsed.data : {}), point: undefined }, { locale: language, dimensions });
  if (!result.ok) return null;
  const problem = !parsed.success ? (parsed.error.issues[0]?.message.replace(/^validation\./, "") ?? "date") : unknownPoint ? "choose" : null;
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("adminTitle")}</Heading>
      <ReportTabs current="advice" />
      <Paragraph>{t("intro.ALL")}</Paragraph>
      <AdviceStatsView stats={result.stats} publishable={parsed.success && parsed.data.publishable} action="/reports/advice" choosePoint problem={problem} />
    </div>
  );
}
