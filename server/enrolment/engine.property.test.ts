// Property test of the enrolment engine: random command sequences against a reference model
// (testing/model.ts) that has its own transition table and decision 005's hand-over order, played
// by testing/property.ts against the engine on the test database, with the domain invariants
// checked after every step.
//
// Each run builds a fresh world (one office + official, one provider + staff, 2–3 small courses,
// some confirming on referral, some starting later, 4–6 clients) and plays up to 25 commands on a
// simulated clock that only moves forward: refer (sometimes URGENT), accept, decline, confirm,
// start, no-show, complete, interrupt, cancel, expire due offers, change capacity, close / reopen /
// cancel a course, move in the queue, set priority; sometimes by an actor who may not. Expected
// refusals (ok: false) are part of the model; exceptions never are. The model predicts places in
// the queue, not the engine's key arithmetic: it reads the queue keys back after each step.
// engine.mutants.test.ts shows the property fails on an engine with a wrong table or refill order.
//
// Reproduce a failure with the seed and path fast-check prints: FC_SEED=<seed> FC_PATH=<path>.
// FC_RUNS overrides the number of runs; FC_SHRINK=1 shrinks a counterexample (slow).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld, type World } from "../testing/factories";
import { acceptOffer, cancelEnrolment, confirmSeat, declineOffer, moveInQueue, offerSeat, referClient, staff } from "./index";
import { scenarioArb } from "./testing/model";
import { CLOCK_START, playScenario } from "./testing/property";
import { MUTANT_SCENARIOS } from "./testing/mutant-scenarios";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const RUNS = Number(process.env.FC_RUNS ?? (onPostgres ? 100 : 40));
const SEED = Number(process.env.FC_SEED ?? 20_261_123);

