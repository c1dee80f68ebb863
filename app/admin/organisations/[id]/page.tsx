import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Heading } from "@/components/suomifi";
import { OrganisationForm } from "@/components/admin/OrganisationForm";
import { getOrganisation } from "@/server/admin/organisations";
import { requireActor } from "@/server/auth/session";
import { saveOrganisation } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("organisationForm.editTitle") };
}

export default async function EditOrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["ADMIN"]);
  const organisation = await getOrganisation(actor, (await params).id);
  if (!organisation || organisation.type === "SERVICE_OWNER") notFound();
  const t = await getTranslations("admin");
  return (
    <div className="kp-stack">
      <Link href="/admin/organisations">{t("organisationForm.back")}</Link>
      <Heading variant="h1">{t("organisationForm.editTitle")}</Heading>
      <OrganisationForm
        mode="edit"
        defaults={{
          type: organisation.type,
          name: organisation.name,
          businessId: organisation.businessId ?? "",
          municipality: organisation.municipality,
          email: organisation.email ?? "",
          phone: organisation.phone ?? "",
          address: organisation.address ?? "",
          operator: organisation.operator ?? "",
        }}
        submit={saveOrganisation.bind(null, organisation.id)}
      />
    </div>
  );
}
