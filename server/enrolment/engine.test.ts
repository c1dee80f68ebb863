import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import {
  acceptOffer, cancelEnrolment, changeCapacity, confirmSeat, declineOffer, expireDueOffers, getEnrolment, listCourseEnrolments,
  markCompleted, markInterrupted, markNoShow, markStarted, moveInQueue, offerSeat, referClient, setCourseStatus, setPriority, staff,
} from "./index";

const HOUR = 3_600_000;

async function statusOf(id: string) {
  return (await testDb().enrolment.findUniqueOrThrow({ where: { id } })).status;
}

describe("referral", () => {
  it("offers a free seat with a deadline, then queues when the course is full", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1, { offerResponseHours: 48 });
    const now = new Date();
    const first = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id, now });
    expect(first).toMatchObject({ ok: true, enrolment: { status: "OFFERED", queuePosition: null } });
    if (!first.ok) throw new Error();
    expect(first.enrolment.offerExpiresAt?.getTime()).toBe(now.getTime() + 48 * HOUR);
    const second = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id });
    expect(second).toMatchObject({ ok: true, enrolment: { status: "WAITLISTED", queuePosition: 1 } });
    const events = await testDb().enrolmentEvent.findMany({ where: { enrolmentId: first.enrolment.id } });
    expect(events).toMatchObject([{ fromStatus: null, toStatus: "OFFERED", actorKind: "USER", actorUserId: w.official.userId }]);
    const outbox = await testDb().outboxMessage.findMany({ where: { enrolmentId: first.enrolment.id } });
    expect(outbox.map((m) => m.template)).toEqual(["client/seat_offered"]);
  });

  it("confirms at once on a course that confirms on referral", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 2, { confirmOnReferral: true });
    const r = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id });
    expect(r).toMatchObject({ ok: true, enrolment: { status: "CONFIRMED" } });
  });

  it("refuses a second referral, closed, cancelled and draft courses, other offices' clients, and non-officials", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const client = await makeClient(w.office.id);
    const course = await makeCourse(w.provider.id, 3);
    const refer = (courseId: string, clientId = client.id, actor = staff(w.official)) => referClient({ actor, clientId, courseId });
    expect(await refer(course.id)).toMatchObject({ ok: true });
    expect(await refer(course.id)).toEqual({ ok: false, code: "ALREADY_ENROLLED" });
    expect(await refer((await makeCourse(w.provider.id, 3, { status: "DRAFT" })).id)).toEqual({ ok: false, code: "COURSE_NOT_PUBLISHED" });
    expect(await refer((await makeCourse(w.provider.id, 3, { status: "CLOSED" })).id)).toEqual({ ok: false, code: "COURSE_CLOSED" });
    expect(await refer((await makeCourse(w.provider.id, 3, { status: "CANCELLED" })).id)).toEqual({ ok: false, code: "COURSE_CANCELLED" });
    expect(await refer((await makeCourse(w.provider.id, 3, { referralClosesOn: new Date("2000-01-01") })).id)).toEqual({ ok: false, code: "REFERRAL_PERIOD_NOT_OPEN" });
    expect(await refer(course.id, (await makeClient(other.office.id)).id)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await refer(course.id, (await makeClient(w.office.id)).id, staff(w.providerStaff))).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id, priority: "URGENT" })).toEqual({ ok: false, code: "REASON_REQUIRED" });
  });

  it("queues a client who already holds a seat elsewhere even when a seat is free", async () => {
    const w = await makeWorld();
    const client = await makeClient(w.office.id);
    await referClient({ actor: staff(w.official), clientId: client.id, courseId: (await makeCourse(w.provider.id, 1)).id });
    const r = await referClient({ actor: staff(w.official), clientId: client.id, courseId: (await makeCourse(w.provider.id, 5)).id });
    expect(r).toMatchObject({ ok: true, enrolment: { status: "WAITLISTED", queuePosition: 1 } });
  });

  it("offers a free seat to a newcomer when everyone waiting holds a seat elsewhere", async () => {
    const w = await makeWorld();
    const seatedElsewhere = await makeClient(w.office.id);
    await referClient({ actor: staff(w.official), clientId: seatedElsewhere.id, courseId: (await makeCourse(w.provider.id, 1)).id });
    const course = await makeCourse(w.provider.id, 1);
    const waiting = await referClient({ actor: staff(w.official), clientId: seatedElsewhere.id, courseId: course.id });
    expect(waiting).toMatchObject({ ok: true, enrolment: { status: "WAITLISTED", queuePosition: 1 } });
    const newcomer = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id });
    expect(newcomer).toMatchObject({ ok: true, enrolment: { status: "OFFERED", queuePosition: null } });
  });
});

