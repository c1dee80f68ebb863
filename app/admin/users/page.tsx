import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Heading } from "@/components/suomifi";
import admin from "@/components/admin/admin.module.css";
import styles from "@/components/official/official.module.css";
import { STAFF_ROLES, userListFilterSchema } from "@/lib/schemas/admin";
import { listUsers } from "@/server/admin/users";
import { requireActor } from "@/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("users.title") };
}

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const actor = await requireActor(["ADMIN"]);
  const parsed = userListFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : userListFilterSchema.parse({});
  const [t, shell, format, result] = await Promise.all([getTranslations("admin"), getTranslations("shell"), getFormatter(), listUsers(actor, filter)]);
  const { rows, total, page, pages } = result!;
  const query = (p: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filter, page: p })) if (value !== undefined && value !== "") params.set(key, String(value));
    return `/admin/users?${params}`;
  };
  return (
    <div className="kp-stack">
      <div className={styles.pageHead}>
        <Heading variant="h1">{t("users.title")}</Heading>
        <Link className={styles.secondary} href="/admin/users/invite">{t("users.invite")}</Link>
      </div>
      <form method="get" role="search" className={styles.filters} aria-label={t("users.title")}>
        <label>
          {t("users.search")}
          <input type="search" name="q" defaultValue={filter.q ?? ""} autoComplete="off" />
        </label>
        <label>
          {t("users.role")}
          <select name="role" defaultValue={filter.role ?? ""}>
            <option value="">{t("common.any")}</option>
            {STAFF_ROLES.map((r) => <option key={r} value={r}>{shell(`roles.${r}`)}</option>)}
          </select>
        </label>
        <label>
          {t("users.state")}
          <select name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("common.any")}</option>
            <option value="active">{t("users.stateFilter.active")}</option>
            <option value="deactivated">{t("users.stateFilter.deactivated")}</option>
          </select>
        </label>
        <button type="submit" className={styles.submit}>{t("common.apply")}</button>
      </form>
      <p role="status">{t("users.count", { count: total })}</p>
      {rows.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="kp-visually-hidden">{t("users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.organisation")}</th>
                <th scope="col">{t("users.state")}</th>
                <th scope="col">{t("users.lastSignIn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id}>
                  <td><Link href={`/admin/users/${u.id}`}>{u.name}</Link></td>
                  <td className={admin.wrap}>{u.email}</td>
                  <td>{shell(`roles.${u.role}`)}</td>
                  <td>{u.organisation?.name ?? t("common.none")}</td>
                  <td><span className={`${admin.tag} ${admin[u.state]}`}>{t(`users.states.${u.state}`)}</span></td>
                  <td>{u.lastSignInAt ? format.dateTime(u.lastSignInAt, { dateStyle: "short", timeStyle: "short" }) : t("users.never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t("common.pagination")} className={styles.pager}>
          {page > 1 && <Link href={query(page - 1)}>{t("common.previous")}</Link>}
          <span>{t("common.page", { page, pages })}</span>
          {page < pages && <Link href={query(page + 1)}>{t("common.next")}</Link>}
        </nav>
      )}
    </div>
  );
}
