import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Heading } from "@/components/suomifi";
import { StatusTag, type EnrolmentStatusName } from "@/components/enrolment/StatusTag";
import { ClosePoolForm, type ClosePool } from "./ClosePoolForm";
import styles from "./official.module.css";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

/** A pooled referral as the client page shows it (plain data from poolStatusOfClient). */
export interface PoolView {
  id: string;
  status: "ACTIVE" | "PLACED" | "CLOSED";
  referredAt: Date;
  priority: "NORMAL" | "URGENT";
  criteria: {
    studyPath: string | null;
    levelFit: boolean;
    municipalities: string[];
    includeRemote: boolean;
    schedule: string | null;
    instructionLanguage: string | null;
    startFrom: string | null;
    startTo: string | null;
  };
  rankedCourses: { courseId: string; courseName: string; rank: number }[];
  places: { enrolmentId: string; courseName: string; status: EnrolmentStatusName; preferenceRank: number | null; conditional: boolean; queuePosition: number | null }[];
  pendingCourses: { courseId: string; courseName: string }[];
}

/** The criteria in words, one line per kind of criterion. */
function CriteriaList({ criteria }: { criteria: PoolView["criteria"] }) {
  const t = useTranslations("official");
  const labels = useTranslations("labels");
  const format = useFormatter();
  const day = (d: string) => format.dateTime(parseDate(d), CALENDAR_DAY);
  if (!criteria.studyPath) return <p>{t("pool.criteria.onlyChosen")}</p>;
  const place =
    criteria.municipalities.length === 0
      ? criteria.includeRemote ? t("pool.criteria.remoteOnly") : t("pool.criteria.anywhere")
      : criteria.includeRemote
        ? t("pool.criteria.inAndRemote", { places: format.list(criteria.municipalities) })
        : t("pool.criteria.in", { places: format.list(criteria.municipalities) });
  const start =
    criteria.startFrom && criteria.startTo ? t("pool.criteria.startBetween", { from: day(criteria.startFrom), to: day(criteria.startTo) })
    : criteria.startFrom ? t("pool.criteria.startFrom", { from: day(criteria.startFrom) })
    : criteria.startTo ? t("pool.criteria.startTo", { to: day(criteria.startTo) })
    : t("pool.criteria.anyStart");
  return (
    <dl className={styles.poolFacts}>
      <dt>{t("pool.studyPath")}</dt>
      <dd>{labels(`studyPath.${criteria.studyPath}`)}</dd>
      <dt>{t("pool.criteria.level")}</dt>
      <dd>{criteria.levelFit ? t("pool.criteria.levelFits") : t("pool.criteria.anyLevel")}</dd>
      <dt>{t("pool.criteria.place")}</dt>
      <dd>{place}</dd>
      <dt>{t("pool.schedule")}</dt>
      <dd>{criteria.schedule ? labels(`schedule.${criteria.schedule}`) : t("pool.any")}</dd>
      <dt>{t("pool.instructionLanguage")}</dt>
      <dd>{criteria.instructionLanguage ? labels(`instructionLanguage.${criteria.instructionLanguage}`) : t("pool.any")}</dd>
      <dt>{t("pool.criteria.start")}</dt>
      <dd>{start}</dd>
    </dl>
  );
}

function PoolDetails({ pool, clientId, closePool }: { pool: PoolView; clientId: string; closePool: ClosePool }) {
  const t = useTranslations("official");
  const labels = useTranslations("labels");
  const format = useFormatter();
  const anyConditional = pool.places.some((p) => p.conditional);
  const active = pool.status === "ACTIVE";
  const body = (
    <>
      <h4>{t("pool.choicesTitle")}</h4>
      {pool.rankedCourses.length === 0 ? (
        <p>{t("pool.noRanked")}</p>
      ) : (
        <ol className={styles.list}>
          {pool.rankedCourses.map((c) => <li key={c.courseId}>{c.courseName}</li>)}
        </ol>
      )}
      <h4>{t("pool.criteriaTitle")}</h4>
      <CriteriaList criteria={pool.criteria} />
      <h4>{t("pool.placesTitle")}</h4>
      {pool.places.length === 0 ? (
        <p>{t("pool.noPlaces")}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.stackTable}`}>
            <caption className="kp-visually-hidden">{t("pool.placesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pool.course")}</th>
                <th scope="col">{t("pool.rank")}</th>
                <th scope="col">{t("pool.placeStatus")}</th>
                <th scope="col">{t("pool.position")}</th>
              </tr>
            </thead>
            <tbody>
              {pool.places.map((p) => (
                <tr key={p.enrolmentId}>
                  <th scope="row"><a href={`#enrolment-${p.enrolmentId}`}>{p.courseName}</a></th>
                  <td data-label={t("pool.rank")}>{p.preferenceRank ? t("pool.rankValue", { rank: p.preferenceRank }) : t("pool.byCriteria")}</td>
                  <td data-label={t("pool.placeStatus")}>
                    <span className={styles.inline}>
                      <StatusTag status={p.status} />
                      {p.conditional && <span className={styles.conditionalMarker}>{t("pool.conditionalSeat")}</span>}
                    </span>
                  </td>
                  <td data-label={t("pool.position")}>{p.queuePosition ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {anyConditional && <p className={styles.hint}>{t("pool.conditionalExplained")}</p>}
      {pool.pendingCourses.length > 0 && <p>{t("pool.pending", { courses: format.list(pool.pendingCourses.map((c) => c.courseName)) })}</p>}
    </>
  );
  return (
    <article className={styles.enrolment} aria-labelledby={`pool-${pool.id}`}>
      <div className={styles.enrolmentHead}>
        <h3 id={`pool-${pool.id}`}>{t("pool.referredOn", { date: format.dateTime(pool.referredAt, { dateStyle: "medium" }) })}</h3>
        <span className={styles.marker}>{t(`pool.status.${pool.status}`)}</span>
      </div>
      {pool.priority === "URGENT" && <p className={styles.poolMeta}><strong>{labels("priority.URGENT")}</strong></p>}
      {active ? <div>{body}</div> : <details><summary>{t("pool.showEnded")}</summary>{body}</details>}
      {/* Kept in the same place after the pool ends, so the result of ending it stays announced. */}
      <ClosePoolForm clientId={clientId} queueEntryId={pool.id} active={active} closePool={closePool} />
    </article>
  );
}

/** The client's pooled referrals on the client page, newest first: the active one in full, ended ones folded. */
export function PoolPanel({ pools, clientId, closePool }: { pools: PoolView[]; clientId: string; closePool: ClosePool }) {
  const t = useTranslations("official");
  return (
    <section className={styles.panel} aria-labelledby="pool-heading">
      <Heading variant="h2" id="pool-heading">{t("pool.panelTitle")}</Heading>
      {!pools.some((p) => p.status === "ACTIVE") && (
        <p>
          {t("pool.none")} <Link href={`/official/clients/${clientId}/pool`}>{t("pool.make")}</Link>
        </p>
      )}
      {pools.map((pool) => <PoolDetails key={pool.id} pool={pool} clientId={clientId} closePool={closePool} />)}
    </section>
  );
}
