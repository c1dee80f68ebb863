import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeAdvicePoint, makeAdviser, makeUser, makeWorld } from "../testing/factories";
import { STAT_DIMENSIONS, type StatDimension } from "../../lib/schemas/advice-stats";
import { AgeBand, TimeInFinlandBand, VisitChannel, VisitOutcome, VisitorGender } from "../db/generated/enums";
import { NOT_RECORDED, periodPresets, viewOf, visitStats, type StatTable, type VisitStats } from "./stats";
import { actorOf, builtInLists, insertVisits, seededRandom, type TestVisit } from "./testing";

// The statistics against counts this test makes itself from the visits it wrote: a few hundred
// random visits over two and a half years, many of them a second away from a Finnish midnight.

const PERIOD = { from: "2025-03-15", to: "2026-02-10" };
const PREVIOUS = { from: "2024-03-15", to: "2025-02-10" };

/** The Finnish calendar day of an instant, by Intl alone (not lib/dates.ts, which the code uses). */
const finnishDay = (at: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const some = <T>(random: () => number, values: readonly T[], max: number): T[] => {
  const n = 1 + Math.floor(random() * max);
  return [...new Set(Array.from({ length: n }, () => pick(random, values)))];
};

function randomVisits(advicePointId: string, count: number, lists: { topics: { id: string }[]; destinations: { id: string }[] }, seed: number): TestVisit[] {
  const random = seededRandom(seed);
  const start = Date.parse("2024-01-01T00:00:00Z");
  const end = Date.parse("2026-04-01T00:00:00Z");
  return Array.from({ length: count }, () => {
    let at = start + Math.floor(random() * (end - start));
    // A third of them a moment before or after a Finnish midnight (22:00 UTC in winter, 21:00 in summer).
    if (random() < 0.33) {
      const day = new Date(at);
      day.setUTCHours(random() < 0.5 ? 21 : 22, 0, 0, 0);
      at = day.getTime() + (random() < 0.5 ? -1 : 0);
    }
    const outcome = pick(random, Object.values(VisitOutcome));
    const maybe = <T>(values: readonly T[]) => (random() < 0.3 ? null : pick(random, values));
    return {
      advicePointId,
      occurredAt: new Date(at),
      channel: pick(random, Object.values(VisitChannel)),
      // Now and then a language written twice: it counts once.
      languages: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, ["fi", "en", "ar", "so", "uk", "ru", "fa", "ti"])),
      outcome,
      topicIds: random() < 0.05 ? [] : some(random, lists.topics.map((t) => t.id), 3),
      destinationIds: outcome === "REFERRED" || random() < 0.1 ? some(random, lists.destinations.map((d) => d.id), 2) : [],
      ageBand: maybe(Object.values(AgeBand)),
      gender: maybe(Object.values(VisitorGender)),
      timeInFinland: maybe(Object.values(TimeInFinlandBand)),
      firstVisit: random() < 0.2 ? null : random() < 0.5,
    };
  });
}

/** The keys each visit has in a dimension (several for topics, languages, destinations). */
function keysOf(v: TestVisit, dimension: StatDimension, month: string): string[] {
  switch (dimension) {
    case "month":
      return [month];
    case "topic":
      return v.topicIds ?? [];
    case "language":
      return [...new Set(v.languages)];
    case "destination":
      return v.destinationIds ?? [];
    case "advicePoint":
      return [v.advicePointId];
    case "channel":
      return [v.channel!];
    case "outcome":
      return [v.outcome!];
    case "firstVisit":
      return [v.firstVisit === null || v.firstVisit === undefined ? NOT_RECORDED : v.firstVisit ? "FIRST_VISIT" : "RETURNING"];
    default:
      return [v[dimension] ?? NOT_RECORDED];
  }
}

