import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeAdvicePoint, makeAdviser, makeUser, makeWorld } from "../testing/factories";
import { builtInLists, insertVisits } from "../advice/testing";
import { GET as visitStats } from "../../app/api/v1/visits/stats/route";
import { issueApiToken } from "../auth/api-token";
import { visitStatsResponse } from "../../lib/schemas/api";

// GET /api/v1/visits/stats called as Next.js calls it, on the real database.

const tokenOf = async (userId: string) => (await issueApiToken(testDb(), userId, "stats test")).token;
const get = (query: string, token: string, headers: Record<string, string> = {}) =>
  visitStats(new Request(`http://test/api/v1/visits/stats?${query}`, { headers: { authorization: `Bearer ${token}`, ...headers } }), {});
const body = async (response: Response) => visitStatsResponse.parse(await response.json());
const PERIOD = "from=2025-01-01&to=2025-12-31";

describe("GET /api/v1/visits/stats", () => {
  let point: { id: string };
  let other: { id: string };
  let adviser: string;
  let otherAdviser: string;
  let admin: string;
  let housing: { id: string; labelFi: string; labelSv: string };

  beforeAll(async () => {
    const { topics } = await builtInLists();
    housing = topics.find((t) => t.code === "housing")!;
    point = await makeAdvicePoint();
    other = await makeAdvicePoint();
    adviser = await tokenOf((await makeAdviser(point.id)).userId);
    otherAdviser = await tokenOf((await makeAdviser(other.id)).userId);
    admin = await tokenOf((await makeUser("ADMIN")).id);
    const at = (iso: string) => new Date(iso);
    await insertVisits([
      ...Array.from({ length: 12 }, (_, i) => ({ advicePointId: point.id, occurredAt: at(`2025-03-${String(i + 1).padStart(2, "0")}T10:00:00Z`), channel: "WALK_IN" as const, topicIds: [housing.id] })),
      ...Array.from({ length: 7 }, (_, i) => ({ advicePointId: point.id, occurredAt: at(`2025-04-${String(i + 1).padStart(2, "0")}T10:00:00Z`), channel: "PHONE" as const, topicIds: [housing.id] })),
      { advicePointId: point.id, occurredAt: at("2025-05-05T10:00:00Z"), channel: "EMAIL" as const, languages: ["ar"] },
      // A year earlier, and outside both periods.
      { advicePointId: point.id, occurredAt: at("2024-05-05T10:00:00Z"), channel: "CHAT" as const },
      { advicePointId: point.id, occurredAt: at("2023-05-05T10:00:00Z"), channel: "CHAT" as const },
      ...Array.from({ length: 3 }, () => ({ advicePointId: other.id, occurredAt: at("2025-06-01T10:00:00Z"), channel: "OUTREACH" as const })),
    ]);
  });

  it("answers an adviser their own point's visits by the dimension asked, every figure without suppress", async () => {
    const response = await get(`${PERIOD}&by=channel`, adviser);
    expect(response.status).toBe(200);
    // Rows of values that occur in the period or a year earlier, in the enum's order.
    expect(await body(response)).toEqual({
      rows: [
        { key: "WALK_IN", label: "Käynti paikan päällä", retired: false, count: 12 },
        { key: "PHONE", label: "Puhelin", retired: false, count: 7 },
        { key: "EMAIL", label: "Sähköposti", retired: false, count: 1 },
        { key: "CHAT", label: "Chat", retired: false, count: 0 },
      ],
      total: 20,
    });
    const months = await body(await get(`${PERIOD}&by=month`, adviser));
    expect(months.rows.map((r) => r.key)).toEqual(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]);
    expect(months.rows.slice(2, 5).map((r) => r.count)).toEqual([12, 7, 1]);
  });

  it("with suppress=true hides what is below 5 and what would give it away", async () => {
    const channels = await body(await get(`${PERIOD}&by=channel&suppress=true`, adviser));
    // EMAIL 1 and CHAT 0 are below 5; together they are 20 − 12 − 7 = 1, so EMAIL would be 0 or 1 and CHAT 0 or 1: enough.
    expect(channels.rows.map((r) => [r.key, r.count])).toEqual([["WALK_IN", 12], ["PHONE", 7], ["EMAIL", null], ["CHAT", null]]);
    expect(channels.total).toBe(20);
    // One visit in Arabic beside 19 in Finnish out of 20: at least 20 − 19 = 1 in Arabic, but it could be up to 4.
    const languages = await body(await get(`${PERIOD}&by=language&suppress=true`, adviser));
    expect(languages.rows.map((r) => [r.key, r.count])).toEqual([["fi", 19], ["ar", null]]);
    expect(languages.total).toBe(20);
    // The other point's three visits: the total itself is below 5.
    const small = await body(await get(`${PERIOD}&by=channel&suppress=true`, otherAdviser));
    expect(small).toEqual({ rows: [{ key: "OUTREACH", label: "Jalkautuva työ", retired: false, count: null }], total: null });
  });

  it("labels in the language the caller asks for", async () => {
    const response = await get(`${PERIOD}&by=topic`, adviser, { "accept-language": "sv-FI,sv;q=0.9" });
    expect(response.headers.get("content-language")).toBe("sv");
    expect((await body(response)).rows).toEqual([{ key: housing.id, label: housing.labelSv, retired: false, count: 19 }]);
  });

  it("answers an administrator every point, or the one asked for", async () => {
    const all = await body(await get(`${PERIOD}&by=advicePoint`, admin));
    expect(all.rows.find((r) => r.key === point.id)?.count).toBe(20);
    expect(all.rows.find((r) => r.key === other.id)?.count).toBe(3);
    const one = await body(await get(`${PERIOD}&by=channel&point=${other.id}`, admin));
    expect(one).toEqual({ rows: [{ key: "OUTREACH", label: "Jalkautuva työ", retired: false, count: 3 }], total: 3 });
  });

  it("answers 404 for another point and 403 to roles that never read visit statistics", async () => {
    const response = await get(`${PERIOD}&by=channel&point=${other.id}`, adviser);
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe("NOT_FOUND");
    const w = await makeWorld();
    for (const user of [w.official.userId, w.providerStaff.userId]) {
      const refused = await get(`${PERIOD}&by=channel`, await tokenOf(user));
      expect(refused.status).toBe(403);
      expect((await refused.json()).code).toBe("FORBIDDEN");
    }
    expect((await get(`${PERIOD}&by=channel`, "not-a-token")).status).toBe(401);
  });

  it("answers 422 naming the parameter that is wrong", async () => {
    const cases: [string, string, string][] = [
      ["from=2025-01-01&to=2025-12-31", "by", "validation.choose"],
      ["from=2025-01-01&to=2025-12-31&by=weather", "by", "validation.choose"],
      ["from=2025-13-01&to=2025-12-31&by=topic", "from", "validation.date"],
      ["to=2025-12-31&by=topic", "from", "validation.required"],
      ["from=2025-06-01&to=2025-05-31&by=topic", "to", "validation.endBeforeStart"],
      ["from=2000-01-01&to=2025-05-31&by=topic", "to", "validation.periodTooLong"],
      ["from=2025-01-01&to=2025-12-31&by=topic&suppress=yes", "suppress", "validation.choose"],
      ["from=2025-01-01&to=2025-12-31&by=topic&point=nowhere", "point", "validation.id"],
    ];
    for (const [query, field, code] of cases) {
      const response = await get(query, adviser);
      expect(response.status, query).toBe(422);
      const problem = (await response.json()) as { code: string; errors: { field: string; code: string }[] };
      expect(problem.code).toBe("VALIDATION_FAILED");
      expect(problem.errors, query).toContainEqual({ field, code });
    }
  });

  it("refuses NUL bytes, megabyte values and overrides in any parameter with a 422, never a 5xx", async () => {
    for (const name of ["from", "to", "by", "suppress", "point"]) {
      for (const bad of ["%00", "x".repeat(100_000), "%E2%80%AE2025-01-01", "1'%20OR%20'1'='1"]) {
        const query = new URLSearchParams({ from: "2025-01-01", to: "2025-12-31", by: "topic" });
        const response = await get(`${query.toString()}&${name}=${bad}`.replace(`${name}=${query.get(name)}&`, ""), adviser);
        expect(response.status, `${name}=${bad.slice(0, 20)}`).toBe(422);
        expect(((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field), name).toContain(name);
      }
    }
  });
});
