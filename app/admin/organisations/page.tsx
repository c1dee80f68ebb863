import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Heading, InlineAlert } from "@/components/suomifi";
import admin from "@/components/admin/admin.module.css";
import styles from "@/components/official/official.module.css";
import { ORGANISATION_TYPES } from "@/lib/schemas/admin";
import { listOrganisations } from "@/server/admin/organisations";
import { requireActor } from "@/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("organisations.title") };
}

type Props = { searchParams: Promise<{ q?: string; type?: string; saved?: string }> };

export default async function OrganisationsPage({ searchParams }: Props) {
  const actor = await requireActor(["ADMIN"]);
  const { q, type, saved } = await searchParams;
  const query = q?.trim().slice(0, 100) || undefined;
  const [t, organisations] = await Promise.all([getTranslations("admin"), listOrganisations(actor, { q: query, type })]);
  const rows = organisations ?? [];
  return (
    <div className="kp-stack">
      <div className={styles.pageHead}>
        <Heading variant="h1">{t("organisations.title")}</Heading>
        <Link className={styles.secondary} href="/admin/organisations/new">{t("organisations.new")}</Link>
      </div>
      <div role="status" aria-live="polite">
        {(saved === "created" || saved === "updated") && <InlineAlert status="neutral">{t(`organisations.${saved}`)}</InlineAlert>}
      </div>
      <form method="get" role="search" className={styles.filters} aria-label={t("organisations.title")}>
        <label>
          {t("organisations.search")}
          <input type="search" name="q" defaultValue={query ?? ""} autoComplete="off" />
        </label>
        <label>
          {t("organisations.type")}
          <select name="type" defaultValue={type ?? ""}>
            <option value="">{t("common.any")}</option>
            {ORGANISATION_TYPES.map((v) => <option key={v} value={v}>{t(`organisationType.${v}`)}</option>)}
          </select>
        </label>
        <button type="submit" className={styles.submit}>{t("common.apply")}</button>
      </form>
      <p role="status">{t("organisations.count", { count: rows.length })}</p>
      {rows.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="kp-visually-hidden">{t("organisations.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("organisations.name")}</th>
                <th scope="col">{t("organisations.type")}</th>
                <th scope="col">{t("organisations.businessId")}</th>
                <th scope="col">{t("organisations.municipality")}</th>
                <th scope="col">{t("organisations.contact")}</th>
                <th scope="col">{t("organisations.activeUsers")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <td><Link href={`/admin/organisations/${o.id}`}>{o.name}</Link></td>
                  <td>{t(`organisationType.${o.type}`)}{o.operator && ` · ${t(`advicePointOperator.${o.operator}`)}`}</td>
                  <td className={admin.nowrap}>{o.businessId ?? t("common.none")}</td>
                  <td>{o.municipality}</td>
                  <td className={admin.wrap}>{[o.email, o.phone, o.address].filter(Boolean).join(" · ") || t("common.none")}</td>
                  <td>{o.activeUsers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
