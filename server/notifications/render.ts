import "server-only";
import { createEvent } from "ics";
import { isEmailLanguage } from "../../emails/i18n";
import { renderEmail } from "../../emails/render";
import type { EmailData } from "../../emails/types";
import { db } from "../db/client";
import type { OutboxMessage } from "../db/generated/client";
import { queuePosition } from "../enrolment/queue";
import { placesRankedAbove } from "../enrolment/hand-over";
import { invitationToken } from "../auth/invitation";
import { issueSelfServiceToken } from "../self-service/tokens";
import { readOutboxMessage, type OutboxPayload } from "./payloads";
import { addDays, formatDate, helsinkiDayEnd, parseDate } from "../../lib/dates";

// Renders an outbox message from its payload and the current records (course, office contact,
// queue place). Loads names and contact details only: never an identity code.

export interface RenderedEmail {
  subject: string;
  language: string;
  html: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

const SERVICE_CONTACT = { name: "Koulutusportti" };

export async function renderOutboxMessage(message: OutboxMessage, baseUrl: string): Promise<RenderedEmail> {
  // Throws UnreadableOutboxMessage (delivery parks it) for a template or payload no retry can mend.
  const read = readOutboxMessage(message);
  const { template } = read;
  const lang = isEmailLanguage(message.locale) ? message.locale : null;
  const data: EmailData = { contact: SERVICE_CONTACT, reason: ("reason" in read.payload ? read.payload.reason : null) ?? null };
  let attachments: RenderedEmail["attachments"];

  if (read.template === "staff/invitation") {
    // The link is derived from the invitation's id, so a retry sends the same one; no identity code, no password.
    const invitation = await db().staffInvitation.findUniqueOrThrow({ where: { id: read.payload.invitationId }, select: { id: true, expiresAt: true, user: { select: { name: true } } } });
    data.recipientName = invitation.user.name;
    data.deadline = invitation.expiresAt;
    data.links = { setPassword: `${baseUrl}/set-password/${invitationToken(invitation.id)}` };
  } else if (read.template === "client/pool_referral_received") {
    await renderPoolReferral(message, read.payload, data, baseUrl, lang ?? "fi");
  } else if (read.template === "provider/daily_digest") {
    data.digest = { date: parseDate(read.payload.date), courses: read.payload.courses };
    data.links = { workspace: `${baseUrl}/provider` };
  } else if (message.enrolmentId) {
    const enrolment = await db().enrolment.findUniqueOrThrow({
      where: { id: message.enrolmentId },
      select: {
        id: true,
        clientId: true,
        courseId: true,
        status: true,
        offerExpiresAt: true,
        preferenceRank: true,
        client: {
          select: {
            firstName: true,
            lastName: true,
            clientNumber: true,
            office: { select: { name: true, email: true, phone: true, address: true } },
          },
        },
        course: {
          select: {
            name: true, address: true, municipality: true, remote: true, schedule: true, startsOn: true, endsOn: true,
            provider: { select: { name: true, email: true, phone: true, address: true } },
          },
        },
      },
    });
    const { course, client } = enrolment;
    data.course = { ...course, provider: course.provider.name };
    if (template.startsWith("client/")) {
      data.recipientName = client.firstName;
      data.contact = client.office;
    } else {
      const user = message.userId ? await db().user.findUnique({ where: { id: message.userId }, select: { name: true } }) : null;
      data.recipientName = user?.name ?? null;
      data.client = { name: `${client.firstName} ${client.lastName}`, number: client.clientNumber };
      data.contact = course.provider;
      data.links = { workspace: `${baseUrl}/${template.startsWith("official/") ? "official" : "provider"}` };
    }
    const language = lang ?? "fi";
    if (read.template === "client/seat_offered" || read.template === "client/offer_reminder") {
      const deadline = new Date(read.payload.offerExpiresAt);
      data.deadline = deadline;
      const token = await issueSelfServiceToken({ outboxMessageId: message.id, enrolmentId: enrolment.id, kind: "OFFER", locale: language, expiresAt: deadline });
      const page = `${baseUrl}/o/${token}?lang=${language}`;
      data.links = { accept: `${page}&answer=accept`, acceptConditional: `${page}&answer=acceptConditional`, decline: `${page}&answer=decline`, page };
      // Conditional acceptance as the engine decided it when offering; a reminder asks the records again.
      data.preferredCourses =
        read.template === "client/seat_offered" && read.payload.preferredCourses
          ? read.payload.conditionalAvailable ? read.payload.preferredCourses : []
          : enrolment.status === "OFFERED" ? (await placesRankedAbove(db(), enrolment.clientId, enrolment)).map((p) => p.courseName) : [];
    }
    if (read.template === "client/seat_confirmed_conditional") data.preferredCourses = read.payload.preferredCourses;
    if (read.template === "client/conditional_seat_released") data.placedCourseName = read.payload.placedCourseName;
    if (template === "client/referral_received" || template === "client/queue_moved") {
      const position = await queuePosition(db(), enrolment.id);
      if (position !== null) {
        const total = await db().enrolment.count({ where: { courseId: enrolment.courseId, status: "WAITLISTED" } });
        data.queue = { position, total };
      }
      // Valid while the client may queue: until the course ends.
      const expiresAt = helsinkiDayEnd(formatDate(course.endsOn));
      const token = await issueSelfServiceToken({ outboxMessageId: message.id, enrolmentId: enrolment.id, kind: "QUEUE", locale: language, expiresAt });
      data.links = { page: `${baseUrl}/o/${token}?lang=${language}` };
    }
    if (template === "client/seat_confirmed") attachments = [calendarAttachment(enrolment.id, course)];
  }

  const rendered = await renderEmail(template, lang, data);
  return { subject: rendered.subject, language: rendered.language, html: rendered.html, text: rendered.text, attachments };
}

type PoolReferralPayload = OutboxPayload<"client/pool_referral_received">;

/**
 * A pooled referral's e-mail: the courses it matched (from the payload, as they were when it was
 * made) and a link to the client's queue page. The link is bound to the pool's best-ranked place,
 * and that page shows the client's standing on every course of the pool.
 */
async function renderPoolReferral(message: OutboxMessage, payload: PoolReferralPayload, data: EmailData, baseUrl: string, language: string): Promise<void> {
  const client = await db().client.findUniqueOrThrow({
    where: { id: message.clientId ?? "" },
    select: { firstName: true, office: { select: { name: true, email: true, phone: true, address: true } } },
  });
  data.recipientName = client.firstName;
  data.contact = client.office;
  data.pool = { courses: payload.courses.map((c) => ({ name: c.courseName, rank: c.rank })) };
  const places = await poolPlacesFor(message, payload, payload.courses.length > 0);
  places.sort((a, b) => (a.preferenceRank ?? Infinity) - (b.preferenceRank ?? Infinity) || a.course.startsOn.getTime() - b.course.startsOn.getTime());
  const first = places[0];
  if (!first) return;
  // Valid while the client may queue: until the last of the pool's courses ends.
  const expiresAt = helsinkiDayEnd(places.map((p) => formatDate(p.course.endsOn)).reduce((a, b) => (a > b ? a : b)));
  const token = await issueSelfServiceToken({ outboxMessageId: message.id, enrolmentId: first.id, kind: "QUEUE", locale: language, expiresAt });
  data.links = { page: `${baseUrl}/o/${token}?lang=${language}` };
}

/** How long a pool's e-mail waits for its places before it goes out without a link to the queue page. */
const POOL_PLACES_GRACE_MS = 5 * 60_000;

/**
 * The pool's places. The engine writes the e-mail in the referral's transaction and joins the
 * courses just after it commits, so a fast worker can get here first: it waits a moment, then
 * leaves the message for a retry (while it is young), so the e-mail carries its link.
 */
async function poolPlacesFor(message: OutboxMessage, payload: PoolReferralPayload, expected: boolean) {
  const find = () =>
    db().enrolment.findMany({
      where: { queueEntryId: payload.queueEntryId },
      select: { id: true, preferenceRank: true, course: { select: { startsOn: true, endsOn: true } } },
    });
  let places = await find();
  for (let i = 0; expected && places.length === 0 && i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    places = await find();
  }
  if (expected && places.length === 0 && Date.now() - message.createdAt.getTime() < POOL_PLACES_GRACE_MS) {
    throw new Error("The pooled referral's queue places are not joined yet; trying again later");
  }
  return places;
}

function dateParts(d: Date): [number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** The course's first day as an all-day calendar event. */
export function calendarAttachment(enrolmentId: string, course: { name: string; startsOn: Date; address: string | null; municipality: string; provider: { name: string } }) {
  const { error, value } = createEvent({
    uid: `${enrolmentId}@koulutusportti`,
    productId: "koulutusportti",
    title: course.name,
    start: dateParts(course.startsOn),
    end: dateParts(parseDate(addDays(formatDate(course.startsOn), 1))),
    location: [course.address, course.municipality].filter(Boolean).join(", "),
    organizer: { name: course.provider.name },
  });
  if (error || !value) throw error ?? new Error("Calendar event could not be built");
  return { filename: "course.ics", content: value, contentType: "text/calendar; charset=utf-8; method=PUBLISH" };
}
