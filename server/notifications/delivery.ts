import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import nodemailer, { type Transporter } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { db } from "../db/client";
import type { OutboxMessage } from "../db/generated/client";
import { logger, redactAddresses } from "../logger";
import { UnreadableOutboxMessage } from "./payloads";
import { renderOutboxMessage, type RenderedEmail } from "./render";

// Delivery of the outbox: claim due messages with FOR UPDATE SKIP LOCKED (a lease, so a dead
// worker's claims come back), render, send over SMTP, record. The end of each message is handed to
// SMTP only after `handoffAt` is committed, so a crash can leave only one kind of uncertainty — the
// server may have accepted a message whose success was never recorded — and such a message is
// parked for an administrator instead of being sent again (docs/decisions/004-notification-delivery.md).

export interface DeliveryConfig {
  smtpUrl: string;
  from: string;
  /** Base of the links in e-mails. */
  baseUrl: string;
  batchSize?: number;
  /** How long a claim holds a message; longer than any one send can take. */
  leaseMs?: number;
  /** Failed attempts before a message is parked. */
  maxAttempts?: number;
  /** First retry delay; doubles with each attempt, up to an hour. */
  backoffMs?: number;
  /** Messages sent at once (the SMTP pool holds two connections). */
  concurrency?: number;
  /** Only these outbox messages (tests share one database). */
  only?: string[];
  /** Replaces rendering (tests of delivery mechanics). */
  render?: (message: OutboxMessage, baseUrl: string) => Promise<RenderedEmail>;
}

export const DEFAULTS = { batchSize: 10, leaseMs: 120_000, maxAttempts: 8, backoffMs: 10_000 } as const;
const BACKOFF_CAP_MS = 3_600_000;
export const UNCERTAIN = "Delivery uncertain: the worker stopped after handing the message to SMTP";

export type Mailer = Transporter<SMTPPool.SentMessageInfo>;

export function createMailer(smtpUrl: string): Mailer {
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as SMTPPool.Options);
}

export function backoff(attempts: number, baseMs: number): number {
  return Math.min(BACKOFF_CAP_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** Claims up to batchSize due messages for this attempt; the lease is their nextAttemptAt. */
async function claim(config: DeliveryConfig, claimId: string): Promise<OutboxMessage[]> {
  const limit = config.batchSize ?? DEFAULTS.batchSize;
  const leaseMs = config.leaseMs ?? DEFAULTS.leaseMs;
  const only = config.only ?? null;
  return db().$queryRaw<OutboxMessage[]>`
    WITH due AS (
      SELECT id FROM "OutboxMessage"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
        AND (${only}::uuid[] IS NULL OR id = ANY(${only}::uuid[]))
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxMessage" m
    SET "claimId" = ${claimId}, attempts = m.attempts + 1,
        "nextAttemptAt" = now() + make_interval(secs => ${leaseMs / 1000}), "updatedAt" = now()
    FROM due WHERE m.id = due.id
    RETURNING m.*`;
}

/** The message as SMTP will carry it, with the outbox row's stable Message-ID. */
export async function compose(message: OutboxMessage, email: RenderedEmail, from: string): Promise<Buffer> {
  const composer = new MailComposer({
    from,
    to: message.recipientEmail,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: message.messageId,
    headers: { "Content-Language": email.language, "Auto-Submitted": "auto-generated" },
    attachments: email.attachments,
  });
  return new Promise((resolve, reject) => composer.compile().build((error, raw) => (error ? reject(error) : resolve(raw))));
}

/** The message as a stream that ends only after the hand-off is on record (see the header). */
function guardedStream(raw: Buffer, beforeEnd: () => Promise<boolean>): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(raw);
        return;
      }
      beforeEnd().then(
        (ok) => (ok ? this.push(null) : this.destroy(new Error("Lease lost before hand-off"))),
        (error: Error) => this.destroy(error),
      );
    },
  });
}

type Outcome = "sent" | "retry" | "parked";

