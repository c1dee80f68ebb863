import "server-only";
import { randomUUID } from "node:crypto";
import type { LockedClient, LockedCourse } from "./locks";
import { outboxPayload, type OutboxPayloadInput } from "../notifications/payloads";
import type { Tx } from "./transaction";

// Messages are decided in the same transaction as the change (the outbox); delivery is the
// notification worker's job. Payloads carry ids and what the template shows, never identity codes;
// each template's shape is its schema in server/notifications/payloads.ts.

export type Template =
  | "client/referral_received"
  | "client/seat_offered"
  | "client/seat_confirmed"
  | "client/seat_confirmed_conditional"
  | "client/conditional_seat_released"
  | "client/pool_referral_received"
  | "client/offer_expired"
  | "client/enrolment_cancelled"
  | "client/queue_place_withdrawn"
  | "client/queue_moved"
  | "official/client_declined"
  | "official/offer_expired"
  | "official/no_show"
  | "official/client_placed"
  | "provider/course_cancelled";

export interface Notice<T extends Template = Template> {
  template: T;
  to: string | null | undefined;
  locale: string;
  clientId?: string;
  enrolmentId?: string;
  userId?: string;
  payload: OutboxPayloadInput<T>;
}

/** Queues a message; a recipient without an e-mail address is simply not written to. */
export async function queueNotice<T extends Template>(tx: Tx, notice: Notice<T>): Promise<void> {
  if (!notice.to) return;
  await tx.outboxMessage.create({
    data: {
      template: notice.template,
      messageId: `<${randomUUID()}@koulutusportti.invalid>`,
      locale: notice.locale,
      recipientEmail: notice.to,
      clientId: notice.clientId,
      enrolmentId: notice.enrolmentId,
      userId: notice.userId,
      payload: outboxPayload(notice.template, notice.payload),
    },
  });
}

/** On a course that asks for it (Course.notifyQueueMoves), a client whose queue place a provider moved is told. */
export async function queueMoveNotice(tx: Tx, enrolmentId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ email: string | null; lang: string; clientId: string; courseId: string; courseName: string }[]>`
    SELECT c.email, c."preferredLanguage"::text AS lang, c.id AS "clientId", k.id AS "courseId", k.name AS "courseName"
    FROM "Enrolment" e JOIN "Client" c ON c.id = e."clientId" JOIN "Course" k ON k.id = e."courseId"
    WHERE e.id = ${enrolmentId}::uuid AND k."notifyQueueMoves" AND c."anonymisedAt" IS NULL`;
  const row = rows[0];
  if (!row) return;
  await queueNotice(tx, {
    template: "client/queue_moved",
    to: row.email,
    locale: row.lang,
    clientId: row.clientId,
    enrolmentId,
    payload: { courseId: row.courseId, courseName: row.courseName },
  });
}

/** A notice to the client about one of their enrolments, in their language (none once anonymised). */
export function clientNotice(template: "client/seat_confirmed" | "client/seat_confirmed_conditional" | "client/conditional_seat_released" | "client/seat_offered" | "client/offer_expired" | "client/enrolment_cancelled" | "client/referral_received" | "client/queue_place_withdrawn", client: LockedClient, enrolmentId: string, course: Pick<LockedCourse, "id" | "name">) {
  return {
    template,
    to: client.anonymisedAt ? null : client.email,
    locale: client.preferredLanguage,
    clientId: client.id,
    enrolmentId,
    payload: { courseId: course.id, courseName: course.name },
  };
}
