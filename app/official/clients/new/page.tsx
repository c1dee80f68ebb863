import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { ClientForm } from "@/components/official/ClientForm";
import { saveClient } from "@/app/official/actions";
import { registerFromLead } from "@/app/official/leads/actions";
import type { ClientInput } from "@/lib/schemas/client";
import { requireActor } from "@/server/auth/session";
import { openLead } from "@/server/advice/handovers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("form.newTitle") };
}

/** A new client; from an advice point's hand-over (?lead=), pre-filled with what the visitor agreed to share. */
export default async function NewClientPage({ searchParams }: { searchParams: Promise<{ lead?: string | string[] }> }) {
  const actor = await requireActor(["OFFICIAL"]);
  const [t, h] = await Promise.all([getTranslations("official"), getTranslations("handover")]);
  const leadId = (await searchParams).lead;
  const lead = typeof leadId === "string" ? await openLead(actor, leadId) : null;
  const initial: Partial<ClientInput> | undefined = lead
    ? { firstName: lead.firstName ?? "", lastName: lead.lastName ?? "", email: lead.email ?? "", phone: lead.phone ?? "", ...(lead.preferredLanguage ? { preferredLanguage: lead.preferredLanguage } : {}), notes: lead.note ?? "" }
    : undefined;
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("form.newTitle")}</Heading>
      <Paragraph>{lead ? h("lead.prefilled", { point: lead.advicePoint.name }) : t("form.intro")}</Paragraph>
      {lead ? <ClientForm key={lead.id} prefill={initial} draftKey={`lead-${lead.id}`} save={registerFromLead.bind(null, lead.id)} /> : <ClientForm save={saveClient} />}
    </div>
  );
}
