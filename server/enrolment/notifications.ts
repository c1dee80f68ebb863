import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "./transaction";

// Messages are decided in the same transaction as the change (the outbox); delivery is the
// notification worker's job. Payloads carry ids and what the template shows, never identity codes.

export type Template =
  | "client/referral_received"
  | "client/seat_offered"
  | "client/seat_confirmed"
  | "client/offer_expired"
  | "client/enrolment_cancelled"
  | "client/queue_place_withdrawn"
  | "official/client_declined"
  | "official/offer_expired"
  | "official/no_show"
  | "official/client_placed"
  | "provider/course_cancelled";

export interface Notice {
  template: Template;
  to: string | null | undefined;
  locale: string;
  clientId?: string;
  enrolmentId?: string;
  userId?: string;
  payload: Prisma.InputJsonObject;
}

/** Queues a message; a recipient without an e-mail address is simply not written to. */
export async function queueNotice(tx: Tx, notice: Notice): Promise<void> {
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
      payload: notice.payload,
    },
  });
}
