import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";
import { OfficialNav as WorkspaceNav } from "@/components/official/OfficialNav";
import { requireActor } from "@/server/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireActor(["ADMIN"]);
  const t = await getTranslations("admin");
  return (
    <ClientMessages namespaces={["admin"]}>
      {/* The official's workspace navigation is generic: a labelled list of links, the current page marked. */}
      <WorkspaceNav
        label={t("nav.label")}
        items={[
          { href: "/admin", label: t("nav.home"), exact: true },
          { href: "/admin/organisations", label: t("nav.organisations"), exact: false },
          { href: "/admin/users", label: t("nav.users"), exact: false },
          { href: "/admin/tokens", label: t("nav.tokens"), exact: false },
          { href: "/admin/outbox", label: t("nav.outbox"), exact: false },
          { href: "/admin/settings", label: t("nav.settings"), exact: false },
          { href: "/admin/audit", label: t("nav.audit"), exact: false },
        ]}
      />
      {children}
    </ClientMessages>
  );
}
