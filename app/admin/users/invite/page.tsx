import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/components/suomifi";
import { UserForm } from "@/components/admin/UserForm";
import { INVITATION_LOCALES, STAFF_ROLES } from "@/lib/schemas/admin";
import { organisationChoices } from "@/server/admin/organisations";
import { requireActor } from "@/server/auth/session";
import { inviteUserAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("userForm.inviteTitle") };
}

export default async function InviteUserPage() {
  const actor = await requireActor(["ADMIN"]);
  const [t, shell, organisations, uiLocale] = await Promise.all([getTranslations("admin"), getTranslations("shell"), organisationChoices(actor), getLocale()]);
  // The invitation's language starts as the administrator's own.
  const locale = INVITATION_LOCALES.find((l) => l === uiLocale) ?? "fi";
  return (
    <div className="kp-stack">
      <Link href="/admin/users">{t("userForm.back")}</Link>
      <Heading variant="h1">{t("userForm.inviteTitle")}</Heading>
      <Paragraph>{t("userForm.inviteIntro")}</Paragraph>
      <UserForm
        mode="invite"
        defaults={{ email: "", name: "", role: "OFFICIAL", organisationId: null, locale }}
        organisations={organisations}
        roleLabels={Object.fromEntries(STAFF_ROLES.map((r) => [r, shell(`roles.${r}`)]))}
        submit={inviteUserAction}
      />
    </div>
  );
}