describe("enrolment engine (property)", () => {
  it(
    "random command sequences keep every invariant and match the reference model",
    async () => {
      await fc.assert(fc.asyncProperty(scenarioArb, playScenario), {
        numRuns: RUNS,
        seed: SEED,
        path: process.env.FC_PATH,
        endOnFailure: !process.env.FC_SHRINK,
        verbose: 1,
      });
    },
    600_000,
  );

  // The scenarios engine.mutants.test.ts plays against broken engines pass against the real one,
  // so there they fail for the mutation and nothing else.
  it.each(Object.entries(MUTANT_SCENARIOS))("the mutant scenario %s passes against the engine", async (_name, scenario) => {
    await playScenario(scenario);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Engine bugs the property test found, kept as small regression scenarios.
// ---------------------------------------------------------------------------------------------

describe("regressions found by the property test", () => {
  const at = (ms: number) => new Date(CLOCK_START + ms);

  async function refer(w: World, courseId: string, ms: number, urgent = false) {
    const r = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId, now: at(ms), ...(urgent ? { priority: "URGENT" as const, reason: "Integration time ends in 30 days" } : {}) });
    if (!r.ok) throw new Error(r.code);
    return r.enrolment;
  }

  // Was: on a course that confirms on referral, grantSeat moved WAITLISTED → CONFIRMED, which the
  // state machine refused; fillFreeSeats counted that as a retry and looped 10,000 times (about
  // 75 s on PGlite, 40 s on PostgreSQL) while the seat stayed free, and the minute job repeated
  // the loop every minute.
  it(
    "a seat freed on a course that confirms on referral goes to the next in the queue",
    async () => {
      const w = await makeWorld();
      const course = await makeCourse(w.provider.id, 1, { confirmOnReferral: true });
      const first = await refer(w, course.id, 0);
      const second = await refer(w, course.id, 1000);
      expect([first.status, second.status]).toEqual(["CONFIRMED", "WAITLISTED"]);
      const started = Date.now();
      expect(await cancelEnrolment({ actor: staff(w.providerStaff), enrolmentId: first.id, reason: "Moved away", now: at(2000) })).toMatchObject({ ok: true });
      const elapsed = Date.now() - started;
      expect((await testDb().enrolment.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("CONFIRMED");
      expect(elapsed, "handing the seat on takes a few transactions, not thousands").toBeLessThan(5_000);
    },
    180_000,
  );

  it("a provider can offer a free seat out of order on a course that confirms on referral", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1, { confirmOnReferral: true });
    await refer(w, course.id, 0);
    const waiting = await refer(w, course.id, 1000);
    // A free seat without the engine handing it on (which would hit the loop above).
    await testDb().course.update({ where: { id: course.id }, data: { capacity: 2 } });
    expect(await offerSeat({ actor: staff(w.providerStaff), enrolmentId: waiting.id, reason: "Needs the day group", now: at(2000) })).toEqual({ ok: true, enrolment: { id: waiting.id, status: "CONFIRMED" } });
  });

  // Found while checking a fix for the above: with WAITLISTED → CONFIRMED in the state machine,
  // confirming or accepting a queued place jumped the queue past a full course (or threw on the
  // one-held-seat index). Answers apply to offers only.
  it("nobody confirms, accepts or declines a queued place", async () => {
    const w = await makeWorld();
    const full = await makeCourse(w.provider.id, 1);
    await refer(w, full.id, 0);
    const queued = await refer(w, full.id, 1000);
    const spare = await makeCourse(w.provider.id, 5, { confirmOnReferral: true });
    const elsewhere = await refer(w, spare.id, 2000);
    const queuedWithSeat = await referClient({ actor: staff(w.official), clientId: (await testDb().enrolment.findUniqueOrThrow({ where: { id: elsewhere.id } })).clientId, courseId: full.id, now: at(3000) });
    if (!queuedWithSeat.ok) throw new Error(queuedWithSeat.code);
    for (const id of [queued.id, queuedWithSeat.enrolment.id]) {
      expect(await confirmSeat({ actor: staff(w.providerStaff), enrolmentId: id, now: at(4000) })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
      expect(await acceptOffer({ actor: staff(w.official), enrolmentId: id, now: at(4000) })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
      expect(await declineOffer({ actor: staff(w.official), enrolmentId: id, now: at(4000) })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
      expect((await testDb().enrolment.findUniqueOrThrow({ where: { id } })).status).toBe("WAITLISTED");
    }
  });

  // Was: placeAt() with no other queued entry fell back to priority NORMAL and the wall clock
  // (Date.now()) as the key, instead of the entry's own priority and key.
  it("moving the only queued client keeps their urgent priority", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 0);
    const urgent = await refer(w, course.id, 0, true);
    expect(await moveInQueue({ actor: staff(w.providerStaff), enrolmentId: urgent.id, position: 1, reason: "Stays first", now: at(1000) })).toEqual({ ok: true, queuePosition: 1 });
    expect(await testDb().enrolment.findUniqueOrThrow({ where: { id: urgent.id }, select: { priority: true } })).toEqual({ priority: "URGENT" });
    // So a later urgent referral queues behind, not in front.
    const later = await refer(w, course.id, 2000, true);
    expect(later.queuePosition).toBe(2);
  });

  it("moving the only queued client keys the place by `now`, not by the wall clock", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 0);
    const past = Date.UTC(2020, 0, 6, 9) - CLOCK_START;
    const moved = await refer(w, course.id, past);
    await moveInQueue({ actor: staff(w.providerStaff), enrolmentId: moved.id, position: 1, reason: "Stays first", now: at(past + 1000) });
    const later = await refer(w, course.id, past + 2000);
    expect(later.queuePosition).toBe(2);
  });

  // Was: a move to the end of a group took the last key + 1000 ms, so someone referred within that
  // second after the move still landed in front of the client who was moved to the end.
  it("a client moved to the end of the queue stays ahead of people referred after the move", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 0);
    const a = await refer(w, course.id, 0);
    await refer(w, course.id, 100);
    expect(await moveInQueue({ actor: staff(w.providerStaff), enrolmentId: a.id, position: 2, reason: "Prefers the next group", now: at(200) })).toEqual({ ok: true, queuePosition: 2 });
    const later = await refer(w, course.id, 500);
    expect(later.queuePosition).toBe(3);
  });
});
