// Stress tests of pooled referrals and conditional acceptance: clients in many pools, seats
// freeing on several courses at once, answers racing each other. Every burst is fired with
// Promise.all against the real test database; the invariants (testing/invariants.ts) are read
// back from the database after each round. See concurrency.test.ts for how PGlite differs.
import { describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeCourse, makeWorld } from "../testing/factories";
import type { PoolCriteria } from "../../lib/schemas/pool";
import { acceptOffer, cancelEnrolment, changeCapacity, declineOffer, markStarted, referClient, referToPool, setCourseStatus, staff, syncPools } from "./index";
import { expectInvariants } from "./testing/invariants";
import { seededRandom } from "../../lib/random";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
process.env.DATABASE_POOL_MAX = process.env.CONCURRENCY_POOL_MAX ?? (onPostgres ? "10" : "1");
const TIMEOUT = 240_000;
const CLOCK_OFFSET_MS = 5 * 365 * 24 * 3_600_000;
const now = () => new Date(Date.now() + CLOCK_OFFSET_MS);


async function makeClients(officeId: string, n: number): Promise<string[]> {
  const s = uniqueSuffix();
  const rows = await testDb().client.createManyAndReturn({
    data: Array.from({ length: n }, (_, i) => ({
      officeId, firstName: "Pool", lastName: `Client ${s} ${i}`, dateOfBirth: new Date("1990-01-01"), studyPath: "BASIC" as const, email: `pool.${s}.${i}@example.com`, preferredLanguage: "en" as const,
    })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function noErrors<T>(work: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  const errors = settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
  expect(errors).toEqual([]);
  return settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
}

function criteria(town: string): PoolCriteria {
  return { studyPath: "BASIC", levelFit: true, municipalities: [town], includeRemote: false, schedule: null, instructionLanguage: null, startFrom: null, startTo: null };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("pooled queue under concurrency", () => {
  it(
    "a burst of pooled referrals over several courses with free seats: each seat to one client, each client at most one offer",
    async () => {
      const w = await makeWorld();
      const town = `Kunta ${uniqueSuffix()}`;
      const courses = await Promise.all([4, 4, 4].map((capacity) => makeCourse(w.provider.id, capacity, { municipality: town })));
      const ids = courses.map((c) => c.id);
      const clients = await makeClients(w.office.id, onPostgres ? 90 : 30);
      const random = seededRandom(7);
      const at = now();
      const results = await noErrors(
        clients.map((clientId, i) =>
          referToPool({ actor: staff(w.official), clientId, criteria: criteria(town), rankedCourseIds: shuffled(ids, random).slice(0, 2), now: new Date(at.getTime() + i) }),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await testDb().enrolment.count({ where: { courseId: { in: ids }, status: "OFFERED" } })).toBe(12);
      expect(await testDb().enrolment.count({ where: { courseId: { in: ids } } })).toBe(clients.length * 3);
      await expectInvariants(w, ids);
    },
    TIMEOUT,
  );

  it(
    "seats freeing on several courses at once, answered at once (accept, accept conditionally, decline), round after round",
    async () => {
      const w = await makeWorld();
      const town = `Kunta ${uniqueSuffix()}`;
      const courses = await Promise.all([3, 3, 3, 3].map((capacity) => makeCourse(w.provider.id, capacity, { municipality: town })));
      const ids = courses.map((c) => c.id);
      const random = seededRandom(11);
      const t0 = now();
      // Every course full with direct referrals first.
      const holders: string[] = [];
      for (const [k, course] of courses.entries()) {
        for (const clientId of await makeClients(w.office.id, 3)) {
          const r = await referClient({ actor: staff(w.official), clientId, courseId: course.id, now: new Date(t0.getTime() + k) });
          if (!r.ok) throw new Error(r.code);
          holders.push(r.enrolment.id);
        }
      }
      // Then many pooled clients, each matching all four courses and ranking two or three of them,
      // one after another: each queue then holds them in one order, so a client is often next on a
      // course they ranked lower while waiting for a higher one (what a conditional answer is for).
      // Bursts of pooled referrals are the first test's; here the seats free and answers race.
      const pooled = await makeClients(w.office.id, onPostgres ? 40 : 16);
      for (const [i, clientId] of pooled.entries()) {
        const r = await referToPool({ actor: staff(w.official), clientId, criteria: criteria(town), rankedCourseIds: shuffled(ids, random).slice(0, 2 + (i % 2)), now: new Date(t0.getTime() + 1000 + i) });
        if (!r.ok) throw new Error(r.code);
      }
      await expectInvariants(w, ids);

      // Seats free on every course at once: holders cancelled, capacities raised.
      await noErrors<unknown>([
        ...holders.map((enrolmentId) => cancelEnrolment({ actor: staff(w.providerStaff), enrolmentId, reason: "Moved away", now: now() })),
        ...ids.slice(0, 2).map((courseId) => changeCapacity({ actor: staff(w.providerStaff), courseId, capacity: 5, now: now() })),
      ]);
      await expectInvariants(w, ids);

      let conditionalAccepted = 0;
      let releasedSeats = 0;
      for (let round = 0; round < 6; round++) {
        const offers = await testDb().enrolment.findMany({ where: { courseId: { in: ids }, status: "OFFERED" }, select: { id: true, clientId: true } });
        if (offers.length === 0) break;
        const answers = await noErrors(
          offers.map((offer) => {
            const roll = random();
            const actor = { kind: "CLIENT" as const, clientId: offer.clientId };
            if (roll < 0.45) return acceptOffer({ actor, enrolmentId: offer.id, conditional: true, now: now() }).then((r) => ({ kind: "conditional", r }));
            if (roll < 0.85) return acceptOffer({ actor, enrolmentId: offer.id, now: now() }).then((r) => ({ kind: "accept", r }));
            return declineOffer({ actor, enrolmentId: offer.id, now: now() }).then((r) => ({ kind: "decline", r }));
          }),
        );
        for (const { kind, r } of answers) {
          if (kind === "conditional" && r.ok) conditionalAccepted++;
          // A conditional answer is refused only when nothing ranked higher waits; nothing else may fail.
          if (!r.ok) expect(kind === "conditional" && r.code === "CONDITIONAL_NOT_AVAILABLE", `${kind}: ${r.code}`).toBe(true);
        }
        await expectInvariants(w, ids);
        // More seats free at once: a third of the confirmed seats are cancelled in parallel.
        const confirmed = await testDb().enrolment.findMany({ where: { courseId: { in: ids }, status: "CONFIRMED" }, select: { id: true } });
        const cancelled = confirmed.filter(() => random() < 0.33);
        await noErrors(cancelled.map((e) => cancelEnrolment({ actor: staff(w.providerStaff), enrolmentId: e.id, reason: "Changed plans", now: now() })));
        await expectInvariants(w, ids);
      }
      releasedSeats = await testDb().enrolment.count({ where: { courseId: { in: ids }, statusReason: "Accepted a seat ranked higher" } });
      // The mix exercised what it is about.
      expect(conditionalAccepted).toBeGreaterThan(0);
      expect(releasedSeats).toBeGreaterThan(0);
      await expectInvariants(w, ids);
    },
    TIMEOUT,
  );

  it(
    "a course published while pools are joined and seats handed out: no place twice, queues in the order places were joined",
    async () => {
      const w = await makeWorld();
      const town = `Kunta ${uniqueSuffix()}`;
      const open = await makeCourse(w.provider.id, 2, { municipality: town });
      const drafts = await Promise.all([2, 2].map((capacity) => makeCourse(w.provider.id, capacity, { municipality: town, status: "DRAFT" })));
      const ids = [open.id, ...drafts.map((d) => d.id)];
      const clients = await makeClients(w.office.id, onPostgres ? 30 : 12);
      const t0 = now();
      await noErrors<unknown>([
        ...clients.map((clientId, i) => referToPool({ actor: staff(w.official), clientId, criteria: criteria(town), rankedCourseIds: [], now: new Date(t0.getTime() + i) })),
        ...drafts.map((d) => setCourseStatus({ actor: staff(w.providerStaff), courseId: d.id, status: "PUBLISHED", now: new Date(t0.getTime() + 5) })),
        syncPools(new Date(t0.getTime() + 10), { courseId: open.id }),
      ]);
      // The minute job's pass catches anything a race left for it.
      await syncPools(new Date(t0.getTime() + 60_000));
      expect(await testDb().enrolment.count({ where: { courseId: { in: ids } } })).toBe(clients.length * 3);
      await expectInvariants(w, ids);
      // Each course's queue is in the order the places were joined under the course lock (a place
      // told is kept: a pool that lost the race to a course queues behind those who joined first).
      // The creation events are numbered in that order.
      for (const courseId of ids) {
        const waiting = await testDb().enrolment.findMany({
          where: { courseId, status: "WAITLISTED" },
          orderBy: [{ priority: "asc" }, { queueOrder: "asc" }, { referredAt: "asc" }, { id: "asc" }],
          select: { events: { where: { fromStatus: null }, select: { id: true } } },
        });
        const joined = waiting.map((e) => e.events[0]!.id);
        expect(joined).toEqual([...joined].sort((a, b) => (a < b ? -1 : 1)));
      }
    },
    TIMEOUT,
  );

  it(
    "a higher-ranked acceptance races the start of the conditional seat: one of them wins, nothing is lost",
    async () => {
      for (let round = 0; round < (onPostgres ? 8 : 3); round++) {
        const w = await makeWorld();
        const town = `Kunta ${uniqueSuffix()}`;
        const a = await makeCourse(w.provider.id, 0, { municipality: town });
        const b = await makeCourse(w.provider.id, 1, { municipality: town });
        const [client, next] = await makeClients(w.office.id, 2);
        await referToPool({ actor: staff(w.official), clientId: client!, criteria: criteria(town), rankedCourseIds: [a.id, b.id], now: now() });
        await referClient({ actor: staff(w.official), clientId: next!, courseId: b.id, now: now() });
        const seatB = await testDb().enrolment.findFirstOrThrow({ where: { clientId: client!, courseId: b.id } });
        expect(await acceptOffer({ actor: { kind: "CLIENT", clientId: client! }, enrolmentId: seatB.id, conditional: true, now: now() })).toMatchObject({ ok: true });
        await changeCapacity({ actor: staff(w.providerStaff), courseId: a.id, capacity: 1, now: now() });
        const offerA = await testDb().enrolment.findFirstOrThrow({ where: { clientId: client!, courseId: a.id } });
        expect(offerA.status).toBe("OFFERED");
        const [accepted, started] = await noErrors([
          acceptOffer({ actor: { kind: "CLIENT", clientId: client! }, enrolmentId: offerA.id, now: now() }),
          markStarted({ actor: staff(w.providerStaff), enrolmentId: seatB.id, now: now() }),
        ]);
        const held = await testDb().enrolment.findMany({ where: { clientId: client!, status: { in: ["OFFERED", "CONFIRMED", "STARTED"] } } });
        expect(held, "the client ends on exactly one seat").toHaveLength(1);
        expect(accepted!.ok !== started!.ok || held[0]!.courseId === a.id, "whichever came second saw the first").toBe(true);
        // The seat the client did not keep went to the next person on B, or stayed free for A's queue.
        if (held[0]!.courseId === a.id) expect((await testDb().enrolment.findFirstOrThrow({ where: { clientId: next!, courseId: b.id } })).status).toBe("OFFERED");
        await expectInvariants(w, [a.id, b.id]);
      }
    },
    TIMEOUT,
  );
});
