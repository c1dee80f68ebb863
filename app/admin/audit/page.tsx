import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Heading, InlineAlert, Paragraph } from "@/components/suomifi";
import admin from "@/components/admin/admin.module.css";
import styles from "@/components/official/official.module.css";
import { auditFilterSchema } from "@/lib/schemas/admin";
import { searchAuditLog } from "@/server/admin/audit-log";
import { requireActor } from "@/server/auth/session";
import { FINNISH_TIME_ZONE } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("audit.title") };
}

type Props = { searchParams: Promise<Record<string, string | undefined>> };
const FIELDS = ["actor", "action", "clientId", "courseId", "from", "to"] as const;

export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requireActor(["ADMIN"]);
  const raw = await searchParams;
  const parsed = auditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : auditFilterSchema.parse({});
  const [t, format, result] = await Promise.all([getTranslations("admin"), getFormatter(), searchAuditLog(actor, filter)]);
  const { rows, page, hasNext } = result!;
  const invalid = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].filter((f): f is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(f));
  const query = (p: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filter, page: p })) if (value !== undefined && value !== "") params.set(key, String(value));
    return `/admin/audit?${params}`;
  };
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "medium", timeZone: FINNISH_TIME_ZONE });
  // Shown as typed, so a mistyped filter can be corrected.
  const typed = (f: (typeof FIELDS)[number]) => (parsed.success ? (filter[f] ?? "") : (raw[f] ?? ""));

  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("audit.title")}</Heading>
      <Paragraph>{t("audit.intro")}</Paragraph>
      <form method="get" role="search" className={styles.filters} aria-label={t("audit.filters")}>
        <label>
          {t("audit.actor")}
          <input type="search" name="actor" defaultValue={typed("actor")} autoComplete="off" />
        </label>
        <label>
          {t("audit.action")}
          <input type="text" name="action" defaultValue={typed("action")} autoComplete="off" />
        </label>
        <label>
          {t("audit.clientId")}
          <input type="text" name="clientId" defaultValue={typed("clientId")} autoComplete="off" aria-invalid={invalid.includes("clientId") || undefined} />
        </label>
        <label>
          {t("audit.courseId")}
          <input type="text" name="courseId" defaultValue={typed("courseId")} autoComplete="off" aria-invalid={invalid.includes("courseId") || undefined} />
        </label>
        <label>
          {t("audit.from")}
          <input type="text" name="from" inputMode="numeric" defaultValue={typed("from")} autoComplete="off" aria-invalid={invalid.includes("from") || undefined} />
        </label>
        <label>
          {t("audit.to")}
          <input type="text" name="to" inputMode="numeric" defaultValue={typed("to")} autoComplete="off" aria-invalid={invalid.includes("to") || undefined} />
        </label>
        <button type="submit" className={styles.submit}>{t("common.apply")}</button>
      </form>
      <div role="status" aria-live="polite">
        {invalid.length > 0 && <InlineAlert status="error">{t("audit.invalidFilter", { fields: invalid.map((f) => t(`audit.${f}`)).join(", ") })}</InlineAlert>}
      </div>

      {rows.length === 0 ? (
        <Paragraph>{t("audit.empty")}</Paragraph>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="kp-visually-hidden">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.details")}</th>
                <th scope="col">{t("audit.ip")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className={admin.nowrap}>{when(r.at)}</td>
                  <td>
                    {r.actorName ? (
                      <>
                        {r.actorName}
                        <br />
                        <span className={`${admin.muted} ${admin.wrap}`}>{r.actorEmail}</span>
                      </>
                    ) : (
                      <span className={admin.muted}>{t("audit.system")}</span>
                    )}
                  </td>
                  <td className={admin.nowrap}><code>{r.action}</code></td>
                  <td className={admin.wrap}>
                    {[r.entityType && `${r.entityType} ${r.entityId ?? ""}`.trim(), r.organisationName, r.clientId && t("audit.client", { id: r.clientId }), r.courseId && t("audit.course", { id: r.courseId })]
                      .filter(Boolean)
                      .map((line) => <div key={String(line)}>{line}</div>)}
                  </td>
                  <td className={admin.details}>{r.details ?? ""}</td>
                  <td>{r.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {(page > 1 || hasNext) && (
        <nav aria-label={t("common.pagination")} className={styles.pager}>
          {page > 1 && <Link href={query(page - 1)}>{t("common.previous")}</Link>}
          <span>{t("common.pageOnly", { page })}</span>
          {hasNext && <Link href={query(page + 1)}>{t("common.next")}</Link>}
        </nav>
      )}

      <form method="get" action="/admin/audit/export" className={styles.filters} aria-label={t("audit.exportTitle")}>
        {FIELDS.map((key) => (filter[key] ? <input key={key} type="hidden" name={key} value={filter[key]} /> : null))}
        <p className={admin.fullRow}>{t("audit.exportHint")}</p>
        <button type="submit" name="format" value="csv" className={styles.secondary}>{t("audit.exportCsv")}</button>
        <button type="submit" name="format" value="xlsx" className={styles.secondary}>{t("audit.exportXlsx")}</button>
      </form>
    </div>
  );
}
