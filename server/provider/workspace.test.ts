import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import { duplicateCourse } from "../courses/courses";
import { referClient, staff } from "../enrolment";
import { bulkEnrolmentAction, changeCourseCapacity, changeCourseStatus, moveClientInQueue, providerEnrolmentAction } from "./changes";
import { courseHistory, coursePage, enrolmentPage, participants, providerHome } from "./workspace";
import { addDays, helsinkiToday, parseDate } from "../../lib/dates";

async function courseWithReferrals(capacity: number, referrals: number) {
  const w = await makeWorld();
  const course = await makeCourse(w.provider.id, capacity);
  const enrolments = [];
  for (let i = 0; i < referrals; i++) {
    const client = await makeClient(w.office.id, { identityCodeCiphertext: `SECRET-CIPHERTEXT-${i}`, identityCodeHmac: `SECRET-HMAC-${i}`, firstName: `Person${i}` });
    const r = await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id, note: `note ${i}` });
    if (!r.ok) throw new Error(r.code);
    enrolments.push(r.enrolment.id);
  }
  return { w, course, enrolments };
}

describe("provider workspace", () => {
  it("shows seats, the queue in order with positions, and minimal client data without identity codes", async () => {
    const { w, course, enrolments } = await courseWithReferrals(3, 5);
    const page = await coursePage(w.providerStaff, course.id);
    expect(page).not.toBeNull();
    expect(page!.seats.map((s) => s.status)).toEqual(["OFFERED", "OFFERED", "OFFERED"]);
    expect(page!.queue.map((q) => [q.id, q.queuePosition])).toEqual([[enrolments[3], 1], [enrolments[4], 2]]);
    expect(page!.queue[0]!.referralNote).toBe("note 3");
    const json = JSON.stringify(page);
    expect(json).not.toContain("SECRET-");
    expect(json).not.toMatch(/identityCode|dateOfBirth/);
    expect(JSON.stringify(await enrolmentPage(w.providerStaff, course.id, enrolments[0]!))).not.toContain("SECRET-");
    expect(JSON.stringify(await participants(w.providerStaff, course.id, "export"))).not.toContain("SECRET-");
  });

  it("moves in the queue with a reason, refuses lowering capacity below held seats, offers seats when raised, and records history", async () => {
    const { w, course, enrolments } = await courseWithReferrals(3, 5);
    expect(await moveClientInQueue(w.providerStaff, enrolments[4]!, 1, "Integration time ends soon")).toMatchObject({ ok: true, queuePosition: 1 });
    expect(await changeCourseCapacity(w.providerStaff, course.id, 2)).toEqual({ ok: false, code: "CAPACITY_BELOW_HELD" });
    expect(await providerEnrolmentAction(w.providerStaff, enrolments[0]!, "decline")).toMatchObject({ ok: true });
    const afterDecline = await coursePage(w.providerStaff, course.id);
    expect(afterDecline!.seats.map((s) => s.id)).toContain(enrolments[4]);
    expect(await changeCourseCapacity(w.providerStaff, course.id, 4)).toEqual({ ok: true, seatsOffered: 1 });
    const history = await courseHistory(w.providerStaff, course.id);
    expect(history!.find((h) => h.move)).toMatchObject({ reason: "Integration time ends soon", move: { from: 2, to: 1 } });
    expect(history!.find((h) => h.action === "course.capacity")).toMatchObject({ details: { from: 3, to: 4, seatsOffered: 1 } });
  });

  it("bulk actions report each row; a wrong state is a row error, not a failure of the rest", async () => {
    const { w, enrolments } = await courseWithReferrals(2, 2);
    const [a, b] = enrolments as [string, string];
    expect(await providerEnrolmentAction(w.providerStaff, a, "confirm")).toMatchObject({ ok: true });
    const results = await bulkEnrolmentAction(w.providerStaff, [a, b], "start");
    expect(results).toEqual([{ enrolmentId: a, ok: true }, { enrolmentId: b, ok: false, code: "INVALID_TRANSITION" }]);
  });

  it("cancelling a course needs a reason and cancels every live enrolment", async () => {
    const { w, course, enrolments } = await courseWithReferrals(1, 2);
    expect(await changeCourseStatus(w.providerStaff, course.id, "CANCELLED")).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(await changeCourseStatus(w.providerStaff, course.id, "CANCELLED", "Teacher left")).toEqual({ ok: true });
    const statuses = await testDb().enrolment.findMany({ where: { id: { in: enrolments } }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["CANCELLED", "CANCELLED"]);
  });

  it("another provider's staff sees nothing and can change nothing", async () => {
    const { course, enrolments } = await courseWithReferrals(1, 2);
    const other = await makeWorld();
    const stranger = other.providerStaff;
    expect(await coursePage(stranger, course.id)).toBeNull();
    expect(await enrolmentPage(stranger, course.id, enrolments[0]!)).toBeNull();
    expect(await courseHistory(stranger, course.id)).toBeNull();
    expect(await participants(stranger, course.id, "export")).toBeNull();
    expect(await changeCourseCapacity(stranger, course.id, 9)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await changeCourseStatus(stranger, course.id, "CANCELLED", "x")).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await moveClientInQueue(stranger, enrolments[1]!, 1, "x")).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await providerEnrolmentAction(stranger, enrolments[0]!, "confirm")).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await duplicateCourse(stranger, course.id)).toEqual({ ok: false, code: "NOT_FOUND" });
    // Officials are not providers either.
    expect(await coursePage(other.official, course.id)).toBeNull();
  });

  it("home: new referrals since the last visit, expiring offers, courses starting soon with free seats", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 3, { startsOn: parseDate(addDays(helsinkiToday(new Date()), 5)), offerResponseHours: 24 });
    const first = await providerHome(w.providerStaff);
    expect(first).toMatchObject({ firstVisit: true, newReferrals: [] });
    expect(first!.startingSoon.map((c) => c.id)).toEqual([course.id]);
    const client = await makeClient(w.office.id);
    await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id });
    const second = await providerHome(w.providerStaff);
    expect(second!.firstVisit).toBe(false);
    expect(second!.newReferrals.map((r) => r.client.lastName)).toEqual([client.lastName]);
    expect(second!.expiringOffers).toHaveLength(1);
    expect(second!.courses.find((c) => c.id === course.id)).toMatchObject({ capacity: 3, seatsHeld: 1, freeSeats: 2, queueLength: 0 });
    expect((await providerHome(w.providerStaff))!.newReferrals).toEqual([]);
  });

  it("home: starting soon counts Finnish days, not UTC ones", async () => {
    const w = await makeWorld();
    // 00:30 on Monday 15 March 2027 in Helsinki, still the 14th in UTC.
    const now = new Date("2027-03-14T22:30:00Z");
    const started = await makeCourse(w.provider.id, 3, { startsOn: parseDate("2027-03-14"), endsOn: parseDate("2027-06-30") });
    const today = await makeCourse(w.provider.id, 3, { startsOn: parseDate("2027-03-15"), endsOn: parseDate("2027-06-30") });
    const inTwoWeeks = await makeCourse(w.provider.id, 3, { startsOn: parseDate("2027-03-29"), endsOn: parseDate("2027-06-30") });
    const home = await providerHome(w.providerStaff, now);
    expect(home!.startingSoon.map((c) => c.id)).toEqual([today.id, inTwoWeeks.id]);
    expect(home!.courses.map((c) => c.id)).toContain(started.id);
  });

  it("duplicates a course for the next term as a draft with its dates moved on", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 12, { startsOn: parseDate("2099-01-10"), endsOn: parseDate("2099-01-30"), confirmOnReferral: true, offerResponseHours: 48 });
    const copy = await duplicateCourse(w.providerStaff, course.id);
    expect(copy).toMatchObject({ ok: true, course: { status: "DRAFT", capacity: 12, startsOn: "2099-02-07", endsOn: "2099-02-27", confirmOnReferral: true, offerResponseHours: 48, seatsHeld: 0 } });
  });
});