/** Per dimension: key → [visits in the period, visits a year earlier] and the totals, counted here. */
function expectedCounts(visits: TestVisit[], dimension: StatDimension) {
  const rows = new Map<string, [number, number]>();
  const totals: [number, number] = [0, 0];
  for (const v of visits) {
    const day = finnishDay(v.occurredAt);
    const which = day >= PERIOD.from && day <= PERIOD.to ? 0 : day >= PREVIOUS.from && day <= PREVIOUS.to ? 1 : -1;
    if (which === -1) continue;
    // A month row of the year earlier sits beside the same month of the period.
    const month = which === 0 ? day.slice(0, 7) : `${Number(day.slice(0, 4)) + 1}${day.slice(4, 7)}`;
    const keys = keysOf(v, dimension, month);
    if (keys.length) totals[which]++;
    for (const k of keys) {
      const row = rows.get(k) ?? [0, 0];
      row[which]++;
      rows.set(k, row);
    }
  }
  return { rows, totals };
}

const table = (stats: VisitStats, d: StatDimension) => stats.tables.find((t) => t.dimension === d)!;
const asCounts = (t: StatTable) => new Map(t.rows.map((r) => [r.key, [r.count, r.previous] as [number, number]]));

describe("visit statistics against direct counts", () => {
  let visits: TestVisit[];
  let adviser: Awaited<ReturnType<typeof actorOf>>;
  let admin: Awaited<ReturnType<typeof actorOf>>;
  let point: { id: string; name: string };
  let other: { id: string; name: string };
  let otherVisits: TestVisit[];

  beforeAll(async () => {
    const lists = await builtInLists();
    point = await makeAdvicePoint();
    other = await makeAdvicePoint();
    adviser = await makeAdviser(point.id);
    admin = await actorOf((await makeUser("ADMIN")).id);
    // And on each edge: a millisecond before and at the start of each period's first and last
    // Finnish day's end (winter: 22:00 UTC), and of a summer month (21:00 UTC).
    const edges = ["2025-03-14T22:00:00.000Z", "2026-02-10T22:00:00.000Z", "2024-03-14T22:00:00.000Z", "2025-02-10T22:00:00.000Z", "2025-06-30T21:00:00.000Z", "2024-06-30T21:00:00.000Z"].flatMap((iso) => {
      const at = Date.parse(iso);
      return [new Date(at - 1), new Date(at)];
    });
    visits = [...randomVisits(point.id, 400, lists, 16), ...edges.map((occurredAt) => ({ ...randomVisits(point.id, 1, lists, occurredAt.getTime() % 1000)[0]!, occurredAt }))];
    otherVisits = randomVisits(other.id, 60, lists, 61);
    await insertVisits([...visits, ...otherVisits]);
  });

  it("counts every dimension of the adviser's own point as the visits say, in Finnish days and months", async () => {
    const result = await visitStats(adviser, PERIOD, { locale: "fi" });
    expect(result.ok).toBe(true);
    const stats = (result as { stats: VisitStats }).stats;
    expect(stats.period).toEqual(PERIOD);
    expect(stats.previousPeriod).toEqual(PREVIOUS);
    expect(stats.point).toEqual({ id: point.id, name: point.name });
    expect(stats.tables.map((t) => t.dimension)).toEqual(STAT_DIMENSIONS);
    for (const dimension of STAT_DIMENSIONS) {
      const expected = expectedCounts(visits, dimension);
      const actual = table(stats, dimension);
      if (dimension === "month") {
        // Every month of the period, empty ones too.
        expect(actual.rows.map((r) => r.key)).toEqual(["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]);
        for (const r of actual.rows) expect([r.count, r.previous], r.key).toEqual(expected.rows.get(r.key) ?? [0, 0]);
      } else {
        expect(asCounts(actual), dimension).toEqual(expected.rows);
      }
      expect([actual.total, actual.previousTotal], dimension).toEqual(expected.totals);
      expect(actual.relation, dimension).toBe(["topic", "language", "destination"].includes(dimension) ? "COVER" : "SUM");
    }
    // The visits of the other point are nowhere.
    expect(table(stats, "advicePoint").rows.map((r) => r.key)).toEqual([point.id]);
  });

  it("gives the administrator the same figures for the point, and every point's visits without a filter", async () => {
    const own = (await visitStats(adviser, PERIOD, { locale: "en" })) as { stats: VisitStats };
    const filtered = (await visitStats(admin, { ...PERIOD, point: point.id }, { locale: "en" })) as { stats: VisitStats };
    expect(filtered.stats.tables).toEqual(own.stats.tables);
    const all = (await visitStats(admin, PERIOD, { locale: "en", dimensions: ["advicePoint", "channel"] })) as { stats: VisitStats };
    expect(all.stats.point).toBeNull();
    const byPoint = asCounts(table(all.stats, "advicePoint"));
    expect(byPoint.get(point.id)).toEqual(expectedCounts(visits, "advicePoint").rows.get(point.id));
    expect(byPoint.get(other.id)).toEqual(expectedCounts(otherVisits, "advicePoint").rows.get(other.id));
    expect(all.stats.points.map((p) => p.id)).toEqual(expect.arrayContaining([point.id, other.id]));
    expect(table(all.stats, "advicePoint").rows.find((r) => r.key === other.id)!.label).toBe(other.name);
  });

  it("keeps the rows of the publishable view and hides exactly what suppression says", async () => {
    const stats = ((await visitStats(adviser, PERIOD, { locale: "fi" })) as { stats: VisitStats }).stats;
    for (const t of stats.tables) {
      const view = viewOf(t, true);
      expect(view.rows.map((r) => r.key)).toEqual(t.rows.map((r) => r.key));
      view.rows.forEach((r, i) => {
        if (t.rows[i]!.count < 5) expect(r.count.value, `${t.dimension} ${r.key}`).toBeNull();
        if (r.count.value !== null) expect(r.count.value).toBe(t.rows[i]!.count);
        if (r.previous.value !== null) expect(r.previous.value).toBe(t.rows[i]!.previous);
      });
      const plain = viewOf(t, false);
      expect(plain.rows.map((r) => r.count.value)).toEqual(t.rows.map((r) => r.count));
    }
  });

  it("answers only the dimensions asked", async () => {
    const stats = ((await visitStats(adviser, { ...PERIOD }, { locale: "fi", dimensions: ["language"] })) as { stats: VisitStats }).stats;
    expect(stats.tables.map((t) => t.dimension)).toEqual(["language"]);
    expect(asCounts(stats.tables[0]!)).toEqual(expectedCounts(visits, "language").rows);
  });
});

describe("who sees which statistics", () => {
  it("gives an adviser their own point only, and nobody else anything", async () => {
    const point = await makeAdvicePoint();
    const other = await makeAdvicePoint();
    const adviser = await makeAdviser(point.id);
    const w = await makeWorld();
    expect(await visitStats(adviser, { point: other.id }, { locale: "fi" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await visitStats(adviser, { point: point.id }, { locale: "fi" })).ok).toBe(true);
    expect(await visitStats(w.official, {}, { locale: "fi" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await visitStats(w.providerStaff, {}, { locale: "fi" })).toEqual({ ok: false, code: "NOT_FOUND" });
    // An administrator's filter must name an advice point.
    const admin = await actorOf((await makeUser("ADMIN")).id);
    expect(await visitStats(admin, { point: w.office.id }, { locale: "fi" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await visitStats(admin, { point: "not-an-id" }, { locale: "fi" })).toEqual({ ok: false, code: "NOT_FOUND" });
    // An adviser whose organisation is not an advice point sees nothing.
    const misplaced = await actorOf((await makeUser("ADVISER", { organisationId: w.office.id })).id);
    expect(await visitStats(misplaced, {}, { locale: "fi" })).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});

describe("labels", () => {
  it("names topics and destinations in the caller's language and keeps retired ones, marked", async () => {
    const { topics, destinations } = await builtInLists();
    const housing = topics.find((t) => t.code === "housing")!;
    const retired = await testDb().visitListEntry.create({ data: { kind: "TOPIC", labelFi: "Vanha aihe", labelSv: "Gammalt ämne", labelEn: "Old topic", sortOrder: 999, retiredAt: new Date("2025-06-01T00:00:00Z") } });
    const point = await makeAdvicePoint();
    const adviser = await makeAdviser(point.id);
    await insertVisits([
      { advicePointId: point.id, occurredAt: new Date("2025-04-02T09:00:00Z"), topicIds: [housing.id, retired.id], outcome: "REFERRED", destinationIds: [destinations[0]!.id], languages: ["ar", "fi"] },
    ]);
    for (const [locale, housingLabel, oldLabel] of [["fi", housing.labelFi, "Vanha aihe"], ["sv", housing.labelSv, "Gammalt ämne"], ["en", housing.labelEn, "Old topic"]] as const) {
      const stats = ((await visitStats(adviser, PERIOD, { locale })) as { stats: VisitStats }).stats;
      const rows = table(stats, "topic").rows;
      expect(rows.map((r) => [r.label, r.retired])).toEqual([[housingLabel, false], [oldLabel, true]]);
      expect(table(stats, "destination").rows[0]!.label).toBe(locale === "fi" ? destinations[0]!.labelFi : locale === "sv" ? destinations[0]!.labelSv : destinations[0]!.labelEn);
      expect(table(stats, "channel").rows[0]!.key).toBe("WALK_IN");
    }
    const fi = ((await visitStats(adviser, PERIOD, { locale: "fi" })) as { stats: VisitStats }).stats;
    expect(table(fi, "language").rows.map((r) => r.label)).toEqual(["Arabia", "Suomi"]);
    expect(table(fi, "month").rows[0]!.label).toBe("Maaliskuu 2025");
    expect(table(fi, "channel").rows.map((r) => r.label)).toEqual(["Käynti paikan päällä"]);
    expect(table(fi, "gender").rows.map((r) => [r.key, r.label])).toEqual([[NOT_RECORDED, "Ei kirjattu"]]);
  });
});

describe("periods", () => {
  it("offer whole months and years in Finnish days, and the last twelve months by default", async () => {
    // 1 March 2026 00:30 in Helsinki is still February in UTC.
    const now = new Date("2026-02-28T22:30:00Z");
    expect(periodPresets(now)).toEqual([
      { preset: "thisMonth", from: "2026-03-01", to: "2026-03-01" },
      { preset: "lastMonth", from: "2026-02-01", to: "2026-02-28" },
      { preset: "last3Months", from: "2026-01-01", to: "2026-03-01" },
      { preset: "last12Months", from: "2025-04-01", to: "2026-03-01" },
      { preset: "thisYear", from: "2026-01-01", to: "2026-03-01" },
      { preset: "lastYear", from: "2025-01-01", to: "2025-12-31" },
    ]);
    const point = await makeAdvicePoint();
    const adviser = await makeAdviser(point.id);
    const stats = ((await visitStats(adviser, {}, { locale: "fi", now, dimensions: ["month"] })) as { stats: VisitStats }).stats;
    expect(stats.period).toEqual({ from: "2025-04-01", to: "2026-03-01" });
    expect(stats.tables[0]!.rows).toHaveLength(12);
  });

  it("counts a visit in both periods when a period longer than a year overlaps its comparison", async () => {
    const point = await makeAdvicePoint();
    const adviser = await makeAdviser(point.id);
    await insertVisits([{ advicePointId: point.id, occurredAt: new Date("2025-06-10T09:00:00Z") }]);
    const stats = ((await visitStats(adviser, { from: "2025-01-01", to: "2026-06-30" }, { locale: "en", dimensions: ["channel", "month"] })) as { stats: VisitStats }).stats;
    expect([table(stats, "channel").total, table(stats, "channel").previousTotal]).toEqual([1, 1]);
    const month = table(stats, "month");
    expect(month.rows).toHaveLength(18);
    expect(month.rows.find((r) => r.key === "2025-06")).toMatchObject({ count: 1, previous: 0 });
    expect(month.rows.find((r) => r.key === "2026-06")).toMatchObject({ count: 0, previous: 1 });
  });
});
