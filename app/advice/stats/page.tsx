import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Heading, Paragraph } from "@/components/suomifi";
import { AdviceStatsView } from "@/components/advice-stats/AdviceStatsView";
import { STAT_DIMENSIONS, visitStatsFilterSchema } from "@/lib/schemas/advice-stats";
import { isLocale } from "@/lib/i18n";
import { requireActor } from "@/server/auth/session";
import { visitStats } from "@/server/advice/stats";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** An adviser's own point: every dimension but the point itself. */
const DIMENSIONS = STAT_DIMENSIONS.filter((d) => d !== "advicePoint");

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adviceStats"))("title") };
}

export default async function AdviceStatsPage({ searchParams }: Props) {
  const actor = await requireActor(["ADVISER"]);
  const parsed = visitStatsFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : { publishable: false };
  const [t, locale] = await Promise.all([getTranslations("adviceStats"), getLocale()]);
  const only = parsed.success ? parsed.data.by : undefined;
  const result = await visitStats(actor, filter, { locale: isLocale(locale) ? locale : "fi", dimensions: only ? [only] : DIMENSIONS });
  if (!result.ok) notFound();
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message.replace(/^validation\./, "") ?? "date");
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      <Paragraph>{t("intro.POINT", { point: result.stats.point?.name ?? "" })}</Paragraph>
      <AdviceStatsView stats={result.stats} publishable={filter.publishable} action="/advice/stats" choosePoint={false} problem={problem} />
    </div>
  );
}
