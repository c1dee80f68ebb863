import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Heading } from "@/components/suomifi";
import { PrintButton } from "@/components/provider/PrintButton";
import styles from "@/components/provider/provider.module.css";
import { requireActor } from "@/server/auth/session";
import { participants } from "@/server/provider/workspace";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("attendance.title") };
}

const SESSIONS = 10;

/** A printable attendance sheet: confirmed and started participants, with empty boxes to tick. */
export default async function AttendancePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["PROVIDER_STAFF"]);
  const data = await participants(actor, (await params).id, "attendance");
  if (!data) notFound();
  const [t, format] = await Promise.all([getTranslations("provider"), getFormatter()]);
  const day = (d: string | null) => (d ? format.dateTime(parseDate(d), CALENDAR_DAY) : "–");
  return (
    // kp-printable: on paper only the sheet, no service header, footer or skip link (globals.css).
    <div className={`kp-stack kp-printable ${styles.printable}`}>
      <Link href={`/provider/courses/${data.course.id}`} className={styles.noPrint}>{t("backToCourse", { name: data.course.name })}</Link>
      <Heading variant="h1">{t("attendance.heading", { name: data.course.name })}</Heading>
      <p>{t("attendance.period", { from: day(data.course.startsOn), to: day(data.course.endsOn), place: data.course.municipality })}</p>
      <PrintButton label={t("attendance.print")} />
      <table className={`${styles.table} ${styles.attendance}`}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("attendance.name")}</th>
            {Array.from({ length: SESSIONS }, (_, i) => (
              <th scope="col" key={i}>
                <span className="kp-visually-hidden">{t("attendance.session", { n: i + 1 })}</span>
                <span aria-hidden="true">{i + 1}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <td>{r.client.lastName}, {r.client.firstName}</td>
              {Array.from({ length: SESSIONS }, (_, j) => (
                <td key={j} className={styles.box} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {data.rows.length === 0 && <p>{t("attendance.empty")}</p>}
      <p className={styles.signature}>{t("attendance.signature")}</p>
    </div>
  );
}
