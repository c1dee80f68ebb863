import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Heading } from "@/components/suomifi";
import { EventTimeline } from "@/components/enrolment/EventTimeline";
import { StatusTag } from "@/components/enrolment/StatusTag";
import { EnrolmentActions } from "@/components/official/EnrolmentActions";
import { PoolPanel } from "@/components/official/PoolPanel";
import { RevealIdentityCode } from "@/components/official/RevealIdentityCode";
import { SavedNotice } from "@/components/official/SavedNotice";
import styles from "@/components/official/official.module.css";
import { actOnEnrolment, closePoolAction, showIdentityCode } from "@/app/official/actions";
import { requireActor } from "@/server/auth/session";
import { clientPage } from "@/server/official/client-page";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("client.title") };
}

export default async function ClientPage({ params, searchParams }: Props) {
  const actor = await requireActor(["OFFICIAL"]);
  const data = await clientPage(actor, (await params).id);
  if (!data) notFound();
  const { saved } = await searchParams;
  const [t, labels, format] = await Promise.all([getTranslations("official"), getTranslations("labels"), getFormatter()]);
  const { client, enrolments, pools } = data;
  const pooling = pools.some((p) => p.status === "ACTIVE");
  const day = (d: string | null) => (d ? format.dateTime(parseDate(d), CALENDAR_DAY) : t("client.none"));
  const yes = (b: boolean) => (b ? t("client.yes") : t("client.no"));
  const assessment = client.assessedOn && client.assessedBy ? t("client.assessmentDone", { date: day(client.assessedOn), by: client.assessedBy }) : client.assessedOn ? day(client.assessedOn) : client.assessedBy;
  const needs = [client.needsChildcare && t("client.needs.childcare"), client.needsAccessibility && t("client.needs.accessibility"), client.eveningOnly && t("client.needs.eveningOnly")].filter(Boolean).join(", ");

  return (
    <div className="kp-stack">
      {saved && <SavedNotice message={t("client.saved")} />}
      <div className={styles.pageHead}>
        <Heading variant="h1">
          {client.lastName}, {client.firstName}
        </Heading>
        <div className={styles.actions}>
          <Link className={styles.submit} href={`/official/clients/${client.id}/courses`}>
            {t("client.findCourse")}
          </Link>
          {!pooling && (
            <Link className={styles.secondary} href={`/official/clients/${client.id}/pool`}>
              {t("pool.make")}
            </Link>
          )}
          <Link className={styles.secondary} href={`/official/clients/${client.id}/edit`}>
            {t("client.edit")}
          </Link>
          <Link className={styles.secondary} href={`/official/clients/${client.id}/data`}>
            {t("dataExport.link")}
          </Link>
        </div>
      </div>

      <section className={styles.panel} aria-labelledby="details-heading">
        <Heading variant="h2" id="details-heading">{t("client.details")}</Heading>
        <dl className={styles.details}>
          <div><dt>{t("client.clientNumber")}</dt><dd>{client.clientNumber}</dd></div>
          <div><dt>{t("client.dateOfBirth")}</dt><dd>{day(client.dateOfBirth)}</dd></div>
          <div>
            <dt>{t("client.identityCode")}</dt>
            <dd>{client.identityCodeMasked ? <RevealIdentityCode masked={client.identityCodeMasked} reveal={showIdentityCode.bind(null, client.id)} /> : t("client.none")}</dd>
          </div>
          <div><dt>{t("client.email")}</dt><dd>{client.email ?? t("client.none")}</dd></div>
          <div><dt>{t("client.phone")}</dt><dd>{client.phone ?? t("client.none")}</dd></div>
          <div><dt>{t("client.municipality")}</dt><dd>{client.municipality ?? t("client.none")}</dd></div>
          <div><dt>{t("client.preferredLanguage")}</dt><dd>{labels(`clientLanguage.${client.preferredLanguage}`)}</dd></div>
          <div><dt>{t("client.nativeLanguage")}</dt><dd>{client.nativeLanguage ?? t("client.none")}</dd></div>
          <div><dt>{t("client.interpreterNeeded")}</dt><dd>{yes(client.interpreterNeeded)}</dd></div>
          <div><dt>{t("client.studyPath")}</dt><dd>{labels(`studyPath.${client.studyPath}`)}</dd></div>
          <div>
            <dt>{t("client.languageLevel")}</dt>
            <dd>
              {client.languageLevel ? labels(`languageLevel.${client.languageLevel}`) : t("client.none")}
              {client.placementTestOn && ` (${t("client.placementTest", { date: day(client.placementTestOn) })})`}
            </dd>
          </div>
          <div><dt>{t("client.literacy")}</dt><dd>{client.literacy ? labels(`literacy.${client.literacy}`) : t("client.none")}</dd></div>
          <div><dt>{t("client.schooling")}</dt><dd>{client.yearsOfSchooling === null ? t("client.none") : t("client.years", { count: client.yearsOfSchooling })}{client.highestEducation && ` · ${client.highestEducation}`}</dd></div>
          <div><dt>{t("client.assessment")}</dt><dd>{assessment || t("client.none")}</dd></div>
          <div><dt>{t("client.inIntegrationProgramme")}</dt><dd>{yes(client.inIntegrationProgramme)}</dd></div>
          <div><dt>{t("client.integrationPlan")}</dt><dd>{client.integrationPlanStartsOn || client.integrationPlanEndsOn ? `${day(client.integrationPlanStartsOn)} – ${day(client.integrationPlanEndsOn)}` : t("client.none")}</dd></div>
          <div><dt>{t("client.needsTitle")}</dt><dd>{[needs, client.specialNeeds].filter(Boolean).join(". ") || t("client.none")}</dd></div>
          <div><dt>{t("client.workExperience")}</dt><dd>{client.workExperience ?? t("client.none")}</dd></div>
          <div><dt>{t("client.notes")}</dt><dd>{client.notes ?? t("client.none")}</dd></div>
        </dl>
      </section>

      <PoolPanel pools={pools} clientId={client.id} closePool={closePoolAction} />

      <section className={styles.panel} aria-labelledby="enrolments-heading">
        <Heading variant="h2" id="enrolments-heading">{t("client.enrolments")}</Heading>
        {enrolments.length === 0 && <p>{t("client.noEnrolments")}</p>}
        {enrolments.map((e) => (
          <article key={e.id} className={styles.enrolment} aria-labelledby={`enrolment-${e.id}`}>
            <div className={styles.enrolmentHead}>
              <h3 id={`enrolment-${e.id}`}>{e.course.name}</h3>
              <StatusTag status={e.status} />
            </div>
            {(e.pooled || e.conditional) && (
              <p className={styles.marks}>
                {e.pooled && <span className={styles.marker}>{e.pooled.rank ? t("pool.pooledRank", { rank: e.pooled.rank }) : t("pool.pooledMarker")}</span>}
                {e.conditional && <span className={styles.conditionalMarker}>{t("pool.conditionalSeat")}</span>}
              </p>
            )}
            <p>
              {e.course.provider} · {e.course.remote ? t("client.remote") : e.course.municipality} · {t("client.courseDates", { start: day(e.course.startsOn), end: day(e.course.endsOn) })}
            </p>
            {e.status === "WAITLISTED" && e.queuePosition !== null && (
              <p><strong>{t("client.queuePosition", { position: e.queuePosition })}</strong>{e.priority === "URGENT" && ` · ${labels("priority.URGENT")}${e.priorityReason ? `: ${e.priorityReason}` : ""}`}</p>
            )}
            {e.status === "OFFERED" && e.offerExpiresAt && (
              <p><strong>{t("client.offerDeadline", { deadline: format.dateTime(e.offerExpiresAt, { dateStyle: "long", timeStyle: "short" }) })}</strong></p>
            )}
            {e.conditional && e.live && <p className={styles.hint}>{t("pool.conditionalExplained")}</p>}
            <EnrolmentActions clientId={client.id} enrolmentId={e.id} status={e.status} priority={e.priority} courseName={e.course.name} conditionalFor={e.conditionalFor} act={actOnEnrolment} />
            <details open={e.live}>
              <summary>{t("client.history")}</summary>
              <EventTimeline events={e.events} label={t("client.historyOf", { course: e.course.name })} />
            </details>
          </article>
        ))}
      </section>
    </div>
  );
}
