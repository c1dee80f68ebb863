import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";
import { WorkspaceNav } from "@/components/WorkspaceNav";
import { requireActor } from "@/server/auth/session";

export default async function OfficialLayout({ children }: { children: ReactNode }) {
  await requireActor(["OFFICIAL"]);
  const t = await getTranslations("official");
  return (
    // The leads from advice points on the home page answer in the hand-over words.
    <ClientMessages namespaces={["official", "handover"]}>
      <WorkspaceNav label={t("nav.label")} items={[
        { href: "/official", label: t("nav.home"), exact: true },
        { href: "/official/clients", label: t("nav.clients"), exact: false },
        { href: "/official/clients/new", label: t("nav.newClient"), exact: true },
      ]} />
      {children}
    </ClientMessages>
  );
}