async function deliverOne(config: DeliveryConfig, mailer: Mailer, message: OutboxMessage, claimId: string): Promise<Outcome> {
  const prisma = db();
  const mine = { id: message.id, claimId, status: "PENDING" as const };
  if (message.handoffAt) {
    // A previous attempt handed the whole message to SMTP and never recorded the answer.
    await prisma.outboxMessage.updateMany({ where: mine, data: { status: "PARKED", parkedAt: new Date(), claimId: null, lastError: UNCERTAIN } });
    logger.warn({ outboxId: message.id, template: message.template }, "outbox message parked: delivery uncertain");
    return "parked";
  }
  let handedOff = false;
  try {
    const email = await (config.render ?? renderOutboxMessage)(message, config.baseUrl);
    const raw = await compose(message, email, config.from);
    const info = await mailer.sendMail({
      envelope: { from: addressOf(config.from), to: [message.recipientEmail] },
      raw: guardedStream(raw, async () => {
        const { count } = await prisma.outboxMessage.updateMany({ where: mine, data: { handoffAt: new Date() } });
        handedOff = count === 1;
        return handedOff;
      }),
    });
    await prisma.outboxMessage.updateMany({
      where: { id: message.id, claimId },
      data: { status: "SENT", sentAt: new Date(), claimId: null, smtpResponse: info.response ?? null, lastError: null },
    });
    return "sent";
  } catch (error) {
    const e = error as Error & { responseCode?: number };
    // After the hand-off, only an SMTP reply (4xx/5xx) proves the server did not take the message.
    const uncertain = handedOff && !e.responseCode;
    const maxAttempts = config.maxAttempts ?? DEFAULTS.maxAttempts;
    // An unreadable message (its payload does not match the template's schema) will not read better later.
    const park = uncertain || error instanceof UnreadableOutboxMessage || message.attempts >= maxAttempts || (e.responseCode !== undefined && e.responseCode >= 550 && e.responseCode < 560);
    const lastError = uncertain ? UNCERTAIN : redactAddresses(`${e.responseCode ? `${e.responseCode} ` : ""}${e.message}`).slice(0, 1000);
    await prisma.outboxMessage.updateMany({
      where: { id: message.id, claimId },
      data: park
        ? { status: "PARKED", parkedAt: new Date(), claimId: null, lastError }
        : { claimId: null, handoffAt: null, lastError, nextAttemptAt: new Date(Date.now() + backoff(message.attempts, config.backoffMs ?? DEFAULTS.backoffMs)) },
    });
    logger.warn({ outboxId: message.id, template: message.template, attempts: message.attempts, parked: park, error: lastError }, "outbox delivery failed");
    return park ? "parked" : "retry";
  }
}

export interface BatchResult {
  claimed: number;
  sent: number;
  retry: number;
  parked: number;
}

/** One round: claim a batch and deliver it. Several workers may run this at once. */
export async function deliverBatch(config: DeliveryConfig, mailer: Mailer): Promise<BatchResult> {
  const claimId = randomUUID();
  const claimed = await claim(config, claimId);
  const result: BatchResult = { claimed: claimed.length, sent: 0, retry: 0, parked: 0 };
  const step = config.concurrency ?? 2;
  for (let i = 0; i < claimed.length; i += step) {
    const outcomes = await Promise.all(claimed.slice(i, i + step).map((m) => deliverOne(config, mailer, m, claimId)));
    for (const outcome of outcomes) result[outcome]++;
  }
  return result;
}

function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/** An administrator sends a parked message again (knowing, for an uncertain one, that it may arrive twice). */
export async function retryParkedMessage(id: string): Promise<boolean> {
  const { count } = await db().outboxMessage.updateMany({
    where: { id, status: "PARKED" },
    data: { status: "PENDING", attempts: 0, handoffAt: null, parkedAt: null, nextAttemptAt: new Date() },
  });
  return count === 1;
}

export interface ParkedMessage {
  id: string;
  template: string;
  recipientEmail: string;
  attempts: number;
  lastError: string | null;
  parkedAt: Date | null;
}

export async function listParkedMessages(limit = 100): Promise<ParkedMessage[]> {
  return db().outboxMessage.findMany({
    where: { status: "PARKED" },
    orderBy: { parkedAt: "desc" },
    take: limit,
    select: { id: true, template: true, recipientEmail: true, attempts: true, lastError: true, parkedAt: true },
  });
}
