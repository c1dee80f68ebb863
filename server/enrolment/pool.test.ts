import { describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../../lib/testing/db";
import { makeClient, makeCourse, makeWorld } from "../../lib/testing/factories";
import { acceptOffer, referToPool, staff, syncPools } from "./index";

// Pooled referrals and conditional acceptance. Each test has a municipality of its own, so pools of
// other tests (the database is shared) never match its courses.

const DAY = 86_400_000;

async function statusOf(clientId: string, courseId: string) {
  return (await testDb().enrolment.findFirstOrThrow({ where: { clientId, courseId } })).status;
}

describe("conditional acceptance", () => {
  // Found by `npm run simulate` (2027-01-27 in the default run): the minute job's safety net had to
  // offer a free seat the engine had left unoffered after a conditional acceptance.
  it("offers a free seat on a course ranked higher at once, when accepting conditionally makes the client eligible for it", async () => {
    const w = await makeWorld();
    const municipality = `Testikunta ${uniqueSuffix()}`;
    const now = new Date("2099-01-05T10:00:00Z");
    // The favourite takes referrals from tomorrow; another matching course has a free seat today.
    const favourite = await makeCourse(w.provider.id, 2, { municipality, startsOn: new Date("2099-02-01"), referralOpensOn: new Date("2099-01-06") });
    const other = await makeCourse(w.provider.id, 1, { municipality, startsOn: new Date("2099-01-20") });
    const client = await makeClient(w.office.id, { municipality, languageLevel: "A0" });
    const pooled = await referToPool({
      actor: staff(w.official),
      clientId: client.id,
      criteria: { studyPath: "BASIC", levelFit: true, municipalities: [municipality], includeRemote: false, schedule: null, instructionLanguage: null, startFrom: null, startTo: null },
      rankedCourseIds: [favourite.id],
      now,
    });
    expect(pooled).toMatchObject({ ok: true });
    expect(await statusOf(client.id, other.id)).toBe("OFFERED");

    // Next morning the favourite opens: the client joins its queue, but holds an offer, so its free seats wait.
    const tomorrow = new Date(now.getTime() + DAY);
    await syncPools(tomorrow, { courseId: favourite.id });
    expect(await statusOf(client.id, favourite.id)).toBe("WAITLISTED");

    // Taking the other seat on condition frees the client for the favourite, which has a seat free.
    const offer = await testDb().enrolment.findFirstOrThrow({ where: { clientId: client.id, courseId: other.id } });
    expect(await acceptOffer({ actor: { kind: "CLIENT", clientId: client.id }, enrolmentId: offer.id, conditional: true, now: new Date(tomorrow.getTime() + 3_600_000) })).toMatchObject({ ok: true });
    expect(await statusOf(client.id, other.id)).toBe("CONFIRMED");
    expect(await statusOf(client.id, favourite.id)).toBe("OFFERED");
  });
});
