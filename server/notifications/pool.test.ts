// A pooled referral from the client's side, through a real SMTP server: the e-mail listing the
// courses, the queue page with the standing on each, an offer on the second choice accepted on
// condition by link, the first choice accepted later, the conditional seat released and offered on.
import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import { EMAIL_MESSAGES } from "../../emails/i18n";
import { encryptIdentityCode, identityCodeHmac } from "../crypto";
import { cancelEnrolment, referClient, referToPool, staff } from "../enrolment";
import { answerSelfService, loadSelfService } from "../self-service/link-page";
import { recipientOf, tokenIn, smtpDeliveryForThisFile } from "./testing/smtp";

const BASE = "http://portal.test";
const CODE = "131052-308T";
const sv = EMAIL_MESSAGES.sv;
const smtp = smtpDeliveryForThisFile(BASE);
const deliver = (clientIds: string[]) => smtp.deliver(clientIds, { clientsOnly: true });
const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");

describe("a pooled client's e-mails and page", () => {
  it("lists the pool's courses, offers the second choice with conditional acceptance, and releases that seat when the first choice is accepted", async () => {
    const w = await makeWorld();
    await testDb().organisation.update({ where: { id: w.office.id }, data: { email: "te@example.fi" } });
    const a = await makeCourse(w.provider.id, 1, { name: `Första valet ${Date.now()}` });
    const b = await makeCourse(w.provider.id, 1, { name: `Andra valet ${Date.now()}` });
    const holders = [];
    for (const course of [a, b]) {
      const holder = await makeClient(w.office.id);
      const r = await referClient({ actor: staff(w.official), clientId: holder.id, courseId: course.id });
      if (!r.ok) throw new Error(r.code);
      holders.push(r.enrolment.id);
    }
    const kerstin = await makeClient(w.office.id, { firstName: "Kerstin", preferredLanguage: "sv", identityCodeCiphertext: encryptIdentityCode(CODE), identityCodeHmac: identityCodeHmac(CODE) });
    const next = await makeClient(w.office.id, { firstName: "Nästa", preferredLanguage: "sv" });

    const pool = await referToPool({ actor: staff(w.official), clientId: kerstin.id, criteria: { studyPath: null, levelFit: true, municipalities: [], includeRemote: false, schedule: null, instructionLanguage: null, startFrom: null, startTo: null }, rankedCourseIds: [a.id, b.id] });
    expect(pool.ok).toBe(true);
    const behind = await referClient({ actor: staff(w.official), clientId: next.id, courseId: b.id });
    expect(behind).toMatchObject({ ok: true, enrolment: { status: "WAITLISTED", queuePosition: 2 } });

    // One e-mail lists both courses with the client's choice numbers; its link shows the standing on each.
    const [referral] = (await deliver([kerstin.id])).filter((m) => recipientOf(m) === kerstin.email);
    expect(referral!.subject).toBe(sv["client/pool_referral_received"].subject);
    expect(referral!.text).toContain(`${fill(sv.common.choice, { rank: "1" })}: ${a.name}`);
    expect(referral!.text).toContain(`${fill(sv.common.choice, { rank: "2" })}: ${b.name}`);
    expect(referral!.text).toContain(sv.common.openQueuePage);
    expect(`${referral!.subject}${referral!.text}${referral!.html}`).not.toContain(CODE);
    const queuePage = await loadSelfService(tokenIn(referral!));
    expect(queuePage.state).toBe("pool");
    if (queuePage.state !== "pool") return;
    expect(queuePage.places.map((p) => [p.course.name, p.rank, p.status, p.position, p.total])).toEqual([
      [a.name, 1, "WAITLISTED", 1, 1],
      [b.name, 2, "WAITLISTED", 1, 2],
    ]);

    // A seat frees on the second choice: the offer explains conditional acceptance and links to it.
    expect(await cancelEnrolment({ actor: staff(w.providerStaff), enrolmentId: holders[1]!, reason: "Flyttade" })).toMatchObject({ ok: true });
    const [offerB] = (await deliver([kerstin.id])).filter((m) => recipientOf(m) === kerstin.email);
    expect(offerB!.subject).toContain(b.name);
    expect(offerB!.text).toContain(sv.common.acceptConditional);
    expect(offerB!.text).toContain(fill(sv.common.conditionalOffer, { courses: a.name }));
    expect(offerB!.html).toContain("answer=acceptConditional");
    const offerToken = tokenIn(offerB!);
    expect(await loadSelfService(offerToken)).toMatchObject({ state: "offer", preferred: [a.name] });

    // Accepted on condition by link: the page says so, with the place still held on the first choice.
    expect(await answerSelfService(offerToken, "acceptConditional")).toEqual({ ok: true, status: "CONFIRMED" });
    const answered = await loadSelfService(offerToken);
    expect(answered).toMatchObject({ state: "answered", status: "CONFIRMED", released: false });
    expect(answered.state === "answered" && answered.conditional?.map((p) => [p.course.name, p.position])).toEqual([[a.name, 1]]);
    const [confirmed] = (await deliver([kerstin.id])).filter((m) => recipientOf(m) === kerstin.email);
    expect(confirmed!.subject).toBe(fill(sv["client/seat_confirmed_conditional"].subject, { course: b.name }));
    expect(confirmed!.text).toContain(a.name);

    // A seat frees on the first choice: a plain offer (nothing ranked higher), accepted by link.
    expect(await cancelEnrolment({ actor: staff(w.providerStaff), enrolmentId: holders[0]!, reason: "Flyttade" })).toMatchObject({ ok: true });
    const [offerA] = (await deliver([kerstin.id])).filter((m) => recipientOf(m) === kerstin.email);
    expect(offerA!.subject).toContain(a.name);
    expect(offerA!.text).not.toContain(sv.common.acceptConditional);
    expect(await answerSelfService(tokenIn(offerA!), "accept")).toEqual({ ok: true, status: "CONFIRMED" });

    // The conditional seat is released, the client is told why, and the next in B's queue gets the offer.
    const mails = await deliver([kerstin.id, next.id]);
    const released = mails.find((m) => recipientOf(m) === kerstin.email && m.subject === fill(sv["client/conditional_seat_released"].subject, { course: b.name }));
    expect(released?.text).toContain(fill(sv["client/conditional_seat_released"].body, { placed: a.name, course: b.name }));
    const offerSubject = sv["client/seat_offered"].subject.split(":")[0]!;
    const nextOffer = mails.find((m) => recipientOf(m) === next.email && m.subject!.startsWith(offerSubject));
    expect(nextOffer?.subject).toContain(b.name);
    expect(nextOffer?.text).toContain(sv.common.accept);
    expect(nextOffer?.text).not.toContain(sv.common.acceptConditional);
    expect(await loadSelfService(offerToken)).toMatchObject({ state: "answered", status: "WITHDRAWN", released: true });
    for (const m of mails) expect(`${m.subject}${m.text}${m.html}`).not.toContain(CODE);
  });

  it("refuses a conditional acceptance when nothing is ranked higher, and gives the link back", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1);
    const client = await makeClient(w.office.id);
    const r = await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id });
    expect(r).toMatchObject({ ok: true, enrolment: { status: "OFFERED" } });
    const [offer] = await deliver([client.id]);
    const token = tokenIn(offer!);
    expect(await loadSelfService(token)).toMatchObject({ state: "offer", preferred: [] });
    expect(await answerSelfService(token, "acceptConditional")).toEqual({ ok: false, code: "CONDITIONAL_NOT_AVAILABLE" });
    expect(await answerSelfService(token, "accept")).toEqual({ ok: true, status: "CONFIRMED" });
  });
});
