import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Heading } from "@/components/suomifi";
import { PrintButton } from "@/components/provider/PrintButton";
import styles from "@/components/official/official.module.css";
import { requireActor } from "@/server/auth/session";
import { exportClientData } from "@/server/privacy/data-export";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("dataExport.title"), robots: { index: false } };
}

/** A subject-access request: everything held on the client, readable and printable (audited). */
export default async function ClientDataPage({ params }: Props) {
  const actor = await requireActor(["OFFICIAL"]);
  const { id } = await params;
  const data = await exportClientData(actor, id, "html");
  if (!data) notFound();
  const [t, labels, format] = await Promise.all([getTranslations("official"), getTranslations("labels"), getFormatter()]);
  const none = t("client.none");
  const day = (d: string | null) => (d ? format.dateTime(parseDate(d), CALENDAR_DAY) : none);
  const time = (d: string | null) => (d ? format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short" }) : none);
  const yes = (b: boolean) => (b ? t("client.yes") : t("client.no"));
  const text = (s: string | null) => s ?? none;
  const { client } = data;
  const template = (key: string) => {
    const short = key.replace(/^client\//, "");
    return t.has(`dataExport.templates.${short}`) ? t(`dataExport.templates.${short}` as "dataExport.templates.seat_offered") : key;
  };
  const fields: [string, string][] = [
    [t("client.clientNumber"), String(client.clientNumber)],
    [t("client.dateOfBirth"), day(client.dateOfBirth)],
    [t("client.identityCode"), text(client.identityCode)],
    [t("client.email"), text(client.email)],
    [t("client.phone"), text(client.phone)],
    [t("client.municipality"), text(client.municipality)],
    [t("client.preferredLanguage"), labels(`clientLanguage.${client.preferredLanguage}` as "clientLanguage.fi")],
    [t("client.nativeLanguage"), text(client.nativeLanguage)],
    [t("client.interpreterNeeded"), yes(client.interpreterNeeded)],
    [t("client.studyPath"), labels(`studyPath.${client.studyPath}` as "studyPath.BASIC")],
    [
      t("client.languageLevel"),
      `${client.languageLevel ? labels(`languageLevel.${client.languageLevel}` as "languageLevel.A0") : none}${client.placementTestOn ? ` (${t("client.placementTest", { date: day(client.placementTestOn) })})` : ""}`,
    ],
    [t("client.literacy"), client.literacy ? labels(`literacy.${client.literacy}` as "literacy.LITERATE") : none],
    [t("client.schooling"), client.yearsOfSchooling === null ? none : t("client.years", { count: client.yearsOfSchooling })],
    [t("dataExport.highestEducation"), text(client.highestEducation)],
    [t("client.workExperience"), text(client.workExperience)],
    [t("client.assessment"), [client.assessedOn && day(client.assessedOn), client.assessedBy].filter(Boolean).join(", ") || none],
    [t("client.inIntegrationProgramme"), yes(client.inIntegrationProgramme)],
    [
      t("client.integrationPlan"),
      client.integrationPlanStartsOn || client.integrationPlanEndsOn ? `${day(client.integrationPlanStartsOn)} – ${day(client.integrationPlanEndsOn)}` : none,
    ],
    [t("dataExport.needsChildcare"), yes(client.needsChildcare)],
    [t("dataExport.needsAccessibility"), yes(client.needsAccessibility)],
    [t("dataExport.eveningOnly"), yes(client.eveningOnly)],
    [t("dataExport.specialNeeds"), text(client.specialNeeds)],
    [t("client.notes"), text(client.notes)],
    [t("dataExport.created"), time(client.createdAt)],
    [t("dataExport.updated"), time(client.updatedAt)],
  ];

  return (
    <div className="kp-stack kp-printable">
      <Link href={`/official/clients/${id}`} className={styles.noPrint}>{t("dataExport.back")}</Link>
      <Heading variant="h1">{t("dataExport.heading", { name: `${client.firstName} ${client.lastName}` })}</Heading>
      <p>{t("dataExport.intro")}</p>
      <p>{t("dataExport.generated", { date: time(data.generatedAt), office: data.office.name })}</p>
      <div className={`${styles.actions} ${styles.noPrint}`}>
        <PrintButton label={t("dataExport.print")} />
        <a className={styles.secondary} href={`/official/clients/${id}/data/json`} download>{t("dataExport.downloadJson")}</a>
      </div>

      <section className={styles.panel} aria-labelledby="personal-heading">
        <Heading variant="h2" id="personal-heading">{t("dataExport.personal")}</Heading>
        <dl className={styles.details}>
          {fields.map(([label, value]) => (
            <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
          ))}
        </dl>
      </section>

      <section className="kp-stack" aria-labelledby="enrolments-heading">
        <Heading variant="h2" id="enrolments-heading">{t("dataExport.enrolments")}</Heading>
        {data.enrolments.length === 0 && <p>{t("dataExport.noEnrolments")}</p>}
        {data.enrolments.map((e, i) => (
          <section key={i} className={styles.panel} aria-labelledby={`enrolment-${i}`}>
            <Heading variant="h3" id={`enrolment-${i}`}>
              {e.course.name} · {labels(`enrolmentStatus.${e.status}` as "enrolmentStatus.OFFERED")}
            </Heading>
            <p>{e.course.provider}, {e.course.municipality} · {t("client.courseDates", { start: day(e.course.startsOn), end: day(e.course.endsOn) })}</p>
            <dl className={styles.details}>
              <div><dt>{t("dataExport.referredAt")}</dt><dd>{time(e.referredAt)}</dd></div>
              <div><dt>{t("dataExport.referralNote")}</dt><dd>{text(e.referralNote)}</dd></div>
              <div><dt>{t("dataExport.priority")}</dt><dd>{labels(`priority.${e.priority}` as "priority.NORMAL")}{e.priorityReason && ` · ${e.priorityReason}`}</dd></div>
              <div><dt>{t("dataExport.offeredAt")}</dt><dd>{time(e.offeredAt)}</dd></div>
              <div><dt>{t("dataExport.offerExpiresAt")}</dt><dd>{time(e.offerExpiresAt)}</dd></div>
              <div><dt>{t("dataExport.confirmedAt")}</dt><dd>{time(e.confirmedAt)}</dd></div>
              <div><dt>{t("dataExport.startedAt")}</dt><dd>{time(e.startedAt)}</dd></div>
              <div><dt>{t("dataExport.endedAt")}</dt><dd>{time(e.endedAt)}</dd></div>
              <div><dt>{t("dataExport.statusReason")}</dt><dd>{text(e.statusReason)}</dd></div>
            </dl>
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption className="kp-visually-hidden">{t("dataExport.events")}: {e.course.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("dataExport.eventAt")}</th>
                    <th scope="col">{t("dataExport.eventBy")}</th>
                    <th scope="col">{t("dataExport.eventChange")}</th>
                    <th scope="col">{t("dataExport.eventReason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.events.map((v, j) => (
                    <tr key={j}>
                      <td>{time(v.at)}</td>
                      <td>{labels(`actorKind.${v.actorKind}` as "actorKind.USER")}</td>
                      <td>
                        {v.fromStatus ? `${labels(`enrolmentStatus.${v.fromStatus}` as "enrolmentStatus.OFFERED")} → ` : ""}
                        {labels(`enrolmentStatus.${v.toStatus}` as "enrolmentStatus.OFFERED")}
                      </td>
                      <td>{text(v.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </section>

      <section className="kp-stack" aria-labelledby="emails-heading">
        <Heading variant="h2" id="emails-heading">{t("dataExport.emails")}</Heading>
        {data.emails.length === 0 ? (
          <p>{t("dataExport.noEmails")}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t("dataExport.emailSent")}</th>
                  <th scope="col">{t("dataExport.emailMessage")}</th>
                  <th scope="col">{t("dataExport.emailTo")}</th>
                  <th scope="col">{t("dataExport.emailLanguage")}</th>
                  <th scope="col">{t("dataExport.emailStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {data.emails.map((m, i) => (
                  <tr key={i}>
                    <td>{time(m.sentAt ?? m.createdAt)}</td>
                    <td>{template(m.template)}</td>
                    <td>{m.to}</td>
                    <td>{labels.has(`clientLanguage.${m.language}`) ? labels(`clientLanguage.${m.language}` as "clientLanguage.fi") : m.language}</td>
                    <td>{t(`dataExport.emailStatuses.${m.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
