import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Heading } from "@/components/suomifi";
import { CapacityControl } from "@/components/provider/CapacityControl";
import { CourseFacts } from "@/components/provider/CourseFacts";
import { EventTimeline } from "@/components/enrolment/EventTimeline";
import { QueueBoard } from "@/components/provider/QueueBoard";
import { toRowData } from "@/components/provider/rows";
import { SeatBoard } from "@/components/provider/SeatBoard";
import { SeatTable } from "@/components/provider/SeatTable";
import { StatusControls } from "@/components/provider/StatusControls";
import { StatusTag } from "@/components/enrolment/StatusTag";
import styles from "@/components/provider/provider.module.css";
import { bulkAction, changeCapacityAction, changeStatusAction, duplicateCourseAction, enrolmentAction, moveInQueueAction } from "@/app/provider/actions";
import { requireActor } from "@/server/auth/session";
import { coursePage } from "@/server/provider/workspace";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("course.title") };
}

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["PROVIDER_STAFF"]);
  const page = await coursePage(actor, (await params).id);
  if (!page) notFound();
  const [t, format] = await Promise.all([getTranslations("provider"), getFormatter()]);
  const { course } = page;
  const queue = page.queue.map(toRowData);
  const seats = page.seats.map(toRowData);
  const open = course.status === "PUBLISHED" || course.status === "CLOSED";
  const actions = { act: enrolmentAction.bind(null, course.id), move: moveInQueueAction.bind(null, course.id) };
  return (
    <div className="kp-stack">
      <Link href="/provider">{t("backHome")}</Link>
      <div className={styles.titleRow}>
        <Heading variant="h1">{course.name}</Heading>
        <StatusTag status={course.status} kind="course" />
      </div>
      {course.status === "CANCELLED" && course.statusReason && <p>{t("course.cancelledBecause", { reason: course.statusReason })}</p>}
      <nav aria-label={t("course.toolsLabel")} className={styles.links}>
        <Link href={`/provider/courses/${course.id}/edit`}>{t("course.edit")}</Link>
        <a href={`/provider/courses/${course.id}/export?format=csv`}>{t("course.exportCsv")}</a>
        <a href={`/provider/courses/${course.id}/export?format=xlsx`}>{t("course.exportXlsx")}</a>
        <Link href={`/provider/courses/${course.id}/attendance`}>{t("course.attendance")}</Link>
        <a href="#history">{t("course.historyLink")}</a>
      </nav>
      <section className="kp-panel" aria-labelledby="facts">
        <Heading variant="h2" id="facts">{t("course.facts")}</Heading>
        <CourseFacts course={course} />
        <StatusControls courseId={course.id} status={course.status} changeStatus={changeStatusAction} duplicate={duplicateCourseAction.bind(null, course.id)} />
      </section>
      <section className="kp-panel" aria-labelledby="seats">
        <Heading variant="h2" id="seats">{t("course.seats")}</Heading>
        <SeatBoard capacity={course.capacity} held={course.seatsHeld} offered={page.seats.filter((s) => s.status === "OFFERED").length} queueLength={page.queue.length} />
        {course.status !== "CANCELLED" && (
          <CapacityControl
            course={{ id: course.id, capacity: course.capacity, seatsHeld: course.seatsHeld, confirmOnReferral: course.confirmOnReferral, open }}
            queue={queue.map((q) => q.name)}
            submit={changeCapacityAction}
          />
        )}
      </section>
      <section className="kp-panel" aria-labelledby="holders">
        <Heading variant="h2" id="holders">{t("course.holders", { count: seats.length })}</Heading>
        <SeatTable courseId={course.id} rows={seats} bulk={bulkAction.bind(null, course.id)} actions={actions} />
      </section>
      <section className="kp-panel" aria-labelledby="queue">
        <Heading variant="h2" id="queue">{t("course.queue", { count: queue.length })}</Heading>
        <QueueBoard courseId={course.id} queue={queue} actions={actions} />
      </section>
      <section className="kp-panel" aria-labelledby="others">
        <Heading variant="h2" id="others">{t("course.others", { count: page.others.length })}</Heading>
        {page.others.length === 0 ? (
          <p>{t("course.noOthers")}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={`${styles.table} ${styles.cards} ${styles.noCheck}`}>
              <thead>
                <tr>
                  <th scope="col">{t("seats.person")}</th>
                  <th scope="col">{t("seats.status")}</th>
                  <th scope="col">{t("course.endedAt")}</th>
                  <th scope="col">{t("course.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {page.others.map((e) => (
                  <tr key={e.id}>
                    <td><Link href={`/provider/courses/${course.id}/enrolments/${e.id}`}>{e.client.firstName} {e.client.lastName}</Link></td>
                    <td><StatusTag status={e.status} /></td>
                    <td>{e.endedAt ? format.dateTime(e.endedAt, { dateStyle: "short", timeStyle: "short" }) : "–"}</td>
                    <td>{e.statusReason ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="kp-panel" aria-labelledby="history" id="history-section">
        <Heading variant="h2" id="history">{t("course.history")}</Heading>
        <EventTimeline events={page.history} label={t("course.history")} />
      </section>
    </div>
  );
}
