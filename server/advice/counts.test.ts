import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeAdviser } from "../testing/factories";
import { visitSchema } from "../../lib/schemas/advice";
import { AgeBand, VisitChannel, VisitOutcome, VisitorGender } from "../db/generated/enums";
import { foldVisitCounts, VISIT_COUNTS_FOLD_LOCK } from "./counts";
import { recordVisit, updateVisit } from "./visits";
import { builtInLists, seededRandom } from "./testing";

// The visit counts the statistics read (counts.ts and the triggers of migration
// 20261203085006_visit_counts) against a count this test makes itself, straight from the visits,
// after every kind of change: a visit logged, corrected (another day, month, channel, topics,
// destinations, languages, profile), topics and destinations written and removed by statements
// of several rows, a visit deleted; folded or not.

type Count = Record<string, number>;

/** What the counts say for a point, folded and not yet folded: "day|dimension|key" → visits. */
async function stored(pointId: string): Promise<Count> {
  const rows = await testDb().$queryRaw<{ k: string; n: number }[]>`
    SELECT day::text || '|' || dimension || '|' || key AS k, sum(visits)::int AS n FROM (
      SELECT day, dimension, key, visits FROM "VisitDayCount" WHERE "advicePointId" = ${pointId}::uuid
      UNION ALL SELECT day, dimension, key, visits FROM "VisitCountChange" WHERE "advicePointId" = ${pointId}::uuid) c
    GROUP BY 1 HAVING sum(visits) <> 0`;
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

/** The same straight from the visits, in Finnish days, without the migration's functions. */
async function recounted(pointId: string): Promise<Count> {
  const rows = await testDb().$queryRaw<{ k: string; n: number }[]>`
    WITH v AS (SELECT *, ("occurredAt" AT TIME ZONE 'Europe/Helsinki')::date AS d FROM "AdviceVisit" WHERE "advicePointId" = ${pointId}::uuid),
    keyed AS (
      SELECT id, d, 'visits' AS dimension, 'all' AS key FROM v
      UNION ALL SELECT id, d, 'channel', channel::text FROM v
      UNION ALL SELECT id, d, 'outcome', outcome::text FROM v
      UNION ALL SELECT id, d, 'ageBand', coalesce("ageBand"::text, 'NOT_RECORDED') FROM v
      UNION ALL SELECT id, d, 'gender', coalesce(gender::text, 'NOT_RECORDED') FROM v
      UNION ALL SELECT id, d, 'timeInFinland', coalesce("timeInFinland"::text, 'NOT_RECORDED') FROM v
      UNION ALL SELECT id, d, 'firstVisit', CASE WHEN "firstVisit" IS NULL THEN 'NOT_RECORDED' WHEN "firstVisit" THEN 'FIRST_VISIT' ELSE 'RETURNING' END FROM v
      UNION ALL SELECT id, d, 'language', l FROM v, unnest(languages) l
      UNION ALL SELECT id, d, 'visits', 'language' FROM v WHERE cardinality(languages) > 0
      UNION ALL SELECT v.id, d, 'topic', t."topicId"::text FROM v JOIN "AdviceVisitTopic" t ON t."visitId" = v.id
      UNION ALL SELECT v.id, d, 'visits', 'topic' FROM v WHERE EXISTS (SELECT 1 FROM "AdviceVisitTopic" t WHERE t."visitId" = v.id)
      UNION ALL SELECT v.id, d, 'destination', x."destinationId"::text FROM v JOIN "AdviceVisitDestination" x ON x."visitId" = v.id
      UNION ALL SELECT v.id, d, 'visits', 'destination' FROM v WHERE EXISTS (SELECT 1 FROM "AdviceVisitDestination" x WHERE x."visitId" = v.id)
    )
    SELECT d::text || '|' || dimension || '|' || key AS k, count(DISTINCT id)::int AS n FROM keyed GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

/** The month counts against the day counts summed by month (after a fold). */
async function monthsMatchDays(pointId: string) {
  const [row] = await testDb().$queryRaw<{ differences: number }[]>`
    SELECT count(*)::int AS differences FROM (
      SELECT month, dimension, key, visits FROM "VisitMonthCount" WHERE "advicePointId" = ${pointId}::uuid
      EXCEPT
      SELECT date_trunc('month', day)::date, dimension, key, sum(visits)::int FROM "VisitDayCount" WHERE "advicePointId" = ${pointId}::uuid GROUP BY 1, 2, 3
    ) x`;
  return row!.differences;
}

const DAY = 86_400_000;

describe("the visit counts", () => {
  it("equal a direct count after every kind of change, folded or not", async () => {
    const adviser = await makeAdviser();
    const pointId = adviser.organisationId!;
    const lists = await builtInLists();
    const random = seededRandom(1603);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const some = <T>(values: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(values)))];
    const now = Date.now();
    // A moment within the last 40 days, a third of them a second from a Finnish midnight.
    const moment = () => {
      const at = new Date(now - Math.floor(random() * 40 * DAY));
      if (random() < 0.33) {
        at.setUTCHours(pick([21, 22]), 0, 0, 0);
        at.setTime(at.getTime() - (random() < 0.5 ? 1000 : 0));
      }
      return at.toISOString();
    };
    const input = () => {
      const outcome = pick(Object.values(VisitOutcome));
      return visitSchema.parse({
        occurredAt: moment(),
        channel: pick(Object.values(VisitChannel)),
        languages: some(["fi", "en", "ar", "so", "uk"], 3),
        topicIds: some(lists.topics.map((t) => t.id), 3),
        outcome,
        referredToIds: outcome === "REFERRED" ? some(lists.destinations.map((d) => d.id), 2) : [],
        profile: random() < 0.5 ? null : { ageBand: pick([...Object.values(AgeBand), null]), gender: pick([...Object.values(VisitorGender), null]), firstVisit: pick([true, false, null]) },
      });
    };

    const ids: string[] = [];
    for (let step = 0; step < 60; step++) {
      const roll = random();
      if (roll < 0.4 || ids.length < 3) {
        const r = await recordVisit(adviser, input());
        if (!r.ok) throw new Error(r.code);
        ids.push(r.visit.id);
      } else if (roll < 0.7) {
        const r = await updateVisit(adviser, pick(ids), input());
        expect(r.ok).toBe(true);
      } else if (roll < 0.8) {
        // Several rows in one statement each way: the statement triggers see them together.
        const chosen = some(ids, 3);
        await testDb().adviceVisitTopic.deleteMany({ where: { visitId: { in: chosen } } });
        await testDb().adviceVisitTopic.createMany({ data: chosen.flatMap((visitId) => some(lists.topics, 2).map((t) => ({ visitId, topicId: t.id }))) });
        await testDb().adviceVisitDestination.deleteMany({ where: { visitId: pick(ids) } });
      } else if (roll < 0.9) {
        const gone = ids.splice(Math.floor(random() * ids.length), 1)[0]!;
        await testDb().adviceVisit.delete({ where: { id: gone } });
      } else {
        await foldVisitCounts();
        expect(await monthsMatchDays(pointId)).toBe(0);
      }
      expect(await stored(pointId)).toEqual(await recounted(pointId));
    }
    await foldVisitCounts();
    expect(await stored(pointId)).toEqual(await recounted(pointId));
    expect(await monthsMatchDays(pointId)).toBe(0);
    const [left] = await testDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "VisitCountChange" WHERE "advicePointId" = ${pointId}::uuid`;
    expect(left!.n).toBe(0);
    // The migration's backfill (also the benchmark's bulk load) counts the same from scratch.
    const before = await stored(pointId);
    await testDb().$executeRaw`SELECT rebuild_visit_counts()`;
    expect(await stored(pointId)).toEqual(before);
    expect(await monthsMatchDays(pointId)).toBe(0);
  });

  it("leave nothing behind for a visit deleted, and keep no count at zero after a fold", async () => {
    const adviser = await makeAdviser();
    const pointId = adviser.organisationId!;
    const lists = await builtInLists();
    const r = await recordVisit(adviser, visitSchema.parse({ channel: "PHONE", languages: ["ar", "fi"], topicIds: [lists.topics[0]!.id, lists.topics[1]!.id], outcome: "REFERRED", referredToIds: [lists.destinations[0]!.id] }));
    if (!r.ok) throw new Error(r.code);
    expect(Object.keys(await stored(pointId)).length).toBeGreaterThan(10);
    await testDb().adviceVisit.delete({ where: { id: r.visit.id } });
    expect(await stored(pointId)).toEqual({});
    await foldVisitCounts();
    const rows = await testDb().$queryRaw<{ n: number }[]>`
      SELECT (SELECT count(*) FROM "VisitDayCount" WHERE "advicePointId" = ${pointId}::uuid)::int
        + (SELECT count(*) FROM "VisitMonthCount" WHERE "advicePointId" = ${pointId}::uuid)::int AS n`;
    expect(rows[0]!.n).toBe(0);
  });

  it("are folded by one instance at a time: another skips its turn and folds nothing", async () => {
    const adviser = await makeAdviser();
    const lists = await builtInLists();
    await recordVisit(adviser, visitSchema.parse({ channel: "EMAIL", languages: ["so"], topicIds: [lists.topics[2]!.id], outcome: "ANSWERED" }));
    const pending = async () => (await testDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "VisitCountChange" WHERE "advicePointId" = ${adviser.organisationId}::uuid`)[0]!.n;
    expect(await pending()).toBeGreaterThan(0);
    await testDb().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${VISIT_COUNTS_FOLD_LOCK})`;
      expect(await foldVisitCounts()).toBe(0);
    });
    expect(await pending()).toBeGreaterThan(0);
    expect(await foldVisitCounts()).toBeGreaterThan(0);
    expect(await pending()).toBe(0);
  });
});
