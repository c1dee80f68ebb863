// Scenario tests of pooled referrals and conditional acceptance, one rule per test.
// Each test's courses sit in a municipality of their own, so the criteria of one test's pools
// never match another test's courses in the shared test database.
import { describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeClient, makeCourse, makeWorld, type World } from "../testing/factories";
import type { PoolCriteria } from "../../lib/schemas/pool";
import {
  acceptOffer, cancelEnrolment, changeCapacity, closePool, declineOffer, markStarted, poolStatusOfClient, referClient, referToPool, setCourseStatus, staff, syncPools,
} from "./index";
import { expectInvariants } from "./testing/invariants";

const HOUR = 3_600_000;

function criteria(municipality: string, extra: Partial<PoolCriteria> = {}): PoolCriteria {
  return { studyPath: "BASIC", levelFit: true, municipalities: [municipality], includeRemote: false, schedule: null, instructionLanguage: null, startFrom: null, startTo: null, ...extra };
}

async function place(clientId: string, courseId: string) {
  return testDb().enrolment.findFirstOrThrow({ where: { clientId, courseId }, orderBy: { createdAt: "desc" } });
}

async function templatesOf(clientId: string) {
  return (await testDb().outboxMessage.findMany({ where: { clientId }, orderBy: { createdAt: "asc" } })).map((m) => m.template);
}

/** A world in a municipality of its own, with a helper that fills a course with direct referrals. */
async function pooledWorld() {
  const w = await makeWorld();
  const town = `Kunta ${uniqueSuffix()}`;
  const fill = async (courseId: string, n: number, at: Date) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId, now: new Date(at.getTime() + i) });
      if (!r.ok) throw new Error(r.code);
      ids.push(r.enrolment.id);
    }
    return ids;
  };
  return { w, town, fill };
}

function pool(w: World, clientId: string, c: PoolCriteria, rankedCourseIds: string[] = [], now = new Date()) {
  return referToPool({ actor: staff(w.official), clientId, criteria: c, rankedCourseIds, now });
}

