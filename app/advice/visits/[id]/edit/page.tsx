import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Heading, Paragraph } from "@/components/suomifi";
import { VisitForm } from "@/components/advice/VisitForm";
import { correctVisitAction } from "@/app/advice/actions";
import { isLocale } from "@/lib/i18n";
import { requireActor } from "@/server/auth/session";
import { correctionForm } from "@/server/advice/desk";
import { VISIT_CORRECTION_DAYS } from "@/server/advice/visits";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("advice"))("edit.title") };
}

/** Corrects one of the advice point's recent visits. */
export default async function CorrectVisitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["ADVISER"]);
  const [{ id }, locale, t, format] = await Promise.all([params, getLocale(), getTranslations("advice"), getFormatter()]);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const found = await correctionForm(actor, id, isLocale(locale) ? locale : "fi");
  if (!found.ok && found.code !== "EDIT_PERIOD_OVER") notFound();
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("edit.title")}</Heading>
      {found.ok ? (
        <>
          <Paragraph>{t("edit.intro", { logged: format.dateTime(found.form.createdAt, { dateStyle: "short", timeStyle: "short" }) })}</Paragraph>
          <VisitForm choices={found.form.choices} defaults={found.form.initial.values as { channel: string; languages: string[] }} initial={found.form.initial} visitId={found.form.visitId} save={correctVisitAction.bind(null, found.form.visitId)} />
        </>
      ) : (
        <>
          <Paragraph>{t("edit.periodOver", { days: VISIT_CORRECTION_DAYS })}</Paragraph>
          <Link href="/advice">{t("edit.back")}</Link>
        </>
      )}
    </div>
  );
}
