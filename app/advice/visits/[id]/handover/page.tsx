import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { HandoverForm } from "@/components/handover/HandoverForm";
import { requireActor } from "@/server/auth/session";
import { handoverTargets, visitForHandover } from "@/server/advice/handovers";
import { handOverAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handover"))("form.title") };
}

export default async function HandoverPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["ADVISER"]);
  const visit = await visitForHandover(actor, (await params).id);
  if (!visit) notFound();
  const [t, offices] = await Promise.all([getTranslations("handover"), handoverTargets(actor)]);
  return (
    <div className="kp-stack">
      <Link href="/advice">{t("form.back")}</Link>
      <Heading variant="h1">{t("form.title")}</Heading>
      <Paragraph>{t("form.intro")}</Paragraph>
      {visit.handedOver ? <Paragraph>{t("already")}</Paragraph> : <HandoverForm visitId={visit.id} offices={offices} handOver={handOverAction} />}
    </div>
  );
}
