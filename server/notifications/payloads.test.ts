// Every outbox template has a payload schema; every writer (the SQL ones and the engine's) writes
// exactly what its schema describes; and delivery parks a message whose payload does not parse.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATES, type EmailTemplate } from "../../emails/types";
import { writeInvitation } from "../auth/invitation";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeUser, makeWorld } from "../testing/factories";
import {
  acceptOffer,
  cancelEnrolment,
  declineOffer,
  expireDueOffers,
  leaveQueue,
  markNoShow,
  moveInQueue,
  referClient,
  referToPool,
  setCourseStatus,
  staff,
} from "../enrolment";
import { createMailer, deliverBatch } from "./delivery";
import { OUTBOX_PAYLOADS } from "./payloads";
import { queueDailyDigests, queueOfferReminders, queueStartReminders } from "./scheduled";

const HOUR = 3_600_000;

/** The messages written about these clients or to these users, each checked against its template's schema. */
async function writtenTemplates(where: { clientIds?: string[]; userIds?: string[] }): Promise<Set<string>> {
  const rows = await testDb().outboxMessage.findMany({
    where: { OR: [{ clientId: { in: where.clientIds ?? [] } }, { userId: { in: where.userIds ?? [] } }] },
    select: { template: true, payload: true },
  });
  for (const { template, payload } of rows) {
    expect(template in OUTBOX_PAYLOADS, `${template} has a schema`).toBe(true);
    const parsed = OUTBOX_PAYLOADS[template as EmailTemplate].safeParse(payload);
    expect(parsed.error?.issues, `${template}: ${JSON.stringify(payload)}`).toBeUndefined();
    // Nothing dropped either: the writer wrote no key the schema does not know.
    expect(parsed.data, template).toEqual(payload);
  }
  return new Set(rows.map((r) => r.template));
}

async function refer(w: Awaited<ReturnType<typeof makeWorld>>, clientId: string, courseId: string, now?: Date) {
  const r = await referClient({ actor: staff(w.official), clientId, courseId, now });
  if (!r.ok) throw new Error(r.code);
  return r.enrolment;
}

