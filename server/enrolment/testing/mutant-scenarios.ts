// Small fixed scenarios for engine.mutants.test.ts: each passes against the engine (checked in
// engine.property.test.ts) and must fail against an engine broken in one named way.
import type { Command, Scenario, Step } from "./model";

const refer = (client: number, course: number): Step => ({ command: { kind: "refer", client, course, urgent: false, reason: "", actor: null }, advanceMs: 60_000 });
const decline: Step = { command: { kind: "decline", pick: 0, useful: true, reason: "", actor: null } satisfies Command, advanceMs: 60_000 };
const course = (startsOn: string) => ({ capacity: 1, confirmOnReferral: false, offerResponseHours: 72, startsOn });

export const MUTANT_SCENARIOS = {
  /** An offer declined: OFFERED → DECLINED must be allowed. */
  "offer declined": { courses: [course("2099-01-10"), course("2099-01-10")], clients: 2, steps: [refer(0, 0), decline] },
  /**
   * A client offered a seat on one course waits for two others with free seats (free because they
   * hold a seat). When they decline, decision 005 offers them the course that starts sooner (course
   * 2, in February), not the later one (course 1, in March).
   */
  "declined client next on two courses": {
    courses: [course("2099-01-10"), course("2099-03-07"), course("2099-02-07")],
    clients: 2,
    steps: [refer(0, 0), refer(0, 1), refer(0, 2), decline],
  },
} satisfies Record<string, Scenario>;
