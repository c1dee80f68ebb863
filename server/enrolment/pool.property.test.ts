// Property test of pooled referrals and conditional acceptance: random command sequences over a
// small world (2–4 courses in a municipality of their own, one of them possibly a draft published
// later; 4–7 clients, each possibly in a pool ranking some courses and referred directly to
// others), played on a simulated clock that only moves forward. Commands: refer, pool (random
// ranks), accept, accept conditionally, decline, cancel, start, no-show, change capacity, publish,
// close a pool, expire due offers, the minute's pool sync. After every step the domain invariants
// (testing/invariants.ts) are read back from the database, every refusal must be one the command
// can legitimately get, and nothing may throw. Reproduce a failure with FC_SEED / FC_PATH.
import fc from "fast-check";
import { describe, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import {
  acceptOffer, cancelEnrolment, changeCapacity, closePool, declineOffer, expireDueOffers, markNoShow, markStarted, referClient, referToPool, setCourseStatus, staff, syncPools,
  type EngineErrorCode,
} from "./index";
import { expectInvariants } from "./testing/invariants";

const HOUR = 3_600_000;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const RUNS = Number(process.env.FC_RUNS ?? (onPostgres ? 60 : 25));
const SEED = Number(process.env.FC_SEED ?? 20_261_201);
const CLOCK_START = Date.UTC(2032, 0, 5, 8, 0, 0);

type Command =
  | { kind: "refer"; client: number; course: number }
  | { kind: "pool"; client: number; ranks: number[] }
  | { kind: "accept" | "acceptConditionally" | "decline" | "cancel" | "start" | "noShow"; pick: number }
  | { kind: "capacity"; course: number; capacity: number }
  | { kind: "publish"; course: number }
  | { kind: "closePool"; client: number }
  | { kind: "expire" }
  | { kind: "sync" };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("refer" as const), client: fc.nat(), course: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("pool" as const), client: fc.nat(), ranks: fc.array(fc.nat(), { maxLength: 3 }) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constantFrom("accept" as const, "acceptConditionally" as const, "acceptConditionally" as const, "decline" as const), pick: fc.nat() }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constantFrom("cancel" as const, "start" as const, "noShow" as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("capacity" as const), course: fc.nat(), capacity: fc.integer({ min: 0, max: 3 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("publish" as const), course: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("closePool" as const), client: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ kind: "expire" as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: "sync" as const }), weight: 1 },
);

const scenarioArb = fc.record({
  capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 4 }),
  confirmOnReferral: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  draftLast: fc.boolean(),
  clients: fc.integer({ min: 4, max: 7 }),
  steps: fc.array(fc.record({ command: commandArb, advanceMs: fc.oneof(fc.integer({ min: 1, max: 600_000 }), fc.integer({ min: HOUR, max: 80 * HOUR })) }), { minLength: 6, maxLength: 22 }),
});

/** The refusals each command may legitimately get in a random world; anything else is a bug. */
const EXPECTED: Record<Command["kind"], readonly EngineErrorCode[]> = {
  refer: ["ALREADY_ENROLLED", "COURSE_NOT_PUBLISHED"],
  pool: ["ALREADY_IN_POOL", "COURSE_NOT_PUBLISHED"],
  accept: ["INVALID_TRANSITION", "OFFER_EXPIRED"],
  acceptConditionally: ["INVALID_TRANSITION", "OFFER_EXPIRED", "CONDITIONAL_NOT_AVAILABLE"],
  decline: ["INVALID_TRANSITION", "OFFER_EXPIRED"],
  cancel: ["INVALID_TRANSITION"],
  start: ["INVALID_TRANSITION", "OFFER_EXPIRED"],
  noShow: ["INVALID_TRANSITION", "OFFER_EXPIRED"],
  capacity: ["CAPACITY_BELOW_HELD"],
  publish: ["INVALID_TRANSITION"],
  closePool: ["INVALID_TRANSITION", "NOT_FOUND"],
  expire: [],
  sync: [],
};

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

