import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { StatList } from "@/components/StatList";
import { requireActor } from "@/server/auth/session";
import { serviceOverview } from "@/server/overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminHome() {
  const actor = await requireActor(["ADMIN"]);
  const [t, numbers] = await Promise.all([getTranslations("admin"), serviceOverview(actor)]);
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("title")}</Heading>
      <Paragraph>{t("welcome", { name: actor.name })}</Paragraph>
      <StatList
        items={[
          { label: t("stats.organisations"), value: numbers.organisations },
          { label: t("stats.users"), value: numbers.users },
          { label: t("stats.clients"), value: numbers.clients },
          { label: t("stats.liveEnrolments"), value: numbers.liveEnrolments },
        ]}
      />
    </div>
  );
}
