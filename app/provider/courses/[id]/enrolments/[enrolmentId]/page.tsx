import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Heading } from "@/components/suomifi";
import { EnrolmentActions } from "@/components/provider/EnrolmentActions";
import { EventTimeline } from "@/components/enrolment/EventTimeline";
import { PersonDetails } from "@/components/provider/PersonDetails";
import { PoolLegend, PoolMarks } from "@/components/provider/PoolMarks";
import { toRowData } from "@/components/provider/rows";
import { StatusTag } from "@/components/enrolment/StatusTag";
import { enrolmentAction, moveInQueueAction } from "@/app/provider/actions";
import { requireActor } from "@/server/auth/session";
import { enrolmentPage } from "@/server/provider/workspace";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("enrolment.title") };
}

export default async function EnrolmentPage({ params }: { params: Promise<{ id: string; enrolmentId: string }> }) {
  const actor = await requireActor(["PROVIDER_STAFF"]);
  const { id, enrolmentId } = await params;
  const page = await enrolmentPage(actor, id, enrolmentId);
  if (!page) notFound();
  const [t, format] = await Promise.all([getTranslations("provider"), getFormatter()]);
  const row = toRowData(page.enrolment);
  const e = page.enrolment;
  return (
    <div className="kp-stack">
      <Link href={`/provider/courses/${page.course.id}`}>{t("backToCourse", { name: page.course.name })}</Link>
      <Heading variant="h1">{row.name}</Heading>
      <section className="kp-panel" aria-labelledby="now">
        <Heading variant="h2" id="now">{t("enrolment.now")}</Heading>
        <p>
          <StatusTag status={e.status} />{" "}
          {e.queuePosition !== null && t("enrolment.position", { position: e.queuePosition })}
          {e.status === "OFFERED" && e.offerExpiresAt && ` ${t("seats.answerBy", { date: format.dateTime(e.offerExpiresAt, { dateStyle: "short", timeStyle: "short" }) })}`}
        </p>
        <PoolMarks row={row} />
        <PoolLegend rows={[row]} />
        {e.priority === "URGENT" && <p>{t("queue.priorityReason", { text: e.priorityReason ?? "–" })}</p>}
        <PersonDetails row={row} courseId={page.course.id} />
        <EnrolmentActions
          enrolment={{ id: e.id, status: e.status, name: row.name, queuePosition: e.queuePosition }}
          queueLength={0}
          actions={{ act: enrolmentAction.bind(null, page.course.id), move: moveInQueueAction.bind(null, page.course.id) }}
        />
      </section>
      <section className="kp-panel" aria-labelledby="history">
        <Heading variant="h2" id="history">{t("enrolment.history")}</Heading>
        <EventTimeline events={page.history} label={t("enrolment.history")} showClient={false} />
      </section>
    </div>
  );
}
