import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "../db/client";
import { resetEnv } from "../env";
import { simulate, type SimulationConfig, type SimulationReport } from "./index";
import { Random } from "./random";
import { buildWorld } from "./world";

// A tiny world replayed through the real engine, each run on a scratch database of its own (beside
// TEST_DATABASE_URL, or an in-memory PGlite): the shared test database and its other users are
// never touched, and a run's minute jobs see only its own courses.

// Seed t2 in this world makes three conditional acceptances and releases one conditional seat.
const TINY: SimulationConfig = { seed: "t2", clients: 60, courses: 6, months: 2, municipalities: 1, startDate: "2027-01-04" };

/** The end-of-run invariant checks with nothing found. */
const NO_BREACHES = { overbooked: [], counterMismatch: [], twoUnconditionalSeats: [], twoConditionalSeats: [], badConditional: [], duplicatePlaces: [] };

const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX };

afterAll(async () => {
  await closeDb();
  Object.assign(process.env, saved);
  resetEnv();
});

function scratchName(run: number) {
  const base = process.env.TEST_DATABASE_URL ? new URL(process.env.TEST_DATABASE_URL).pathname.slice(1).toLowerCase().replace(/[^a-z0-9_]/g, "_") : "pglite";
  return (policy: string) => `${base}_sim_${process.pid}_${run}_${policy.toLowerCase()}`;
}

/** The parts of a report that must not depend on anything but the seed (not timings). */
function outcome(report: SimulationReport) {
  return report.runs.map((r) => ({ policy: r.policy, metrics: r.metrics, invariants: r.invariants, log: { ...r.log, timeByEvent: null } }));
}

describe("the world", () => {
  it("is the same for the same seed, and different for another", () => {
    expect(buildWorld(TINY)).toEqual(buildWorld(TINY));
    expect(buildWorld({ ...TINY, seed: "other" }).clients.map((c) => c.id)).not.toEqual(buildWorld(TINY).clients.map((c) => c.id));
    expect(new Random("s", "a").uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("has the scale asked for, arrivals in the period and courses that start after them", () => {
    const world = buildWorld({ ...TINY, clients: 3000, courses: 120, months: 12, municipalities: 6 });
    expect(world.clients).toHaveLength(3000);
    expect(world.courses).toHaveLength(120);
    expect(new Set(world.courses.map((c) => c.studyPath))).toEqual(new Set(["FAST", "BASIC", "SLOW", "LITERACY"]));
    const byPath = (path: string) => world.courses.filter((c) => c.studyPath === path).length;
    expect(byPath("BASIC")).toBeGreaterThan(byPath("FAST"));
    expect(world.courses.every((c) => c.capacity >= 12 && c.capacity <= 20 && c.referralOpensDay === c.startDay - 56)).toBe(true);
    expect(Math.max(...world.courses.map((c) => c.startDay))).toBeGreaterThan(Math.max(...world.clients.map((c) => c.arrivalMs / 86_400_000)));
  });
});

describe("simulate", () => {
  it("gives the same result twice for one seed; the invariants hold; every pooled client started, waits or left", async () => {
    const serverUrl = process.env.TEST_DATABASE_URL ?? null;
    const first = await simulate(TINY, { serverUrl, databaseName: scratchName(1), dropDatabases: true });
    const second = await simulate(TINY, { serverUrl, databaseName: scratchName(2), dropDatabases: true });
    expect(outcome(second)).toEqual(outcome(first));

    for (const run of first.runs) {
      expect(run.log.errors, `${run.policy}: engine exceptions`).toEqual([]);
      expect(run.invariants, `${run.policy}: invariants`).toEqual(NO_BREACHES);
      expect(run.metrics.clients.arrived).toBe(TINY.clients);
      expect(run.metrics.offers.made).toBeGreaterThan(0);
      expect(run.metrics.clients.started).toBeGreaterThan(0);
      expect(run.metrics.seats.startedSeats).toBeLessThanOrEqual(run.metrics.seats.capacity + run.metrics.lifecycle.interruptions);
    }
    const pooled = first.runs.find((r) => r.policy === "POOLED")!.metrics;
    expect(pooled.offers.conditionalAcceptances).toBeGreaterThan(0);
    const { started, seatConfirmed, waiting, left, unaccounted, betweenReferrals } = pooled.clients;
    expect(unaccounted).toBe(0);
    expect(betweenReferrals).toBe(0);
    expect(started + seatConfirmed + waiting + Object.values(left).reduce((a, b) => a + b, 0)).toBe(TINY.clients);
  }, 120_000);
});

/** One policy's run in the tiny world and in a variant of it, each on a scratch database of its own. */
async function withVariant(policy: "PER_COURSE" | "POOLED", variant: Partial<SimulationConfig>, run: number) {
  const options = { serverUrl: process.env.TEST_DATABASE_URL ?? null, dropDatabases: true, policies: [policy] };
  const base = await simulate(TINY, { ...options, databaseName: scratchName(run) });
  const changed = await simulate({ ...TINY, ...variant }, { ...options, databaseName: scratchName(run + 1) });
  const [a, b] = [base.runs[0]!, changed.runs[0]!];
  expect(b.log.errors).toEqual([]);
  expect(b.invariants).toEqual(NO_BREACHES);
  expect(b.metrics.clients.unaccounted).toBe(0);
  return [a, b] as const;
}

describe("the per-course official who refers by the client's liking", () => {
  it("picks other courses than the diligent official, and the invariants hold", async () => {
    const [diligent, liking] = await withVariant("PER_COURSE", { official: "PREFERENCE" }, 3);
    expect(liking.metrics.days.arrivalToStart).not.toEqual(diligent.metrics.days.arrivalToStart);
  }, 120_000);
});

describe("the pooled client who ranks every fitting course by start and trades up", () => {
  it("accepts on condition more often than the default client, and the invariants hold", async () => {
    const [favourites, soonest] = await withVariant("POOLED", { pool: "SOONEST" }, 5);
    expect(soonest.metrics.offers.conditionalAcceptances).toBeGreaterThan(favourites.metrics.offers.conditionalAcceptances);
  }, 120_000);
});

describe("the cohort's median wait", () => {
  it("counts a client who never started as the longest wait, and has none when fewer than half started", async () => {
    const { medianCountingNeverAsLongest } = await import("./metrics");
    expect(medianCountingNeverAsLongest([10, 20, 30])).toBe(20);
    expect(medianCountingNeverAsLongest([10, null, 30])).toBe(30);
    expect(medianCountingNeverAsLongest([10, 20, null, null])).toBeNull();
    expect(medianCountingNeverAsLongest([10, 20, 40, null])).toBe(30);
    expect(medianCountingNeverAsLongest([])).toBeNull();
  });
});
