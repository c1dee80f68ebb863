import "server-only";
import { z } from "zod";
import { isEmailTemplate, type EmailTemplate } from "../../emails/types";

// What each outbox template carries in OutboxMessage.payload: ids and what its e-mail shows as it
// was when the message was decided, never an identity code. One schema per template, used by every
// writer — the engine through queueNotice, writeInvitation, and (in SQL, held to these by
// payloads.test.ts) refer_client in prisma/sql/020_refer_client.sql and the scheduled messages in
// scheduled.ts — and by the renderer, which parses instead of trusting the JSON.

const id = z.uuid();
/** A timestamptz as JSON: toISOString() in TypeScript, to_jsonb() in PostgreSQL (with an offset). */
const instant = z.iso.datetime({ offset: true });
const onCourse = { courseId: id, courseName: z.string() };
/** Why, when the change had a reason (the e-mail quotes it). */
const reason = z.string().nullable().optional();
const staffNotice = z.object({ ...onCourse, reason });

export const OUTBOX_PAYLOADS = {
  // refer_client writes offerExpiresAt (null but for an offer) on the three templates it chooses between.
  "client/referral_received": z.object({ ...onCourse, offerExpiresAt: z.null().optional() }),
  "client/seat_offered": z.object({
    ...onCourse,
    offerExpiresAt: instant,
    /** From the engine's offer (not refer_client's): whether accepting on condition keeps the courses ranked higher. */
    conditionalAvailable: z.boolean().optional(),
    preferredCourses: z.array(z.string()).optional(),
  }),
  "client/offer_reminder": z.object({ courseId: id, offerExpiresAt: instant }),
  "client/offer_expired": z.object(onCourse),
  "client/seat_confirmed": z.object({ ...onCourse, offerExpiresAt: z.null().optional() }),
  "client/start_reminder": z.object({ courseId: id }),
  "client/enrolment_cancelled": z.object({ ...onCourse, reason }),
  "client/queue_moved": z.object(onCourse),
  "client/queue_place_withdrawn": z.object(onCourse),
  "client/pool_referral_received": z.object({
    queueEntryId: id,
    /** The courses the pool matched when it was made, with the client's choice number (null: by the criteria). */
    courses: z.array(z.object({ ...onCourse, rank: z.int().positive().nullable() })),
  }),
  /** `preferredCourses`: the courses ranked higher that the client still waits for. */
  "client/seat_confirmed_conditional": z.object({ ...onCourse, preferredCourses: z.array(z.string()) }),
  /** `placedCourseName`: the course whose seat the client accepted instead. */
  "client/conditional_seat_released": z.object({ ...onCourse, placedCourseName: z.string() }),
  "official/client_declined": staffNotice,
  "official/offer_expired": staffNotice,
  "official/no_show": staffNotice,
  "official/client_placed": staffNotice,
  "provider/daily_digest": z.object({ date: z.iso.date(), courses: z.array(z.object({ name: z.string(), count: z.int().positive() })) }),
  "provider/course_cancelled": staffNotice,
  "staff/invitation": z.object({ invitationId: id }),
} satisfies Record<EmailTemplate, z.ZodType>;

/** What a writer gives for a template. */
export type OutboxPayloadInput<T extends EmailTemplate> = z.input<(typeof OUTBOX_PAYLOADS)[T]>;
/** What the renderer reads for a template. */
export type OutboxPayload<T extends EmailTemplate> = z.output<(typeof OUTBOX_PAYLOADS)[T]>;
/** A message's template with its parsed payload; narrowing on `template` types `payload`. */
export type ReadOutbox = { [T in EmailTemplate]: { template: T; payload: OutboxPayload<T> } }[EmailTemplate];

/** A message no retry can render (unknown template, payload not matching its schema): delivery parks it at once. */
export class UnreadableOutboxMessage extends Error {
  override name = "UnreadableOutboxMessage";
}

function problems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`).join("; ");
}

/**
 * The payload a writer stores. One that does not match its template's schema, or carries a key the
 * schema does not know (reading drops those), is a bug, and throws.
 */
export function outboxPayload<T extends EmailTemplate>(template: T, payload: OutboxPayloadInput<T>): OutboxPayload<T> {
  const parsed = OUTBOX_PAYLOADS[template].strict().safeParse(payload);
  if (!parsed.success) throw new Error(`Outbox payload of ${template} does not match its schema: ${problems(parsed.error)}`);
  return parsed.data as OutboxPayload<T>;
}

/** Reads a stored message: its template and payload, checked against the schema (keys it does not know are dropped). */
export function readOutboxMessage(message: { template: string; payload: unknown }): ReadOutbox {
  const { template } = message;
  if (!isEmailTemplate(template)) throw new UnreadableOutboxMessage(`Unknown e-mail template ${template}`);
  const parsed = OUTBOX_PAYLOADS[template].safeParse(message.payload);
  if (!parsed.success) throw new UnreadableOutboxMessage(`The payload of ${template} does not match its schema: ${problems(parsed.error)}`);
  // TypeScript cannot tie the schema looked up by `template` to its output; the lookup itself does.
  return { template, payload: parsed.data } as ReadOutbox;
}