async function play(scenario: Scenario): Promise<void> {
  const w = await makeWorld();
  const town = `Kunta ${uniqueSuffix()}`;
  const courses = [];
  for (const [i, capacity] of scenario.capacities.entries()) {
    const draft = scenario.draftLast && i === scenario.capacities.length - 1;
    courses.push(await makeCourse(w.provider.id, capacity, { municipality: town, confirmOnReferral: scenario.confirmOnReferral[i]!, offerResponseHours: 24, status: draft ? "DRAFT" : "PUBLISHED" }));
  }
  const ids = courses.map((c) => c.id);
  const clients = [];
  for (let i = 0; i < scenario.clients; i++) clients.push(await makeClient(w.office.id));
  const official = staff(w.official);
  const provider = staff(w.providerStaff);
  let clock = CLOCK_START;

  for (const [n, { command, advanceMs }] of scenario.steps.entries()) {
    clock += advanceMs;
    const now = new Date(clock);
    const enrolments = await testDb().enrolment.findMany({ where: { courseId: { in: ids } }, orderBy: { createdAt: "asc" }, select: { id: true, clientId: true, status: true } });
    const pick = (i: number, statuses: string[]) => {
      const fitting = enrolments.filter((e) => statuses.includes(e.status));
      return (fitting.length ? fitting : enrolments)[i % Math.max(1, (fitting.length ? fitting : enrolments).length)];
    };
    let result: { ok: boolean; code?: EngineErrorCode } = { ok: true };
    switch (command.kind) {
      case "refer":
        result = await referClient({ actor: official, clientId: clients[command.client % clients.length]!.id, courseId: ids[command.course % ids.length]!, now });
        break;
      case "pool": {
        const ranked = [...new Set(command.ranks.map((r: number) => ids[r % ids.length]!))];
        const criteria = { studyPath: "BASIC" as const, levelFit: true, municipalities: [town], includeRemote: false, schedule: null, instructionLanguage: null, startFrom: null, startTo: null };
        result = await referToPool({ actor: official, clientId: clients[command.client % clients.length]!.id, criteria, rankedCourseIds: ranked, now });
        break;
      }
      case "accept":
      case "acceptConditionally":
      case "decline": {
        const e = pick(command.pick, ["OFFERED"]);
        if (!e) continue;
        const actor = { kind: "CLIENT" as const, clientId: e.clientId };
        result =
          command.kind === "decline"
            ? await declineOffer({ actor, enrolmentId: e.id, now })
            : await acceptOffer({ actor, enrolmentId: e.id, conditional: command.kind === "acceptConditionally", now });
        break;
      }
      case "cancel":
      case "start":
      case "noShow": {
        const e = pick(command.pick, command.kind === "cancel" ? ["WAITLISTED", "OFFERED", "CONFIRMED"] : ["CONFIRMED"]);
        if (!e) continue;
        const verb = command.kind === "cancel" ? cancelEnrolment : command.kind === "start" ? markStarted : markNoShow;
        result = await verb({ actor: provider, enrolmentId: e.id, reason: "Changed plans", now });
        break;
      }
      case "capacity":
        result = await changeCapacity({ actor: provider, courseId: ids[command.course % ids.length]!, capacity: command.capacity, now });
        break;
      case "publish":
        result = await setCourseStatus({ actor: provider, courseId: ids[command.course % ids.length]!, status: "PUBLISHED", now });
        break;
      case "closePool": {
        const entry = await testDb().queueEntry.findFirst({ where: { clientId: clients[command.client % clients.length]!.id }, orderBy: { referredAt: "desc" } });
        if (!entry) continue;
        result = await closePool({ actor: official, queueEntryId: entry.id, reason: "Plans changed", now });
        break;
      }
      case "expire":
        for (const id of ids) await expireDueOffers(now, id);
        break;
      case "sync":
        for (const id of ids) await syncPools(now, { courseId: id });
        break;
    }
    if (!result.ok && !EXPECTED[command.kind as Command["kind"]].includes(result.code!)) {
      throw new Error(`step ${n} ${JSON.stringify(command)}: unexpected refusal ${result.code}`);
    }
    try {
      await expectInvariants(w, ids);
    } catch (error) {
      throw new Error(`after step ${n} ${JSON.stringify(command)}: ${(error as Error).message}`);
    }
  }
}

describe("pooled queue, property-based", () => {
  it(
    "keeps every invariant under random pooled referrals, conditional answers and freed seats",
    async () => {
      await fc.assert(fc.asyncProperty(scenarioArb, play), {
        numRuns: RUNS,
        seed: SEED,
        path: process.env.FC_PATH,
        endOnFailure: !process.env.FC_SHRINK,
      });
    },
    600_000,
  );
});
