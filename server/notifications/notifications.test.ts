// From the engine's change to the e-mail an SMTP server accepted, and from its link back to the engine.
import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import { encryptIdentityCode, identityCodeHmac } from "../crypto";
import { referClient, staff } from "../enrolment";
import { answerSelfService, loadSelfService } from "../self-service/link-page";
import { languageOfLink } from "../self-service/tokens";
import { recipientOf, tokenIn, smtpDeliveryForThisFile } from "./testing/smtp";

const IDENTITY_CODE = "131052-308T";
const OTHER_CODE = "010190-123A";
const codeFields = (code: string) => ({ identityCodeCiphertext: encryptIdentityCode(code), identityCodeHmac: identityCodeHmac(code) });
const BASE = "http://portal.test";
const { deliver } = smtpDeliveryForThisFile(BASE);

describe("client e-mails through SMTP", () => {
  it("offer in Ukrainian → decline by link → next client's offer in Arabic (RTL) → accept → confirmation with .ics; the official hears of the decline", async () => {
    const w = await makeWorld();
    await testDb().organisation.update({ where: { id: w.office.id }, data: { email: "palvelut@example.fi", phone: "+358 29 000 0000" } });
    const course = await makeCourse(w.provider.id, 1, { offerResponseHours: 72, address: "Opistokatu 1" });
    const olena = await makeClient(w.office.id, { firstName: "Olena", preferredLanguage: "uk", ...codeFields(IDENTITY_CODE) });
    const amal = await makeClient(w.office.id, { firstName: "Amal", preferredLanguage: "ar", ...codeFields(OTHER_CODE) });
    const first = await referClient({ actor: staff(w.official), clientId: olena.id, courseId: course.id });
    const second = await referClient({ actor: staff(w.official), clientId: amal.id, courseId: course.id });
    expect(first).toMatchObject({ ok: true, enrolment: { status: "OFFERED" } });
    expect(second).toMatchObject({ ok: true, enrolment: { status: "WAITLISTED" } });

    const mails = await deliver([olena.id, amal.id]);
    const offer = mails.find((m) => recipientOf(m) === olena.email)!;
    const queued = mails.find((m) => recipientOf(m) === amal.email)!;
    expect(offer.subject).toContain("Вам пропонують місце");
    expect(offer.subject).toContain(course.name);
    expect(offer.headers.get("content-language")).toBe("uk");
    expect(offer.text).toContain("Прийняти місце");
    expect(offer.html).toContain('lang="uk"');
    expect(offer.html).toContain("palvelut@example.fi");
    expect(queued.subject).toContain(course.name);
    expect(queued.html).toContain('dir="rtl"');
    expect(queued.text).toContain("1 من 1");
    for (const m of mails) {
      expect(m.text).toBeTruthy();
      expect(m.html).toBeTruthy();
      expect(`${m.subject} ${m.text} ${m.html}`).not.toContain(IDENTITY_CODE);
      expect(`${m.subject} ${m.text} ${m.html}`).not.toContain(OTHER_CODE);
    }

    // The links work: the page behind them shows the offer, and the queue page the place in the queue.
    const offerToken = tokenIn(offer);
    expect(offer.text).toContain(`${BASE}/o/${offerToken}?lang=uk&answer=accept`);
    // The page tells the client whom to contact: their own office, by name, with its details.
    const office = await testDb().organisation.findUniqueOrThrow({ where: { id: w.office.id } });
    expect(await loadSelfService(offerToken)).toMatchObject({ state: "offer", course: { name: course.name }, office: { name: office.name, email: "palvelut@example.fi", phone: "+358 29 000 0000" } });
    expect(await loadSelfService(tokenIn(queued))).toMatchObject({ state: "queue", position: 1, total: 1 });
    // Each link keeps the language its e-mail was written in: the page opens in it (i18n/request.ts).
    expect(await languageOfLink(offerToken)).toBe("uk");
    expect(await languageOfLink(tokenIn(queued))).toBe("ar");
    expect(await languageOfLink(`${offerToken.slice(0, -1)}${offerToken.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await languageOfLink("not-a-token")).toBeNull();

    expect(await answerSelfService(offerToken, "decline")).toEqual({ ok: true, status: "DECLINED" });
    expect(await answerSelfService(offerToken, "accept")).toEqual({ ok: false, code: "USED" });
    expect(await loadSelfService(offerToken)).toMatchObject({ state: "answered", status: "DECLINED" });
    const event = await testDb().enrolmentEvent.findFirst({ where: { enrolmentId: first.ok ? first.enrolment.id : "", toStatus: "DECLINED" } });
    expect(event).toMatchObject({ actorKind: "CLIENT" });

    const afterDecline = await deliver([olena.id, amal.id]);
    const official = afterDecline.find((m) => recipientOf(m) === w.official.email)!;
    expect(official.subject).toContain(course.name);
    expect(official.text).toContain(`Olena ${olena.lastName}`);
    expect(official.text).not.toContain(IDENTITY_CODE);
    const arabicOffer = afterDecline.find((m) => recipientOf(m) === amal.email)!;
    expect(arabicOffer.subject).toContain("يُعرض عليك مقعد");
    expect(arabicOffer.html).toContain('dir="rtl"');

    const arabicToken = tokenIn(arabicOffer);
    expect(await answerSelfService(arabicToken, "accept")).toEqual({ ok: true, status: "CONFIRMED" });
    const placed = await deliver([amal.id]);
    const confirmation = placed.find((m) => recipientOf(m) === amal.email);
    expect(placed.find((m) => recipientOf(m) === w.official.email)?.subject).toContain(course.name);
    expect(confirmation!.subject).toContain("تم تأكيد مقعدك");
    const ics = confirmation!.attachments.find((a) => a.filename === "course.ics")!;
    expect(ics.contentType).toBe("text/calendar");
    expect(ics.content.toString()).toContain("DTSTART;VALUE=DATE:20990110");
    expect(ics.content.toString()).toContain(course.name);
  });

  it("a queued client leaves the queue by link; unknown, used and expired tokens get a state, not an error", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1);
    const holder = await makeClient(w.office.id);
    const waiting = await makeClient(w.office.id, { preferredLanguage: "ru" });
    await referClient({ actor: staff(w.official), clientId: holder.id, courseId: course.id });
    await referClient({ actor: staff(w.official), clientId: waiting.id, courseId: course.id });
    const mails = await deliver([holder.id, waiting.id]);
    const queued = mails.find((m) => recipientOf(m) === waiting.email)!;
    expect(queued.subject).toContain("Вы в очереди");
    const token = tokenIn(queued);
    expect(await answerSelfService(token, "accept")).toEqual({ ok: false, code: "NOT_ANSWERABLE" });
    expect(await answerSelfService(token, "leave")).toEqual({ ok: true, status: "WITHDRAWN" });
    expect(await loadSelfService(token)).toMatchObject({ state: "answered", status: "WITHDRAWN" });
    const [left] = await deliver([waiting.id]);
    expect(left!.subject).toContain("Вы больше не в очереди");

    expect(await loadSelfService("not-a-token")).toEqual({ state: "unknown" });
    expect(await loadSelfService("A".repeat(43))).toEqual({ state: "unknown" });
    expect(await answerSelfService("A".repeat(43), "accept")).toEqual({ ok: false, code: "UNKNOWN" });

    const offer = mails.find((m) => recipientOf(m) === holder.email)!;
    const offerToken = tokenIn(offer);
    const later = new Date(Date.now() + 100 * 3_600_000);
    expect(await loadSelfService(offerToken, later)).toMatchObject({ state: "expired" });
    expect(await answerSelfService(offerToken, "accept", later)).toEqual({ ok: false, code: "EXPIRED" });
  });

  it("re-rendering a message (a retry) gives the same link", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1);
    const client = await makeClient(w.office.id);
    await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id });
    const message = await testDb().outboxMessage.findFirstOrThrow({ where: { clientId: client.id } });
    const { renderOutboxMessage } = await import("./render");
    const a = await renderOutboxMessage(message, BASE);
    const b = await renderOutboxMessage(message, BASE);
    expect(a.text).toBe(b.text);
    expect(await testDb().selfServiceToken.count({ where: { outboxMessageId: message.id } })).toBe(1);
  });
});
