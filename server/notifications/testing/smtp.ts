// For tests: a real SMTP server in-process for the test file, and delivery of the outbox to it.
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, expect } from "vitest";
import { testDb } from "../../testing/db";
import { startMailCatcher, type MailCatcher } from "../catcher";
import { createMailer, deliverBatch, type Mailer } from "../delivery";

/** Starts a mail catcher before the file's tests and stops it after them. */
export function smtpDeliveryForThisFile(baseUrl: string) {
  let smtp: MailCatcher;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startMailCatcher();
    mailer = createMailer(smtp.url);
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });
  return {
    /**
     * Delivers every pending message about these clients (`clientsOnly`: only those to the clients
     * themselves, not to staff) and returns what the SMTP server received for them.
     */
    async deliver(clientIds: string[], options: { clientsOnly?: boolean } = {}): Promise<ParsedMail[]> {
      const where = { clientId: { in: clientIds }, status: "PENDING" as const, ...(options.clientsOnly ? { userId: null } : {}) };
      const ids = (await testDb().outboxMessage.findMany({ where, select: { id: true } })).map((m) => m.id);
      const before = smtp.messages.length;
      while ((await deliverBatch({ smtpUrl: smtp.url, from: "Koulutusportti <noreply@koulutusportti.invalid>", baseUrl, only: ids }, mailer)).claimed > 0);
      const rows = await testDb().outboxMessage.findMany({ where: { id: { in: ids } } });
      expect(rows.map((r) => [r.template, r.status])).toEqual(rows.map((r) => [r.template, "SENT"]));
      return Promise.all(smtp.messages.slice(before).map((m) => simpleParser(m.raw)));
    },
  };
}

/** The self-service token in an e-mail's link. */
export function tokenIn(mail: ParsedMail): string {
  const match = /\/o\/([A-Za-z0-9_-]{43})\?/.exec(mail.text ?? "");
  if (!match) throw new Error("no self-service link");
  return match[1]!;
}

/** The address an e-mail was sent to (the first, when several). */
export function recipientOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to!.value[0]!.address!;
}
