import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Heading, Paragraph } from "@/components/suomifi";
import { PoolReferralForm } from "@/components/official/PoolReferralForm";
import { referToPoolAction } from "@/app/official/actions";
import { requireActor } from "@/server/auth/session";
import { poolReferralForm } from "@/server/official/pool";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("pool.title") };
}

export default async function PoolReferralPage({ params }: Props) {
  const actor = await requireActor(["OFFICIAL"]);
  const data = await poolReferralForm(actor, (await params).id);
  if (!data) notFound();
  const t = await getTranslations("official");
  const { client } = data;
  const name = `${client.firstName} ${client.lastName}`;
  return (
    <div className="kp-stack">
      <Link href={`/official/clients/${client.id}`}>{t("finder.back", { name })}</Link>
      <Heading variant="h1">{t("pool.title")}</Heading>
      <Paragraph>{t("pool.intro", { name })}</Paragraph>
      <PoolReferralForm
        clientId={client.id}
        clientName={name}
        alreadyActive={data.activePool !== null}
        defaults={data.defaults}
        courses={data.courses}
        municipalities={data.municipalities}
        languageLevel={client.languageLevel}
        submit={referToPoolAction}
      />
    </div>
  );
}
