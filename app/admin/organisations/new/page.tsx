import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Heading } from "@/components/suomifi";
import { emptyOrganisation, OrganisationForm } from "@/components/admin/OrganisationForm";
import { requireActor } from "@/server/auth/session";
import { saveOrganisation } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("organisationForm.newTitle") };
}

export default async function NewOrganisationPage() {
  await requireActor(["ADMIN"]);
  const t = await getTranslations("admin");
  return (
    <div className="kp-stack">
      <Link href="/admin/organisations">{t("organisationForm.back")}</Link>
      <Heading variant="h1">{t("organisationForm.newTitle")}</Heading>
      <OrganisationForm mode="create" defaults={emptyOrganisation} submit={saveOrganisation.bind(null, null)} />
    </div>
  );
}
