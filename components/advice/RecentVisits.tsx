import Link from "next/link";
import styles from "./advice.module.css";

export interface RecentVisitRow {
  id: string;
  when: string;
  channel: string;
  languages: string;
  topics: string;
  outcome: string;
  /** The correction page's address, or null when the correction period is over. */
  correctHref: string | null;
  /** The hand-over page's address: the visitor agrees to be handed over to an authority. */
  handOverHref: string;
}

export interface RecentVisitTexts {
  title: string;
  empty: string;
  period: string;
  columns: { when: string; channel: string; languages: string; topics: string; outcome: string; action: string };
  correct: string;
  correctVisit: (when: string) => string;
  closed: string;
  handOver: string;
  handOverVisit: (when: string) => string;
}

/** The adviser's latest visits under the form, each with a link to correct it while that is allowed, and to hand the visitor over. */
export function RecentVisits({ rows, texts }: { rows: RecentVisitRow[]; texts: RecentVisitTexts }) {
  const c = texts.columns;
  return (
    <section className={styles.panel} aria-labelledby="recent-visits">
      <h2 id="recent-visits">{texts.title}</h2>
      <p className={styles.muted}>{texts.period}</p>
      {rows.length === 0 ? (
        <p>{texts.empty}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} aria-labelledby="recent-visits">
            <thead>
              <tr>
                <th scope="col">{c.when}</th>
                <th scope="col">{c.topics}</th>
                <th scope="col">{c.outcome}</th>
                <th scope="col">{c.channel}</th>
                <th scope="col">{c.languages}</th>
                <th scope="col">{c.action}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" data-label={c.when}>{r.when}</th>
                  <td data-label={c.topics}>{r.topics}</td>
                  <td data-label={c.outcome}>{r.outcome}</td>
                  <td data-label={c.channel}>{r.channel}</td>
                  <td data-label={c.languages}>{r.languages}</td>
                  <td>
                    <div className={styles.rowActions}>
                      {r.correctHref ? (
                        <Link href={r.correctHref} aria-label={texts.correctVisit(r.when)}>
                          {texts.correct}
                        </Link>
                      ) : (
                        <span className={styles.muted}>{texts.closed}</span>
                      )}
                      <Link href={r.handOverHref} aria-label={texts.handOverVisit(r.when)}>
                        {texts.handOver}
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
