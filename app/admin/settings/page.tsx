import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { requireActor } from "@/server/auth/session";
import { settingsFor } from "@/server/settings";
import { saveSettings } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("settings.title") };
}

export default async function SettingsPage() {
  const actor = await requireActor(["ADMIN"]);
  const [t, format, settings] = await Promise.all([getTranslations("admin"), getFormatter(), settingsFor(actor)]);
  const { defaultOfferResponseHours, retentionMonths, updatedAt, updatedBy } = settings!;
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("settings.title")}</Heading>
      <Paragraph>{t("settings.intro")}</Paragraph>
      {updatedAt && <Paragraph>{t("settings.lastChanged", { date: format.dateTime(updatedAt, { dateStyle: "medium", timeStyle: "short" }), name: updatedBy ?? "–" })}</Paragraph>}
      <SettingsForm defaults={{ defaultOfferResponseHours, retentionMonths }} submit={saveSettings} />
    </div>
  );
}