describe("outbox payloads", () => {
  it("have a schema for every e-mail template", () => {
    expect(Object.keys(OUTBOX_PAYLOADS).sort()).toEqual([...EMAIL_TEMPLATES].sort());
  });

  it("written by the SQL of refer_client and of the scheduled messages parse", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1, { offerResponseHours: 72 });
    const confirming = await makeCourse(w.provider.id, 5, { confirmOnReferral: true, startsOn: new Date(new Date(Date.now() + 2 * 24 * HOUR).toISOString().slice(0, 10)) });
    const [offered, queued] = [await makeClient(w.office.id), await makeClient(w.office.id)];
    expect(await refer(w, offered.id, course.id)).toMatchObject({ status: "OFFERED" });
    expect(await refer(w, queued.id, course.id)).toMatchObject({ status: "WAITLISTED" });
    // Confirmed at once: refer_client also withdraws the client's queue place on the first course.
    expect(await refer(w, queued.id, confirming.id)).toMatchObject({ status: "CONFIRMED" });
    expect(await writtenTemplates({ clientIds: [offered.id, queued.id] })).toEqual(
      new Set(["client/seat_offered", "client/referral_received", "client/seat_confirmed", "client/queue_place_withdrawn"]),
    );

    expect(await queueOfferReminders(new Date(Date.now() + 50 * HOUR), course.id)).toBe(1);
    expect(await queueStartReminders(new Date(), confirming.id)).toBe(1);
    const digestCourse = await makeCourse(w.provider.id, 5);
    await refer(w, (await makeClient(w.office.id)).id, digestCourse.id, new Date(Date.now() - 24 * HOUR));
    expect(await queueDailyDigests(new Date(), w.provider.id)).toBe(1);
    const scheduled = await writtenTemplates({ clientIds: [offered.id, queued.id], userIds: [w.providerStaff.userId] });
    for (const t of ["client/offer_reminder", "client/start_reminder", "provider/daily_digest"]) expect(scheduled).toContain(t);
  });

  it("written by the engine's TypeScript parse", async () => {
    const w = await makeWorld();
    const asOfficial = staff(w.official);
    const asProvider = staff(w.providerStaff);
    const client = () => makeClient(w.office.id);
    const [a, b, c, d, holder, leaver, pooled, poolHolderA, poolHolderB] = [await client(), await client(), await client(), await client(), await client(), await client(), await client(), await client(), await client()];
    const clients = [a, b, c, d, holder, leaver, pooled, poolHolderA, poolHolderB];

    // One seat and a queue, on a course that tells of queue moves.
    const course = await makeCourse(w.provider.id, 1, { offerResponseHours: 48, notifyQueueMoves: true });
    const offerA = await refer(w, a.id, course.id);
    const enrolmentB = await refer(w, b.id, course.id);
    const enrolmentC = await refer(w, c.id, course.id);
    const enrolmentD = await refer(w, d.id, course.id);
    expect(await moveInQueue({ actor: asProvider, enrolmentId: enrolmentD.id, position: 1, reason: "Agreed with the office" })).toMatchObject({ ok: true });
    // Declined: the official hears of it, and the seat is offered to the first in the queue (d).
    expect(await declineOffer({ actor: asOfficial, enrolmentId: offerA.id, reason: "Found work" })).toMatchObject({ ok: true });
    // d lets the offer expire; the seat goes on to b, who accepts; b never comes; c is offered, then cancelled.
    expect(await expireDueOffers(new Date(Date.now() + 49 * HOUR), course.id)).toBe(1);
    expect(await acceptOffer({ actor: asOfficial, enrolmentId: enrolmentB.id })).toMatchObject({ ok: true });
    expect(await markNoShow({ actor: asProvider, enrolmentId: enrolmentB.id })).toMatchObject({ ok: true });
    expect(await cancelEnrolment({ actor: asOfficial, enrolmentId: enrolmentC.id, reason: "Moved away" })).toMatchObject({ ok: true });

    // A client leaves a queue by link; the provider cancels that course with a reason.
    const other = await makeCourse(w.provider.id, 1);
    await refer(w, holder.id, other.id);
    const leaving = await refer(w, leaver.id, other.id);
    expect(await leaveQueue({ actor: { kind: "CLIENT", clientId: leaver.id }, enrolmentId: leaving.id })).toMatchObject({ ok: true });
    expect(await setCourseStatus({ actor: asProvider, courseId: other.id, status: "CANCELLED", reason: "Teacher fell ill" })).toMatchObject({ ok: true });

    // A pooled referral: the second choice frees first and is accepted on condition, then the first choice.
    const [first, second] = [await makeCourse(w.provider.id, 1), await makeCourse(w.provider.id, 1)];
    const holdA = await refer(w, poolHolderA.id, first.id);
    const holdB = await refer(w, poolHolderB.id, second.id);
    const criteria = { studyPath: null, levelFit: true, municipalities: [], includeRemote: false, schedule: null, instructionLanguage: null, startFrom: null, startTo: null };
    expect(await referToPool({ actor: asOfficial, clientId: pooled.id, criteria, rankedCourseIds: [first.id, second.id] })).toMatchObject({ ok: true });
    const placeOn = async (courseId: string) => (await testDb().enrolment.findFirstOrThrow({ where: { clientId: pooled.id, courseId } })).id;
    expect(await cancelEnrolment({ actor: asProvider, enrolmentId: holdB.id, reason: "Moved away" })).toMatchObject({ ok: true });
    const asClient = { kind: "CLIENT" as const, clientId: pooled.id };
    expect(await acceptOffer({ actor: asClient, enrolmentId: await placeOn(second.id), conditional: true })).toMatchObject({ ok: true });
    expect(await cancelEnrolment({ actor: asProvider, enrolmentId: holdA.id, reason: "Moved away" })).toMatchObject({ ok: true });
    expect(await acceptOffer({ actor: asClient, enrolmentId: await placeOn(first.id) })).toMatchObject({ ok: true });

    // An administrator's invitation.
    const admin = await makeUser("ADMIN");
    const invitee = await makeUser("PROVIDER_STAFF", { organisationId: w.provider.id });
    await testDb().$transaction((tx) =>
      writeInvitation(tx, { invitationId: randomUUID(), user: invitee, locale: "fi", invitedById: admin.id, now: new Date() }),
    );

    const written = await writtenTemplates({ clientIds: clients.map((x) => x.id), userIds: [w.official.userId, invitee.id] });
    const engineTemplates = [
      "client/queue_moved",
      "official/client_declined",
      "client/seat_offered",
      "client/offer_expired",
      "official/offer_expired",
      "client/seat_confirmed",
      "official/client_placed",
      "official/no_show",
      "client/enrolment_cancelled",
      "client/queue_place_withdrawn",
      "client/pool_referral_received",
      "client/seat_confirmed_conditional",
      "client/conditional_seat_released",
      "staff/invitation",
    ];
    expect([...written].filter((t) => engineTemplates.includes(t)).sort()).toEqual([...engineTemplates].sort());
    // The engine's own offer (not refer_client's) says whether conditional acceptance is available.
    const poolOffer = await testDb().outboxMessage.findFirstOrThrow({ where: { clientId: pooled.id, template: "client/seat_offered", enrolmentId: await placeOn(second.id) } });
    expect(poolOffer.payload).toMatchObject({ conditionalAvailable: true, preferredCourses: [first.name] });
  });

  it("that do not parse are parked at once with the reason, not retried or sent", async () => {
    const ids = [randomUUID(), randomUUID()];
    await testDb().outboxMessage.createMany({
      data: [
        { id: ids[0]!, template: "client/seat_offered", payload: { courseId: "not-an-id", courseName: 42 } },
        { id: ids[1]!, template: "client/no_such_template", payload: {} },
      ].map((m) => ({ ...m, messageId: `<${m.id}@koulutusportti.invalid>`, locale: "fi", recipientEmail: `r.${m.id}@example.com` })),
    });
    // Nothing listens on this port: a message that got as far as sending would fail there and wait for a retry.
    const mailer = createMailer("smtp://127.0.0.1:9");
    try {
      const result = await deliverBatch({ smtpUrl: "smtp://127.0.0.1:9", from: "Koulutusportti <noreply@koulutusportti.invalid>", baseUrl: "http://portal.test", only: ids }, mailer);
      expect(result).toMatchObject({ claimed: 2, parked: 2, sent: 0, retry: 0 });
    } finally {
      mailer.close();
    }
    const rows = await testDb().outboxMessage.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0]!)).toMatchObject({ status: "PARKED", attempts: 1, handoffAt: null });
    expect(byId.get(ids[0]!)!.lastError).toMatch(/client\/seat_offered.*courseId.*courseName.*offerExpiresAt/);
    expect(byId.get(ids[1]!)).toMatchObject({ status: "PARKED", attempts: 1, lastError: "Unknown e-mail template client/no_such_template" });
  });
});
