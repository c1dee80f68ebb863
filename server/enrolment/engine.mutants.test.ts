// The property test can fail: its fixed scenarios, played against an engine broken in one way
// (a wrong transition table; the client's courses refilled in the wrong order), are caught. The
// model has its own table and decision 005's order, so neither mistake is shared by both sides.
// Each test loads the engine afresh with one module replaced; the database is the real one.
import { afterEach, describe, expect, it, vi } from "vitest";
import { MUTANT_SCENARIOS } from "./testing/mutant-scenarios";

async function playAgainst(): Promise<(typeof import("./testing/property"))["playScenario"]> {
  return (await import("./testing/property")).playScenario;
}

afterEach(() => {
  vi.doUnmock("./states");
  vi.doUnmock("./hand-over");
  vi.resetModules();
});

describe("the engine property test against broken engines", () => {
  it("fails when the state machine forbids declining an offer", async () => {
    vi.resetModules();
    vi.doMock("./states", async (importOriginal) => {
      const actual = await importOriginal<typeof import("./states")>();
      return { ...actual, canTransition: (from: string, to: string) => !(from === "OFFERED" && to === "DECLINED") && actual.canTransition(from as never, to as never) };
    });
    const playScenario = await playAgainst();
    await expect(playScenario(MUTANT_SCENARIOS["offer declined"])).rejects.toThrow(/\(f\) the result of the command/);
  }, 60_000);

  it("fails when a released client's other courses are refilled latest start first", async () => {
    vi.resetModules();
    vi.doMock("./hand-over", async (importOriginal) => {
      const actual = await importOriginal<typeof import("./hand-over")>();
      return {
        ...actual,
        afterSeatReleased: async (db: Parameters<typeof actual.afterSeatReleased>[0], courseId: string, clientId: string, now: Date) => {
          await actual.fillFreeSeats(courseId, now);
          for (const other of (await actual.coursesWhereClientWaits(clientId, db)).reverse()) await actual.fillFreeSeats(other, now);
        },
      };
    });
    const playScenario = await playAgainst();
    await expect(playScenario(MUTANT_SCENARIOS["declined client next on two courses"])).rejects.toThrow(/not in the model's state/);
  }, 60_000);
});