describe("pooled referral", () => {
  it("joins every course that matches the criteria, and only those, with one e-mail", async () => {
    const { w, town } = await pooledWorld();
    const client = await makeClient(w.office.id, { languageLevel: "A1_1" });
    // Remote courses match from anywhere: a start window of this test's own keeps other tests' out.
    const day = (offset: number) => new Date(Date.UTC(2150, 0, 1) + (seed + offset) * 86_400_000);
    const seed = Math.floor(Math.random() * 20_000);
    const window = { startsOn: day(0), endsOn: day(120) };
    const match = await makeCourse(w.provider.id, 0, { municipality: town, ...window });
    const remote = await makeCourse(w.provider.id, 0, { municipality: "Muualla", remote: true, ...window });
    const evening = await makeCourse(w.provider.id, 0, { municipality: town, schedule: "EVENING", ...window });
    const wrongPath = await makeCourse(w.provider.id, 0, { municipality: town, studyPath: "FAST", ...window });
    const wrongLevel = await makeCourse(w.provider.id, 0, { municipality: town, levelFrom: "A2_1", levelTo: "B1_1", ...window });
    const swedish = await makeCourse(w.provider.id, 0, { municipality: town, instructionLanguage: "SV", ...window });
    const late = await makeCourse(w.provider.id, 0, { municipality: town, startsOn: day(30), endsOn: day(150) });
    const draft = await makeCourse(w.provider.id, 0, { municipality: town, status: "DRAFT", ...window });

    const r = await pool(w, client.id, criteria(town, { includeRemote: true, schedule: "DAY", instructionLanguage: "FI", startFrom: day(0).toISOString().slice(0, 10), startTo: day(10).toISOString().slice(0, 10) }));
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error();
    const joined = new Set(r.entry.places.map((p) => p.courseId));
    expect(joined).toEqual(new Set([match.id, remote.id]));
    for (const other of [evening, wrongPath, wrongLevel, swedish, late, draft]) expect(joined.has(other.id)).toBe(false);
    expect(r.entry.places.every((p) => p.status === "WAITLISTED" && p.queuePosition === 1)).toBe(true);
    const mails = await testDb().outboxMessage.findMany({ where: { clientId: client.id } });
    expect(mails.map((m) => m.template)).toEqual(["client/pool_referral_received"]);
    expect((mails[0]!.payload as { courses: unknown[] }).courses).toHaveLength(2);
    expect(await testDb().auditEvent.count({ where: { action: "pool.referred", entityId: r.entry.id } })).toBe(1);
  });

  it("a client next on several courses at once is offered the one they prefer: here the sooner start, though it was joined later", async () => {
    const { w, town } = await pooledWorld();
    const client = await makeClient(w.office.id);
    const elsewhere = await makeCourse(w.provider.id, 1, { municipality: `Muu ${uniqueSuffix()}` });
    const held = await referClient({ actor: staff(w.official), clientId: client.id, courseId: elsewhere.id });
    if (!held.ok) throw new Error(held.code);
    expect(held.enrolment.status).toBe("OFFERED");
    // Joined while the client holds that offer: both seats stay free, the client being first in both queues.
    const later = await makeCourse(w.provider.id, 1, { municipality: town, startsOn: new Date("2099-06-01"), endsOn: new Date("2099-09-01") });
    expect((await pool(w, client.id, criteria(town))).ok).toBe(true);
    const sooner = await makeCourse(w.provider.id, 1, { municipality: town, startsOn: new Date("2099-02-01"), endsOn: new Date("2099-05-01"), status: "DRAFT" });
    expect((await setCourseStatus({ actor: staff(w.providerStaff), courseId: sooner.id, status: "PUBLISHED" })).ok).toBe(true);
    expect((await place(client.id, later.id)).status).toBe("WAITLISTED");
    expect((await place(client.id, sooner.id)).status).toBe("WAITLISTED");

    expect((await declineOffer({ actor: staff(w.official), enrolmentId: held.enrolment.id })).ok).toBe(true);
    expect((await place(client.id, sooner.id)).status).toBe("OFFERED");
    expect((await place(client.id, later.id)).status).toBe("WAITLISTED");
    await expectInvariants(w, [elsewhere.id, later.id, sooner.id]);
  });

  it("offers a free seat at once on the course ranked first, and queues on the rest", async () => {
    const { w, town } = await pooledWorld();
    const client = await makeClient(w.office.id);
    const second = await makeCourse(w.provider.id, 1, { municipality: town });
    const first = await makeCourse(w.provider.id, 1, { municipality: town });
    const r = await pool(w, client.id, criteria(town), [first.id, second.id]);
    if (!r.ok) throw new Error(r.code);
    expect((await place(client.id, first.id)).status).toBe("OFFERED");
    expect((await place(client.id, second.id)).status).toBe("WAITLISTED");
    await expectInvariants(w, [first.id, second.id]);
  });

  it("puts everyone eligible for a course in one order: priority, then time of referral", async () => {
    const { w, town, fill } = await pooledWorld();
    const t0 = new Date("2031-01-01T08:00:00Z");
    const course = await makeCourse(w.provider.id, 1, { municipality: town, status: "DRAFT" });
    const other = await makeCourse(w.provider.id, 1, { municipality: town });
    await fill(other.id, 1, t0);
    // Pooled in January (its only course then is full), referred directly in March.
    const pooled = await makeClient(w.office.id);
    expect((await pool(w, pooled.id, criteria(town), [], new Date(t0.getTime() + HOUR))).ok).toBe(true);
    await setCourseStatus({ actor: staff(w.providerStaff), courseId: course.id, status: "PUBLISHED", now: new Date("2031-03-01T08:00:00Z") });
    // Publishing joined the pool, and the free seat went to the pooled client, referred first.
    expect((await place(pooled.id, course.id)).status).toBe("OFFERED");
    const [direct] = await fill(course.id, 1, new Date("2031-03-02T08:00:00Z"));
    const urgent = await makeClient(w.office.id);
    const u = await referClient({ actor: staff(w.official), clientId: urgent.id, courseId: course.id, priority: "URGENT", reason: "Integration time ends", now: new Date("2031-03-03T08:00:00Z") });
    if (!u.ok) throw new Error(u.code);
    // The pooled client declines: the seat goes to the URGENT one, then the direct one.
    const offered = await place(pooled.id, course.id);
    expect(await declineOffer({ actor: { kind: "CLIENT", clientId: pooled.id }, enrolmentId: offered.id, now: new Date("2031-03-03T10:00:00Z") })).toMatchObject({ ok: true });
    expect((await place(urgent.id, course.id)).status).toBe("OFFERED");
    const event = await testDb().enrolmentEvent.findFirstOrThrow({ where: { enrolmentId: u.enrolment.id, toStatus: "OFFERED" } });
    expect(event.data).toMatchObject({ rule: "priority, then referral time", pooled: false });
    expect((await testDb().enrolment.findUniqueOrThrow({ where: { id: direct! } })).status).toBe("WAITLISTED");
    await expectInvariants(w, [course.id, other.id]);
  });

  it("refuses a second active pool, another office's client and non-officials; ranked courses must take referrals", async () => {
    const { w, town } = await pooledWorld();
    const other = await makeWorld();
    const client = await makeClient(w.office.id);
    expect((await pool(w, client.id, criteria(town))).ok).toBe(true);
    expect(await pool(w, client.id, criteria(town))).toEqual({ ok: false, code: "ALREADY_IN_POOL" });
    expect(await pool(w, (await makeClient(other.office.id)).id, criteria(town))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await referToPool({ actor: staff(w.providerStaff), clientId: client.id, criteria: criteria(town), rankedCourseIds: [] })).toEqual({ ok: false, code: "FORBIDDEN" });
    const fresh = await makeClient(w.office.id);
    const draft = await makeCourse(w.provider.id, 1, { municipality: town, status: "DRAFT" });
    const closed = await makeCourse(w.provider.id, 1, { municipality: town, status: "CLOSED" });
    const past = await makeCourse(w.provider.id, 1, { municipality: town, referralClosesOn: new Date("2000-01-01") });
    expect(await pool(w, fresh.id, criteria(town), [draft.id])).toEqual({ ok: false, code: "COURSE_NOT_PUBLISHED" });
    expect(await pool(w, fresh.id, criteria(town), [closed.id])).toEqual({ ok: false, code: "COURSE_CLOSED" });
    expect(await pool(w, fresh.id, criteria(town), [past.id])).toEqual({ ok: false, code: "REFERRAL_PERIOD_NOT_OPEN" });
    expect(await pool(w, fresh.id, criteria(town), ["00000000-0000-4000-8000-000000000000"])).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("joins a course whose referral period opens later on that day, and never rejoins a course it left", async () => {
    const { w, town } = await pooledWorld();
    const client = await makeClient(w.office.id);
    const later = await makeCourse(w.provider.id, 1, { municipality: town, referralOpensOn: new Date("2031-05-01") });
    const now = new Date("2031-04-20T08:00:00Z");
    const r = await pool(w, client.id, criteria(town), [later.id], now);
    if (!r.ok) throw new Error(r.code);
    expect(r.entry.places).toEqual([]);
    expect((await poolStatusOfClient(client.id, new Date("2031-05-01T08:00:00Z")))[0]!.pendingCourses.map((c) => c.courseId)).toEqual([later.id]);
    await syncPools(new Date("2031-04-30T08:00:00Z"), { courseId: later.id });
    expect(await testDb().enrolment.count({ where: { clientId: client.id } })).toBe(0);
    await syncPools(new Date("2031-05-01T06:00:00Z"), { courseId: later.id });
    const offered = await place(client.id, later.id);
    expect(offered).toMatchObject({ status: "OFFERED", queueEntryId: r.entry.id, preferenceRank: 1 });
    await declineOffer({ actor: { kind: "CLIENT", clientId: client.id }, enrolmentId: offered.id, now: new Date("2031-05-01T07:00:00Z") });
    await syncPools(new Date("2031-05-02T06:00:00Z"), { courseId: later.id });
    expect(await testDb().enrolment.count({ where: { clientId: client.id } })).toBe(1);
  });

  it("an unconditional acceptance ends the other places and places the pool", async () => {
    const { w, town } = await pooledWorld();
    const client = await makeClient(w.office.id);
    const a = await makeCourse(w.provider.id, 1, { municipality: town });
    const b = await makeCourse(w.provider.id, 0, { municipality: town });
    const r = await pool(w, client.id, criteria(town), [a.id, b.id]);
    if (!r.ok) throw new Error(r.code);
    const offer = await place(client.id, a.id);
    expect(await acceptOffer({ actor: { kind: "CLIENT", clientId: client.id }, enrolmentId: offer.id })).toMatchObject({ ok: true, enrolment: { status: "CONFIRMED" } });
    expect((await place(client.id, b.id)).status).toBe("WITHDRAWN");
    expect((await testDb().queueEntry.findUniqueOrThrow({ where: { id: r.entry.id } })).status).toBe("PLACED");
    // Placed pools join nothing new.
    const c = await makeCourse(w.provider.id, 3, { municipality: town });
    await syncPools(new Date(), { courseId: c.id });
    expect(await testDb().enrolment.count({ where: { clientId: client.id, courseId: c.id } })).toBe(0);
  });

  it("an official closes a pool: its queue places are withdrawn; others may not", async () => {
    const { w, town } = await pooledWorld();
    const other = await makeWorld();
    const client = await makeClient(w.office.id);
    await makeCourse(w.provider.id, 0, { municipality: town });
    await makeCourse(w.provider.id, 0, { municipality: town });
    const r = await pool(w, client.id, criteria(town));
    if (!r.ok) throw new Error(r.code);
    expect(await closePool({ actor: staff(other.official), queueEntryId: r.entry.id, reason: "x" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await closePool({ actor: staff(w.providerStaff), queueEntryId: r.entry.id, reason: "x" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await closePool({ actor: staff(w.official), queueEntryId: r.entry.id, reason: " " })).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(await closePool({ actor: staff(w.official), queueEntryId: r.entry.id, reason: "Moved away" })).toEqual({ ok: true, withdrawn: 2 });
    expect(await closePool({ actor: staff(w.official), queueEntryId: r.entry.id, reason: "Again" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await testDb().enrolment.count({ where: { clientId: client.id, status: "WAITLISTED" } })).toBe(0);
    // A new pool may start once the old one is closed.
    expect((await pool(w, client.id, criteria(town))).ok).toBe(true);
  });
});

describe("conditional acceptance", () => {
  /** Client ranks A first and B second; both full with one direct client each queued behind. */
  async function rankedScene() {
    const { w, town, fill } = await pooledWorld();
    const t0 = new Date(Date.now() - 10 * HOUR);
    const a = await makeCourse(w.provider.id, 1, { municipality: town });
    const b = await makeCourse(w.provider.id, 1, { municipality: town });
    const [aHolder] = await fill(a.id, 1, t0);
    const [bHolder] = await fill(b.id, 1, t0);
    const client = await makeClient(w.office.id);
    const r = await pool(w, client.id, criteria(town), [a.id, b.id], new Date(t0.getTime() + HOUR));
    if (!r.ok) throw new Error(r.code);
    // Behind the pooled client on B: a direct referral made later.
    const [bNext] = await fill(b.id, 1, new Date(t0.getTime() + 2 * HOUR));
    const asClient = { kind: "CLIENT" as const, clientId: client.id };
    return { w, a, b, client, asClient, aHolder: aHolder!, bHolder: bHolder!, bNext: bNext! };
  }

  it("keeps the places ranked higher, then releases the conditional seat when a higher one is accepted", async () => {
    const s = await rankedScene();
    // A seat frees on B (ranked second): offered, and the e-mail says a conditional answer is possible.
    expect(await cancelEnrolment({ actor: staff(s.w.providerStaff), enrolmentId: s.bHolder, reason: "Moved away" })).toMatchObject({ ok: true });
    const offerB = await place(s.client.id, s.b.id);
    expect(offerB.status).toBe("OFFERED");
    const mail = await testDb().outboxMessage.findFirstOrThrow({ where: { enrolmentId: offerB.id, template: "client/seat_offered" } });
    expect(mail.payload).toMatchObject({ conditionalAvailable: true, preferredCourses: [s.a.name] });

    expect(await acceptOffer({ actor: s.asClient, enrolmentId: offerB.id, conditional: true })).toMatchObject({ ok: true, enrolment: { status: "CONFIRMED" } });
    expect(await place(s.client.id, s.b.id)).toMatchObject({ status: "CONFIRMED", conditional: true });
    expect((await place(s.client.id, s.a.id)).status).toBe("WAITLISTED");
    expect((await testDb().queueEntry.findFirstOrThrow({ where: { clientId: s.client.id } })).status).toBe("ACTIVE");
    await expectInvariants(s.w, [s.a.id, s.b.id]);

    // A seat frees on A (ranked first): the client is offered it while keeping B.
    await changeCapacity({ actor: staff(s.w.providerStaff), courseId: s.a.id, capacity: 2 });
    const offerA = await place(s.client.id, s.a.id);
    expect(offerA.status).toBe("OFFERED");
    await expectInvariants(s.w, [s.a.id, s.b.id]);
    expect(await acceptOffer({ actor: s.asClient, enrolmentId: offerA.id })).toMatchObject({ ok: true });

    // B's seat is released at once and goes to the next in B's queue; everyone is told.
    expect(await place(s.client.id, s.b.id)).toMatchObject({ status: "WITHDRAWN", statusReason: "Accepted a seat ranked higher" });
    expect((await testDb().enrolment.findUniqueOrThrow({ where: { id: s.bNext } })).status).toBe("OFFERED");
    expect(await templatesOf(s.client.id)).toEqual([
      "client/pool_referral_received", "client/seat_offered", "client/seat_confirmed_conditional", "client/seat_offered", "client/conditional_seat_released", "client/seat_confirmed", "official/client_placed",
    ]);
    const released = await testDb().outboxMessage.findFirstOrThrow({ where: { clientId: s.client.id, template: "client/conditional_seat_released" } });
    expect(released.payload).toMatchObject({ courseName: s.b.name, placedCourseName: s.a.name });
    expect((await testDb().queueEntry.findFirstOrThrow({ where: { clientId: s.client.id } })).status).toBe("PLACED");
    await expectInvariants(s.w, [s.a.id, s.b.id]);
  });

  it("after a conditional acceptance the client is next at once on a course ranked higher with a free seat", async () => {
    // Regression found by pool.property.test.ts: while the client held the offer, the free seat
    // above it skipped them; accepting conditionally must make them eligible there again.
    const { w, town } = await pooledWorld();
    const client = await makeClient(w.office.id);
    const a = await makeCourse(w.provider.id, 0, { municipality: town });
    const b = await makeCourse(w.provider.id, 1, { municipality: town });
    const r = await pool(w, client.id, criteria(town), [a.id, b.id]);
    if (!r.ok) throw new Error(r.code);
    const offerB = await place(client.id, b.id);
    expect(offerB.status).toBe("OFFERED");
    // A gets a seat while the client holds B's offer: the client is passed over for now.
    await changeCapacity({ actor: staff(w.providerStaff), courseId: a.id, capacity: 1 });
    expect((await place(client.id, a.id)).status).toBe("WAITLISTED");
    await acceptOffer({ actor: { kind: "CLIENT", clientId: client.id }, enrolmentId: offerB.id, conditional: true });
    expect((await place(client.id, a.id)).status).toBe("OFFERED");
    await expectInvariants(w, [a.id, b.id]);
  });

  it("is refused when nothing is ranked higher, and a declined higher offer keeps the conditional seat", async () => {
    const s = await rankedScene();
    await cancelEnrolment({ actor: staff(s.w.providerStaff), enrolmentId: s.aHolder, reason: "Moved away" });
    const offerA = await place(s.client.id, s.a.id);
    expect(offerA.status).toBe("OFFERED");
    expect(await acceptOffer({ actor: s.asClient, enrolmentId: offerA.id, conditional: true })).toEqual({ ok: false, code: "CONDITIONAL_NOT_AVAILABLE" });
    expect((await place(s.client.id, s.a.id)).status).toBe("OFFERED");
    // Decline A; then B frees and is accepted conditionally... with nothing left ranked higher, only plainly.
    await declineOffer({ actor: s.asClient, enrolmentId: offerA.id });
    await cancelEnrolment({ actor: staff(s.w.providerStaff), enrolmentId: s.bHolder, reason: "Moved away" });
    const offerB = await place(s.client.id, s.b.id);
    expect(await acceptOffer({ actor: s.asClient, enrolmentId: offerB.id, conditional: true })).toEqual({ ok: false, code: "CONDITIONAL_NOT_AVAILABLE" });
    await expectInvariants(s.w, [s.a.id, s.b.id]);
  });

  it("a declined or expired higher offer leaves the conditional seat in place", async () => {
    const s = await rankedScene();
    await cancelEnrolment({ actor: staff(s.w.providerStaff), enrolmentId: s.bHolder, reason: "Moved away" });
    await acceptOffer({ actor: s.asClient, enrolmentId: (await place(s.client.id, s.b.id)).id, conditional: true });
    await cancelEnrolment({ actor: staff(s.w.providerStaff), enrolmentId: s.aHolder, reason: "Moved away" });
    const offerA = await place(s.client.id, s.a.id);
    expect(await declineOffer({ actor: s.asClient, enrolmentId: offerA.id })).toMatchObject({ ok: true });
    expect(await place(s.client.id, s.b.id)).toMatchObject({ status: "CONFIRMED", conditional: true });
    await expectInvariants(s.w, [s.a.id, s.b.id]);
  });

  it("starting on the conditional seat ends the places ranked higher, including an open offer, which moves on", async () => {
    const s = await rankedScene();
    const aWaiter = await makeClient(s.w.office.id);
    await cancelEnrolment({ actor: staff(s.w.providerStaff), enrolmentId: s.bHolder, reason: "Moved away" });
    await acceptOffer({ actor: s.asClient, enrolmentId: (await place(s.client.id, s.b.id)).id, conditional: true });
    await referClient({ actor: staff(s.w.official), clientId: aWaiter.id, courseId: s.a.id });
    await cancelEnrolment({ actor: staff(s.w.providerStaff), enrolmentId: s.aHolder, reason: "Moved away" });
    expect((await place(s.client.id, s.a.id)).status).toBe("OFFERED");
    expect(await markStarted({ actor: staff(s.w.providerStaff), enrolmentId: (await place(s.client.id, s.b.id)).id })).toMatchObject({ ok: true });
    expect(await place(s.client.id, s.b.id)).toMatchObject({ status: "STARTED", conditional: false });
    expect((await place(s.client.id, s.a.id)).status).toBe("WITHDRAWN");
    expect((await place(aWaiter.id, s.a.id)).status).toBe("OFFERED");
    expect((await testDb().queueEntry.findFirstOrThrow({ where: { clientId: s.client.id } })).status).toBe("PLACED");
    await expectInvariants(s.w, [s.a.id, s.b.id]);
  });

  it("the database refuses a second conditional seat and a conditional seat that is not CONFIRMED", async () => {
    const s = await rankedScene();
    await expect(testDb().enrolment.update({ where: { id: s.bNext }, data: { conditional: true } })).rejects.toThrow(/Enrolment_conditional_is_confirmed/);
    await cancelEnrolment({ actor: staff(s.w.providerStaff), enrolmentId: s.bHolder, reason: "Moved away" });
    await acceptOffer({ actor: s.asClient, enrolmentId: (await place(s.client.id, s.b.id)).id, conditional: true });
    const extra = await makeCourse(s.w.provider.id, 1);
    await expect(
      testDb().enrolment.create({ data: { clientId: s.client.id, courseId: extra.id, status: "CONFIRMED", conditional: true, queueOrder: 1 } }),
    ).rejects.toThrow(/Enrolment_one_conditional_seat_per_client|Unique constraint/);
  });
});
