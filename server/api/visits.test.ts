import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeAdviser, makeUser, makeWorld } from "../testing/factories";
import { issueApiToken } from "../auth/api-token";
import { visitListResponse, visitOptionsResponse, visitResponse } from "../../lib/schemas/api";
import { addDays, helsinkiToday } from "../../lib/dates";
import { GET as visitOptions } from "../../app/api/v1/visit-options/route";
import { GET as listVisits, POST as recordVisit } from "../../app/api/v1/visits/route";

// The visit log's JSON API called as Next.js calls it, on the real database.

const tokenOf = async (userId: string) => (await issueApiToken(testDb(), userId, "visits api test")).token;
const call = (url: string, token: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  new Request(`http://test/api/v1${url}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const none = {};

async function topic(code: string) {
  return (await testDb().visitListEntry.findUniqueOrThrow({ where: { kind_code: { kind: "TOPIC", code } } })).id;
}
async function destination(code: string) {
  return (await testDb().visitListEntry.findUniqueOrThrow({ where: { kind_code: { kind: "DESTINATION", code } } })).id;
}

async function adviserWithToken() {
  const adviser = await makeAdviser();
  return { adviser, token: await tokenOf(adviser.userId) };
}

const post = (token: string, body: unknown, headers: Record<string, string> = {}) => recordVisit(call("/visits", token, { method: "POST", body, headers }), none);

describe("GET /api/v1/visit-options", () => {
  it("answers the active lists in the user's UI language, else the request's, else Finnish", async () => {
    const { adviser, token } = await adviserWithToken();
    const finnish = await visitOptions(call("/visit-options", token), none);
    expect(finnish.status).toBe(200);
    expect(finnish.headers.get("content-language")).toBe("fi");
    const body = visitOptionsResponse.parse(await finnish.json());
    expect(body.topics.map((t) => t.label)).toContain("Asuminen");
    expect(body.destinations.map((d) => d.label)).toContain("Maahanmuuttovirasto (Migri)");

    const asked = await visitOptions(call("/visit-options", token, { headers: { "accept-language": "en-GB,en;q=0.9" } }), none);
    expect(visitOptionsResponse.parse(await asked.json()).topics.map((t) => t.label)).toContain("Housing");

    await testDb().user.update({ where: { id: adviser.userId }, data: { locale: "sv" } });
    const swedish = await visitOptions(call("/visit-options", token, { headers: { "accept-language": "en" } }), none);
    expect(swedish.headers.get("content-language")).toBe("sv");
    expect(visitOptionsResponse.parse(await swedish.json()).topics.map((t) => t.label)).toContain("Boende");
  });

  it("is 403 for officials, providers and administrators, 401 without a token", async () => {
    const w = await makeWorld();
    const admin = await makeUser("ADMIN");
    for (const userId of [w.official.userId, w.providerStaff.userId, admin.id]) {
      const response = await visitOptions(call("/visit-options", await tokenOf(userId)), none);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await visitOptions(call("/visit-options", "not-a-token"), none)).status).toBe(401);
  });
});

describe("POST /api/v1/visits", () => {
  it("logs a visit and answers 201 with the visit", async () => {
    const { adviser, token } = await adviserWithToken();
    const [housing, kela] = [await topic("housing"), await destination("kela")];
    const response = await post(token, { channel: "PHONE", languages: ["so", "fi"], interpreter: "PHONE", topicIds: [housing], outcome: "REFERRED", referredToIds: [kela], durationMinutes: 12, profile: { gender: "NOT_STATED" } });
    expect(response.status, await response.clone().text()).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    const visit = visitResponse.parse(body);
    expect(visit).toMatchObject({ advicePointId: adviser.organisationId, channel: "PHONE", languages: ["so", "fi"], topicIds: [housing], outcome: "REFERRED", referredToIds: [kela], durationMinutes: 12, note: null });
    expect(visit.profile).toEqual({ ageBand: null, gender: "NOT_STATED", origin: null, timeInFinland: null, firstVisit: null });
    expect(Math.abs(visit.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(body).not.toHaveProperty("adviserId");
    expect(await testDb().auditEvent.count({ where: { entityId: visit.id, action: "visit.create", actorUserId: adviser.userId } })).toBe(1);
  });

  it("answers 422 naming the field: a missing topic, a note with a phone number, a retired topic, a bad language", async () => {
    const { token } = await adviserWithToken();
    const housing = await topic("housing");
    const retired = await testDb().visitListEntry.create({ data: { kind: "TOPIC", labelFi: "Vanha", labelSv: "Gammal", labelEn: "Old", retiredAt: new Date() } });
    const base = { channel: "WALK_IN", languages: ["fi"], topicIds: [housing], outcome: "ANSWERED" };
    const cases: [unknown, { field: string; code: string }][] = [
      [{ ...base, topicIds: [] }, { field: "topicIds", code: "advice.validation.topicsRequired" }],
      [{ ...base, note: "Soittakaa numeroon 040 123 4567" }, { field: "note", code: "advice.validation.note.phone" }],
      [{ ...base, profile: { origin: "matti@example.fi" } }, { field: "profile.origin", code: "advice.validation.origin.email" }],
      [{ ...base, topicIds: [housing, retired.id] }, { field: "topicIds.1", code: "advice.validation.topicNotAvailable" }],
      [{ ...base, outcome: "REFERRED", referredToIds: [housing] }, { field: "referredToIds.0", code: "advice.validation.destinationNotAvailable" }],
      [{ ...base, outcome: "REFERRED" }, { field: "referredToIds", code: "advice.validation.destinationsRequired" }],
      [{ ...base, languages: ["finnish"] }, { field: "languages.0", code: "advice.validation.language" }],
      [{ ...base, occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, { field: "occurredAt", code: "advice.validation.occurredAtFuture" }],
    ];
    for (const [body, error] of cases) {
      const response = await post(token, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await response.json(), JSON.stringify(body)).toMatchObject({ code: "VALIDATION_FAILED", errors: [error] });
    }
  });

  it("is 403 for a role that may never log visits, however valid the body", async () => {
    const w = await makeWorld();
    const body = { channel: "WALK_IN", languages: ["fi"], topicIds: [await topic("housing")], outcome: "ANSWERED" };
    for (const userId of [w.official.userId, w.providerStaff.userId]) {
      const response = await post(await tokenOf(userId), body);
      expect(response.status).toBe(403);
    }
  });

  it("logs once when retried with the same Idempotency-Key", async () => {
    const { adviser, token } = await adviserWithToken();
    const body = { channel: "CHAT", languages: ["en"], topicIds: [await topic("taxes")], outcome: "ANSWERED" };
    const key = crypto.randomUUID();
    const first = await post(token, body, { "idempotency-key": key });
    const again = await post(token, body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    expect(await testDb().adviceVisit.count({ where: { adviserId: adviser.userId } })).toBe(1);
  });
});

describe("GET /api/v1/visits", () => {
  it("lists the caller's own point's visits only, by Finnish days", async () => {
    const { adviser, token } = await adviserWithToken();
    const colleague = await makeAdviser(adviser.organisationId!);
    const { token: elsewhere } = await adviserWithToken();
    const housing = await topic("housing");
    const base = { channel: "WALK_IN", languages: ["fi"], topicIds: [housing], outcome: "ANSWERED" };
    const mine = visitResponse.parse(await (await post(token, base)).json());
    const theirs = visitResponse.parse(await (await post(await tokenOf(colleague.userId), { ...base, channel: "PHONE" })).json());
    const old = visitResponse.parse(await (await post(token, { ...base, occurredAt: new Date(Date.now() - 40 * 86_400_000).toISOString() })).json());
    const foreign = visitResponse.parse(await (await post(elsewhere, base)).json());
    const today = helsinkiToday(new Date());

    const response = await listVisits(call(`/visits?from=${addDays(today, -1)}&to=${today}`, token), none);
    expect(response.status).toBe(200);
    const items = visitListResponse.parse(await response.json()).items.map((v) => v.id);
    expect(items.sort()).toEqual([mine.id, theirs.id].sort());
    expect(items).not.toContain(foreign.id);

    const byDefault = visitListResponse.parse(await (await listVisits(call("/visits", token), none)).json()).items.map((v) => v.id);
    expect(byDefault).not.toContain(old.id);
    const wide = visitListResponse.parse(await (await listVisits(call(`/visits?from=${addDays(today, -60)}&to=${today}`, token), none)).json()).items.map((v) => v.id);
    expect(wide).toContain(old.id);
    const forTheOther = visitListResponse.parse(await (await listVisits(call(`/visits?from=${addDays(today, -60)}&to=${today}`, elsewhere), none)).json()).items.map((v) => v.id);
    expect(forTheOther).toEqual([foreign.id]);
  });

  it("answers 422 for a period backwards, too long or not days, and 403 to officials", async () => {
    const { token } = await adviserWithToken();
    for (const [query, field] of [["from=2027-02-01&to=2027-01-01", "to"], ["from=2025-01-01&to=2027-01-01", "to"], ["from=1.2.2027", "from"]] as const) {
      const response = await listVisits(call(`/visits?${query}`, token), none);
      expect(response.status, query).toBe(422);
      expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field, query).toBe(field);
    }
    const w = await makeWorld();
    expect((await listVisits(call("/visits", await tokenOf(w.official.userId)), none)).status).toBe(403);
  });
});
