// Reminders, digests and queue-move notices enter the outbox once, however often the jobs run.
import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import { moveInQueue, referClient, staff } from "../enrolment";
import { parkedMessagesFor } from "./admin";
import { queueDailyDigests, queueOfferReminders, queueStartReminders } from "./scheduled";
import { addDays, helsinkiToday, parseDate } from "../../lib/dates";

const HOUR = 3_600_000;
const outbox = (where: object) => testDb().outboxMessage.findMany({ where });

describe("scheduled messages", () => {
  it("reminds of an offer a day before its deadline, once", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1, { offerResponseHours: 72 });
    const client = await makeClient(w.office.id, { preferredLanguage: "sv" });
    const referred = await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id });
    if (!referred.ok) throw new Error(referred.code);
    expect(await queueOfferReminders(new Date(), course.id)).toBe(0);
    const dayBefore = new Date(Date.now() + 50 * HOUR);
    expect(await queueOfferReminders(dayBefore, course.id)).toBe(1);
    expect(await queueOfferReminders(dayBefore, course.id)).toBe(0);
    expect(await outbox({ enrolmentId: referred.enrolment.id, template: "client/offer_reminder" })).toMatchObject([{ locale: "sv", recipientEmail: client.email }]);
  });

  it("reminds a confirmed client three days before the course starts, once", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1, { confirmOnReferral: true, startsOn: parseDate(addDays(helsinkiToday(new Date()), 2)) });
    const client = await makeClient(w.office.id);
    await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id });
    expect(await queueStartReminders(new Date(), course.id)).toBe(1);
    expect(await queueStartReminders(new Date(), course.id)).toBe(0);
    expect(await outbox({ clientId: client.id, template: "client/start_reminder" })).toHaveLength(1);
  });

  it("sends each provider's staff a digest of yesterday's referrals, once", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 5);
    const yesterday = new Date(Date.now() - 24 * HOUR);
    await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id, now: yesterday });
    await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id, now: yesterday });
    expect(await queueDailyDigests(new Date(), w.provider.id)).toBe(1);
    expect(await queueDailyDigests(new Date(), w.provider.id)).toBe(0);
    const [digest] = await outbox({ userId: w.providerStaff.userId, template: "provider/daily_digest" });
    expect(digest!.payload).toMatchObject({ courses: [{ name: course.name, count: 2 }] });
  });

  it("tells a moved client only on a course that asks for it", async () => {
    const w = await makeWorld();
    for (const notify of [false, true]) {
      const course = await makeCourse(w.provider.id, 1, { notifyQueueMoves: notify });
      const clients = [await makeClient(w.office.id), await makeClient(w.office.id), await makeClient(w.office.id)];
      const ids: string[] = [];
      for (const c of clients) {
        const r = await referClient({ actor: staff(w.official), clientId: c.id, courseId: course.id });
        if (r.ok) ids.push(r.enrolment.id);
      }
      expect(await moveInQueue({ actor: staff(w.providerStaff), enrolmentId: ids[2]!, position: 1, reason: "Urgent need" })).toMatchObject({ ok: true });
      expect(await outbox({ enrolmentId: ids[2], template: "client/queue_moved" })).toHaveLength(notify ? 1 : 0);
    }
  });

  it("shows parked messages to administrators only", async () => {
    const w = await makeWorld();
    expect(await parkedMessagesFor(w.official)).toEqual([]);
  });
});
