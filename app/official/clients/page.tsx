import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Heading } from "@/components/suomifi";
import { StatusTag } from "@/components/enrolment/StatusTag";
import styles from "@/components/official/official.module.css";
import { EnrolmentStatus } from "@/lib/enums";
import { clientRegisterFilterSchema } from "@/lib/schemas/official";
import { requireActor } from "@/server/auth/session";
import { REGISTER_SEARCH_COOKIE, registerParams, registerTermOf, searchClientRegister } from "@/server/official/register";
import { searchRegister } from "./actions";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const PATHS = ["FAST", "BASIC", "SLOW", "LITERACY"] as const;
const STATUSES = Object.values(EnrolmentStatus);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("register.title") };
}

export default async function ClientRegisterPage({ searchParams }: Props) {
  const actor = await requireActor(["OFFICIAL"]);
  const params = await searchParams;
  // The term comes from the search form's kept search (`search=<id>`), never whole in the address.
  const term = registerTermOf(params, (await cookies()).get(REGISTER_SEARCH_COOKIE)?.value, actor);
  const parsed = clientRegisterFilterSchema.safeParse({ ...params, q: term.q });
  const filter = parsed.success ? parsed.data : clientRegisterFilterSchema.parse({});
  const result = term.refused ? null : (await searchClientRegister(actor, filter))!;
  const [t, labels, format] = await Promise.all([getTranslations("official"), getTranslations("labels"), getFormatter()]);
  const query = (page: number) => `/official/clients?${registerParams({ ...filter, page }, term)}`;
  const day = (d: string) => format.dateTime(parseDate(d), CALENDAR_DAY);

  return (
    <div className="kp-stack">
      <div className={styles.pageHead}>
        <Heading variant="h1">{t("register.title")}</Heading>
        <Link className={styles.secondary} href="/official/clients/new">{t("nav.newClient")}</Link>
      </div>

      <form action={searchRegister} role="search" className={styles.filters} aria-label={t("register.title")}>
        <label className={styles.fullRow}>
          {t("register.search")}
          <input type="search" name="q" defaultValue={filter.q ?? ""} aria-describedby="search-hint" autoComplete="off" />
          <span id="search-hint" className={styles.hint}>{t("register.searchHint")}</span>
        </label>
        <label>
          {t("register.studyPath")}
          <select name="studyPath" defaultValue={filter.studyPath ?? ""}>
            <option value="">{t("register.any")}</option>
            {PATHS.map((p) => <option key={p} value={p}>{labels(`studyPath.${p}`)}</option>)}
          </select>
        </label>
        <label>
          {t("register.placement")}
          <select name="placement" defaultValue={filter.placement ?? ""}>
            <option value="">{t("register.any")}</option>
            <option value="waiting">{t("register.placementWaiting")}</option>
            <option value="pooled">{t("register.placementPooled")}</option>
            <option value="placed">{t("register.placementPlaced")}</option>
            <option value="none">{t("register.placementNone")}</option>
          </select>
        </label>
        <label>
          {t("register.status")}
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("register.any")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{labels(`enrolmentStatus.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit" className={styles.submit}>{t("register.apply")}</button>
      </form>

      <p role="status">
        {!result ? t(`register.${term.refused!}`) : result.capped ? t("register.countCapped", { count: result.total }) : t("register.count", { count: result.total })}
      </p>

      {result && result.rows.length > 0 && (
        <form method="get" action="/official/bulk" className="kp-stack">
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption className="kp-visually-hidden">{t("register.title")}</caption>
              <thead>
                <tr>
                  <th scope="col"><span className="kp-visually-hidden">{t("register.selectColumn")}</span></th>
                  <th scope="col">{t("register.name")}</th>
                  <th scope="col">{t("register.clientNumber")}</th>
                  <th scope="col">{t("register.dateOfBirth")}</th>
                  <th scope="col">{t("register.studyPath")}</th>
                  <th scope="col">{t("register.enrolments")}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <input type="checkbox" name="client" value={c.id} aria-label={t("register.select", { name: `${c.firstName} ${c.lastName}` })} />
                    </td>
                    <td><Link href={`/official/clients/${c.id}`}>{c.lastName}, {c.firstName}</Link></td>
                    <td>{c.clientNumber}</td>
                    <td>{day(c.dateOfBirth)}</td>
                    <td>{labels(`studyPath.${c.studyPath}`)}</td>
                    <td>
                      <span className={styles.inline}>
                        {c.pooled && <span className={styles.marker}>{t("pool.pooledMarker")}</span>}
                        {c.live.map((s, i) => <StatusTag key={`${s}${i}`} status={s} />)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit" className={styles.secondary}>{t("register.referSelected")}</button>
        </form>
      )}

      {result && (result.page > 1 || result.hasNext) && (
        <nav aria-label={t("register.pagination")} className={styles.pager}>
          {result.page > 1 && <Link href={query(result.page - 1)}>{t("register.previous")}</Link>}
          <span>{result.pages ? t("register.page", { page: result.page, pages: result.pages }) : t("register.pageOnly", { page: result.page })}</span>
          {result.hasNext && <Link href={query(result.page + 1)}>{t("register.next")}</Link>}
        </nav>
      )}

      <form method="get" action="/official/clients/export" className={styles.filters} aria-label={t("register.exportTitle")}>
        {[...registerParams({ ...filter, page: undefined }, term)].map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
        <label className={`${styles.fullRow} ${styles.checkRow}`}>
          <input type="checkbox" name="identityCodes" value="1" className={styles.checkbox} />
          {t("register.includeIdentityCodes")}
        </label>
        <button type="submit" name="format" value="csv" className={styles.secondary}>{t("register.exportCsv")}</button>
        <button type="submit" name="format" value="xlsx" className={styles.secondary}>{t("register.exportXlsx")}</button>
      </form>
    </div>
  );
}
