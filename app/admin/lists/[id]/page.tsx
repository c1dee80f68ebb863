import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button, Heading } from "@/components/suomifi";
import { ListEntryForm } from "@/components/admin/ListEntryForm";
import styles from "@/components/admin/admin.module.css";
import { getListEntry } from "@/server/admin/lists";
import { requireActor } from "@/server/auth/session";
import { saveListEntryAction, setListEntryRetiredAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("listForm.editTitle") };
}

export default async function ListEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["ADMIN"]);
  const entry = await getListEntry(actor, (await params).id);
  if (!entry) notFound();
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  return (
    <div className="kp-stack">
      <Link href="/admin/lists">{t("listForm.back")}</Link>
      <Heading variant="h1">{t("listForm.editTitle")}</Heading>
      <section className={styles.panel} aria-labelledby="entry-facts">
        <h2 id="entry-facts">{entry.labelFi}</h2>
        <dl className={styles.facts}>
          <dt>{t("listForm.kind")}</dt>
          <dd>{t(`lists.kinds.${entry.kind}.heading`)}</dd>
          <dt>{t("lists.columns.state")}</dt>
          <dd>
            <span className={`${styles.tag} ${entry.retiredAt ? styles.deactivated : styles.active}`}>
              {entry.retiredAt ? t("listForm.retiredOn", { date: format.dateTime(entry.retiredAt, { dateStyle: "medium" }) }) : t("lists.states.active")}
            </span>
          </dd>
          <dt>{t("lists.columns.visits")}</dt>
          <dd>{t("listForm.usage", { count: entry.visits })}</dd>
          {entry.code && (
            <>
              <dt>{t("listForm.code")}</dt>
              <dd><code>{entry.code}</code></dd>
            </>
          )}
        </dl>
        <form action={setListEntryRetiredAction} className="kp-stack">
          <input type="hidden" name="id" value={entry.id} />
          <input type="hidden" name="retired" value={entry.retiredAt ? "0" : "1"} />
          <p>{entry.retiredAt ? t("listForm.reinstateHint") : t("listForm.retireHint")}</p>
          <Button type="submit" variant="secondary">{entry.retiredAt ? t("lists.reinstate") : t("lists.retire")}</Button>
        </form>
      </section>
      <ListEntryForm mode="edit" defaults={{ kind: entry.kind, labelFi: entry.labelFi, labelSv: entry.labelSv, labelEn: entry.labelEn }} submit={saveListEntryAction.bind(null, entry.id)} />
    </div>
  );
}
