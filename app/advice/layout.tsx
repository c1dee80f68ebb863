import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";
import { WorkspaceNav } from "@/components/WorkspaceNav";
import { requireActor } from "@/server/auth/session";

export default async function AdviceLayout({ children }: { children: ReactNode }) {
  await requireActor(["ADVISER"]);
  const [t, handover, stats] = await Promise.all([getTranslations("advice"), getTranslations("handover"), getTranslations("adviceStats")]);
  return (
    // The hand-over pages (/advice/visits/<id>/handover, /advice/handovers) are the adviser's too.
    <ClientMessages namespaces={["advice", "handover"]}>
      <WorkspaceNav
        label={t("nav.label")}
        items={[
          { href: "/advice", label: t("nav.logVisit"), exact: true },
          { href: "/advice/handovers", label: handover("list.title"), exact: true },
          { href: "/advice/stats", label: stats("nav"), exact: true },
        ]}
      />
      {children}
    </ClientMessages>
  );
}
