import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { StatList } from "@/components/StatList";
import { requireActor } from "@/server/auth/session";
import { officeOverview } from "@/server/overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("title") };
}

export default async function OfficialHome() {
  const actor = await requireActor(["OFFICIAL"]);
  const [t, numbers] = await Promise.all([getTranslations("official"), officeOverview(actor)]);
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      <Paragraph>{t("welcome", { name: actor.name, organisation: actor.organisationName ?? "" })}</Paragraph>
      <StatList
        items={[
          { label: t("stats.clients"), value: numbers.clients },
          { label: t("stats.waiting"), value: numbers.waiting },
          { label: t("stats.offers"), value: numbers.offers },
        ]}
      />
    </div>
  );
}