describe("offers and the queue", () => {
  async function fullCourseWithQueue(capacity: number, queued: number) {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, capacity);
    const ids: string[] = [];
    for (let i = 0; i < capacity + queued; i++) {
      const r = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id, now: new Date(Date.now() + i) });
      if (!r.ok) throw new Error(r.code);
      ids.push(r.enrolment.id);
    }
    return { w, course, ids };
  }

  it("accepting confirms and withdraws the client's other queue places", async () => {
    const { w, course, ids } = await fullCourseWithQueue(1, 0);
    const clientId = (await testDb().enrolment.findUniqueOrThrow({ where: { id: ids[0]! } })).clientId;
    const elsewhere = await referClient({ actor: staff(w.official), clientId, courseId: (await makeCourse(w.provider.id, 1)).id });
    expect(elsewhere).toMatchObject({ enrolment: { status: "WAITLISTED" } });
    expect(await acceptOffer({ actor: { kind: "CLIENT", clientId }, enrolmentId: ids[0]! })).toMatchObject({ ok: true, enrolment: { status: "CONFIRMED" } });
    if (!elsewhere.ok) throw new Error();
    expect(await statusOf(elsewhere.enrolment.id)).toBe("WITHDRAWN");
    expect((await testDb().course.findUniqueOrThrow({ where: { id: course.id } })).seatsHeld).toBe(1);
  });

  it("declining offers the seat to the next in the queue at once", async () => {
    const { w, ids } = await fullCourseWithQueue(1, 2);
    expect(await declineOffer({ actor: staff(w.official), enrolmentId: ids[0]! })).toMatchObject({ ok: true });
    expect(await statusOf(ids[1]!)).toBe("OFFERED");
    expect(await statusOf(ids[2]!)).toBe("WAITLISTED");
    const events = await testDb().enrolmentEvent.findMany({ where: { enrolmentId: ids[1]! }, orderBy: { id: "asc" } });
    expect(events.at(-1)).toMatchObject({ fromStatus: "WAITLISTED", toStatus: "OFFERED", actorKind: "SYSTEM" });
  });

  it("an offer past its deadline expires (by the job, or when answered) and the seat moves on", async () => {
    const { w, course, ids } = await fullCourseWithQueue(2, 2);
    const later = new Date(Date.now() + 73 * HOUR);
    expect(await acceptOffer({ actor: staff(w.official), enrolmentId: ids[0]!, now: later })).toEqual({ ok: false, code: "OFFER_EXPIRED" });
    expect(await statusOf(ids[0]!)).toBe("EXPIRED");
    // Scoped to this course: test files share the database.
    expect(await expireDueOffers(later, course.id)).toBe(1);
    expect(await statusOf(ids[1]!)).toBe("EXPIRED");
    expect([await statusOf(ids[2]!), await statusOf(ids[3]!)]).toEqual(["OFFERED", "OFFERED"]);
  });

  it("reading an enrolment expires overdue offers lazily", async () => {
    const { w, ids } = await fullCourseWithQueue(1, 1);
    const read = await getEnrolment({ actor: staff(w.providerStaff), enrolmentId: ids[1]!, now: new Date(Date.now() + 100 * HOUR) });
    expect(read).toMatchObject({ ok: true, enrolment: { status: "OFFERED" } });
    expect(await statusOf(ids[0]!)).toBe("EXPIRED");
  });

  it("orders the queue by priority group, then referral time, with dense positions; providers move places with a reason", async () => {
    const { w, course, ids } = await fullCourseWithQueue(1, 4);
    expect(await setPriority({ actor: staff(w.official), enrolmentId: ids[4]!, priority: "URGENT", reason: "Integration time ends in 30 days" })).toEqual({ ok: true, queuePosition: 1 });
    expect(await moveInQueue({ actor: staff(w.providerStaff), enrolmentId: ids[3]!, position: 2, reason: "Evening group suits her" })).toEqual({ ok: true, queuePosition: 2 });
    expect(await moveInQueue({ actor: staff(w.providerStaff), enrolmentId: ids[3]!, position: 2 })).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(await moveInQueue({ actor: staff(w.providerStaff), enrolmentId: ids[3]!, position: 9, reason: "x" })).toEqual({ ok: false, code: "INVALID_POSITION" });
    const list = await listCourseEnrolments({ actor: staff(w.providerStaff), courseId: course.id, status: "WAITLISTED" });
    if (!list.ok) throw new Error();
    expect(list.enrolments.map((e) => [e.id, e.queuePosition])).toEqual([[ids[4], 1], [ids[3], 2], [ids[1], 3], [ids[2], 4]]);
    await declineOffer({ actor: staff(w.official), enrolmentId: ids[0]! });
    expect(await statusOf(ids[4]!)).toBe("OFFERED");
  });

  it("offers out of order only with a reason, a free seat and a client without a seat", async () => {
    const { w, course, ids } = await fullCourseWithQueue(1, 2);
    expect(await offerSeat({ actor: staff(w.providerStaff), enrolmentId: ids[2]!, reason: "Needs the day group" })).toEqual({ ok: false, code: "NO_FREE_SEAT" });
    await changeCapacity({ actor: staff(w.providerStaff), courseId: course.id, capacity: 1 });
    expect(await offerSeat({ actor: staff(w.providerStaff), enrolmentId: ids[2]! })).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(await offerSeat({ actor: staff(w.official), enrolmentId: ids[2]!, reason: "x" })).toEqual({ ok: false, code: "FORBIDDEN" });
  });

  it("raising capacity offers seats at once; lowering below held seats is refused", async () => {
    const { w, course, ids } = await fullCourseWithQueue(2, 3);
    expect(await changeCapacity({ actor: staff(w.providerStaff), courseId: course.id, capacity: 4 })).toEqual({ ok: true, capacity: 4, seatsOffered: 2 });
    expect([await statusOf(ids[2]!), await statusOf(ids[3]!), await statusOf(ids[4]!)]).toEqual(["OFFERED", "OFFERED", "WAITLISTED"]);
    expect(await changeCapacity({ actor: staff(w.providerStaff), courseId: course.id, capacity: 3 })).toEqual({ ok: false, code: "CAPACITY_BELOW_HELD" });
    const other = await makeWorld();
    expect(await changeCapacity({ actor: staff(other.providerStaff), courseId: course.id, capacity: 9 })).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("walks a seat through confirm, start and completion; illegal transitions are refused", async () => {
    const { w, ids } = await fullCourseWithQueue(1, 0);
    const p = staff(w.providerStaff);
    expect(await markStarted({ actor: p, enrolmentId: ids[0]! })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await confirmSeat({ actor: staff(w.official), enrolmentId: ids[0]! })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await confirmSeat({ actor: p, enrolmentId: ids[0]! })).toMatchObject({ ok: true });
    expect(await markStarted({ actor: p, enrolmentId: ids[0]! })).toMatchObject({ ok: true });
    expect(await markInterrupted({ actor: p, enrolmentId: ids[0]! })).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(await markCompleted({ actor: p, enrolmentId: ids[0]! })).toMatchObject({ ok: true, enrolment: { status: "COMPLETED" } });
    expect(await cancelEnrolment({ actor: p, enrolmentId: ids[0]!, reason: "x" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    const events = await testDb().enrolmentEvent.findMany({ where: { enrolmentId: ids[0]! }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.toStatus)).toEqual(["OFFERED", "CONFIRMED", "STARTED", "COMPLETED"]);
  });

  it("a no-show frees the seat for the next person and tells the official", async () => {
    const { w, ids } = await fullCourseWithQueue(1, 1);
    await confirmSeat({ actor: staff(w.providerStaff), enrolmentId: ids[0]! });
    expect(await markNoShow({ actor: staff(w.providerStaff), enrolmentId: ids[0]! })).toMatchObject({ ok: true });
    expect(await statusOf(ids[1]!)).toBe("OFFERED");
    const notices = await testDb().outboxMessage.findMany({ where: { enrolmentId: ids[0]!, template: "official/no_show" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipientEmail).toBe(w.official.email);
  });

  it("cancelling a course cancels every live enrolment, with events and client messages", async () => {
    const { w, course, ids } = await fullCourseWithQueue(1, 2);
    expect(await setCourseStatus({ actor: staff(w.providerStaff), courseId: course.id, status: "CANCELLED" })).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(await setCourseStatus({ actor: staff(w.providerStaff), courseId: course.id, status: "CANCELLED", reason: "Teacher unavailable" })).toEqual({ ok: true, status: "CANCELLED" });
    for (const id of ids) expect(await statusOf(id)).toBe("CANCELLED");
    expect((await testDb().course.findUniqueOrThrow({ where: { id: course.id } })).seatsHeld).toBe(0);
    expect(await testDb().outboxMessage.count({ where: { enrolmentId: { in: ids }, template: "client/enrolment_cancelled" } })).toBe(3);
  });

  it("other organisations get NOT_FOUND for every verb", async () => {
    const { ids } = await fullCourseWithQueue(1, 1);
    const other = await makeWorld();
    for (const actor of [staff(other.official), staff(other.providerStaff)]) {
      expect(await acceptOffer({ actor, enrolmentId: ids[0]! })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await cancelEnrolment({ actor, enrolmentId: ids[1]!, reason: "x" })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await getEnrolment({ actor, enrolmentId: ids[0]! })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await moveInQueue({ actor, enrolmentId: ids[1]!, position: 1, reason: "x" })).toEqual({ ok: false, code: "NOT_FOUND" });
    }
  });
});
