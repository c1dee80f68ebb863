import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { ClientForm } from "@/components/official/ClientForm";
import { saveClient } from "@/app/official/actions";
import { requireActor } from "@/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("form.newTitle") };
}

export default async function NewClientPage() {
  await requireActor(["OFFICIAL"]);
  const t = await getTranslations("official");
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("form.newTitle")}</Heading>
      <Paragraph>{t("form.intro")}</Paragraph>
      <ClientForm save={saveClient} />
    </div>
  );
}
