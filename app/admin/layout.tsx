import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";
import { WorkspaceNav } from "@/components/WorkspaceNav";
import { ADMIN_SECTIONS } from "@/components/admin/sections";
import { requireActor } from "@/server/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireActor(["ADMIN"]);
  const t = await getTranslations("admin");
  return (
    <ClientMessages namespaces={["admin"]}>
      <WorkspaceNav
        label={t("nav.label")}
        items={[
          { href: "/admin", label: t("nav.home"), exact: true },
          ...ADMIN_SECTIONS.map((s) => ({ href: s.href, label: t(`nav.${s.key}`), exact: false })),
        ]}
      />
      {children}
    </ClientMessages>
  );
}
