import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { StatList } from "@/components/StatList";
import { requireActor } from "@/server/auth/session";
import { providerOverview } from "@/server/overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("title") };
}

export default async function ProviderHome() {
  const actor = await requireActor(["PROVIDER_STAFF"]);
  const [t, numbers] = await Promise.all([getTranslations("provider"), providerOverview(actor)]);
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      <Paragraph>{t("welcome", { name: actor.name, organisation: actor.organisationName ?? "" })}</Paragraph>
      <StatList
        items={[
          { label: t("stats.courses"), value: numbers.courses },
          { label: t("stats.seats"), value: `${numbers.seatsHeld} / ${numbers.capacity}` },
          { label: t("stats.waiting"), value: numbers.waiting },
        ]}
      />
    </div>
  );
}
