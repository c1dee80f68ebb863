import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Heading } from "@/components/suomifi";
import { ClientForm } from "@/components/official/ClientForm";
import { saveClient } from "@/app/official/actions";
import { requireActor } from "@/server/auth/session";
import { getClient } from "@/server/clients/clients";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("form.editTitle") };
}

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["OFFICIAL"]);
  const client = await getClient(actor, (await params).id);
  if (!client) notFound();
  const t = await getTranslations("official");
  const { id, identityCodeMasked, ...c } = client;
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("form.editTitle")}</Heading>
      <ClientForm
        clientId={id}
        maskedIdentityCode={identityCodeMasked}
        save={saveClient}
        initial={{
          firstName: c.firstName, lastName: c.lastName, dateOfBirth: c.dateOfBirth, personalIdentityCode: "", email: c.email ?? "",
          phone: c.phone ?? "", municipality: c.municipality ?? "", preferredLanguage: c.preferredLanguage, nativeLanguage: c.nativeLanguage ?? "",
          interpreterNeeded: c.interpreterNeeded, literacy: c.literacy, yearsOfSchooling: c.yearsOfSchooling, highestEducation: c.highestEducation ?? "",
          workExperience: c.workExperience ?? "", languageLevel: c.languageLevel, placementTestOn: c.placementTestOn, studyPath: c.studyPath,
          assessedOn: c.assessedOn, assessedBy: c.assessedBy ?? "", inIntegrationProgramme: c.inIntegrationProgramme,
          integrationPlanStartsOn: c.integrationPlanStartsOn, integrationPlanEndsOn: c.integrationPlanEndsOn, needsChildcare: c.needsChildcare,
          needsAccessibility: c.needsAccessibility, eveningOnly: c.eveningOnly, specialNeeds: c.specialNeeds ?? "", notes: c.notes ?? "",
        }}
      />
    </div>
  );
}
