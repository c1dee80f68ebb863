import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Heading, InlineAlert, Paragraph } from "@/components/suomifi";
import admin from "@/components/admin/admin.module.css";
import styles from "@/components/official/official.module.css";
import { VISIT_LIST_KINDS } from "@/lib/schemas/admin";
import { listVisitLists } from "@/server/admin/lists";
import { requireActor } from "@/server/auth/session";
import { moveListEntryAction, setListEntryRetiredAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("lists.title") };
}

const NOTICES = ["created", "updated", "moved", "retired", "reinstated"] as const;
const FAILURES = ["NOT_FOUND", "LABEL_TAKEN", "LAST_ACTIVE"] as const;

export default async function ListsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireActor(["ADMIN"]);
  const [t, lists, { done }] = await Promise.all([getTranslations("admin"), listVisitLists(actor), searchParams]);
  const notice = NOTICES.find((n) => n === done);
  const failure = FAILURES.find((f) => f === done);
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("lists.title")}</Heading>
      <Paragraph>{t("lists.intro")}</Paragraph>
      <div role="status" aria-live="polite">
        {notice && <InlineAlert status="neutral">{t(`lists.done.${notice}`)}</InlineAlert>}
        {failure && <InlineAlert status="error">{t(`failures.${failure}`)}</InlineAlert>}
      </div>
      {VISIT_LIST_KINDS.map((kind) => {
        const rows = lists![kind];
        const headingId = `list-${kind}`;
        return (
          <section key={kind} aria-labelledby={headingId} className="kp-stack">
            <div className={styles.pageHead}>
              <Heading variant="h2" id={headingId}>{t(`lists.kinds.${kind}.heading`)}</Heading>
              <Link className={styles.secondary} href={`/admin/lists/new?kind=${kind}`}>{t(`lists.kinds.${kind}.add`)}</Link>
            </div>
            <p>{t("lists.count", { active: rows.filter((r) => !r.retiredAt).length, retired: rows.filter((r) => r.retiredAt).length })}</p>
            <div className={styles.tableWrap}>
              <table className={styles.table} aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col">{t("lists.columns.position")}</th>
                    <th scope="col">{t("lists.columns.labelFi")}</th>
                    <th scope="col">{t("lists.columns.labelSv")}</th>
                    <th scope="col">{t("lists.columns.labelEn")}</th>
                    <th scope="col">{t("lists.columns.visits")}</th>
                    <th scope="col">{t("lists.columns.state")}</th>
                    <th scope="col">{t("lists.columns.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((entry, index) => (
                    <tr key={entry.id} id={`entry-${entry.id}`} className={entry.retiredAt ? admin.retiredRow : undefined}>
                      <td>{index + 1}</td>
                      <th scope="row"><Link href={`/admin/lists/${entry.id}`} aria-label={t("lists.editLabel", { name: entry.labelFi })}>{entry.labelFi}</Link></th>
                      <td lang="sv">{entry.labelSv}</td>
                      <td lang="en">{entry.labelEn}</td>
                      <td>{entry.visits}</td>
                      <td>
                        <span className={`${admin.tag} ${entry.retiredAt ? admin.deactivated : admin.active}`}>{entry.retiredAt ? t("lists.states.retired") : t("lists.states.active")}</span>
                      </td>
                      <td>
                        <div className={admin.rowActions}>
                          {index > 0 && (
                            <form action={moveListEntryAction}>
                              <input type="hidden" name="id" value={entry.id} />
                              <input type="hidden" name="direction" value="up" />
                              <button type="submit" className={admin.rowButton} aria-label={t("lists.moveUpLabel", { name: entry.labelFi })}>{t("lists.moveUp")}</button>
                            </form>
                          )}
                          {index < rows.length - 1 && (
                            <form action={moveListEntryAction}>
                              <input type="hidden" name="id" value={entry.id} />
                              <input type="hidden" name="direction" value="down" />
                              <button type="submit" className={admin.rowButton} aria-label={t("lists.moveDownLabel", { name: entry.labelFi })}>{t("lists.moveDown")}</button>
                            </form>
                          )}
                          <form action={setListEntryRetiredAction}>
                            <input type="hidden" name="id" value={entry.id} />
                            <input type="hidden" name="retired" value={entry.retiredAt ? "0" : "1"} />
                            <button type="submit" className={`${admin.rowButton} ${entry.retiredAt ? "" : admin.danger}`} aria-label={t(entry.retiredAt ? "lists.reinstateLabel" : "lists.retireLabel", { name: entry.labelFi })}>
                              {entry.retiredAt ? t("lists.reinstate") : t("lists.retire")}
                            </button>
                          </form>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
