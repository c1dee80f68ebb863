import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Heading } from "@/components/suomifi";
import { ListEntryForm } from "@/components/admin/ListEntryForm";
import { VISIT_LIST_KINDS } from "@/lib/schemas/admin";
import { requireActor } from "@/server/auth/session";
import { saveListEntryAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("listForm.newTitle") };
}

export default async function NewListEntryPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  await requireActor(["ADMIN"]);
  const [t, { kind }] = await Promise.all([getTranslations("admin"), searchParams]);
  const chosen = VISIT_LIST_KINDS.find((k) => k === kind) ?? "TOPIC";
  return (
    <div className="kp-stack">
      <Link href="/admin/lists">{t("listForm.back")}</Link>
      <Heading variant="h1">{t("listForm.newTitle")}</Heading>
      <ListEntryForm mode="create" defaults={{ kind: chosen, labelFi: "", labelSv: "", labelEn: "" }} submit={saveListEntryAction.bind(null, null)} />
    </div>
  );
}
