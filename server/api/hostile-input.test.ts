import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeAdviser, makeClient, makeCourse, makeWorld } from "../testing/factories";
import { issueApiToken } from "../auth/api-token";
import * as clients from "../../app/api/v1/clients/route";
import * as clientSearch from "../../app/api/v1/clients/search/route";
import * as client from "../../app/api/v1/clients/[id]/route";
import * as clientPools from "../../app/api/v1/clients/[id]/pools/route";
import * as courses from "../../app/api/v1/courses/route";
import * as course from "../../app/api/v1/courses/[id]/route";
import * as courseEnrolments from "../../app/api/v1/courses/[id]/enrolments/route";
import * as enrolment from "../../app/api/v1/enrolments/[id]/route";
import * as enrolmentAction from "../../app/api/v1/enrolments/[id]/[action]/route";
import * as pools from "../../app/api/v1/pools/route";
import * as poolClose from "../../app/api/v1/pools/[id]/close/route";
import * as visits from "../../app/api/v1/visits/route";

// What a hostile or broken caller sends to every JSON API route: NUL bytes, megabyte strings,
// directional overrides, wrong types, broken JSON, ids that are not ids. Each must get a 4xx (or
// a normal answer), never a 5xx; a refused text field is named with its translation key.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const NUL = "Kurssi\u0000";
const MEGABYTE = "x".repeat(1_000_000);
const OVERRIDE = "\u202enimi\u202c\u200f";

const call = (handler: Handler, token: string, method: string, url: string, body: string | undefined, params: Record<string, string> = {}) =>
  handler(
    new Request(`http://test/api/v1${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body,
    }),
    { params: Promise.resolve(params) },
  );

async function setting() {
  const w = await makeWorld();
  const official = (await issueApiToken(testDb(), w.official.userId, "hostile")).token;
  const provider = (await issueApiToken(testDb(), w.providerStaff.userId, "hostile")).token;
  const someCourse = await makeCourse(w.provider.id, 3, { status: "PUBLISHED" });
  const someClient = await makeClient(w.office.id);
  const adviser = (await issueApiToken(testDb(), (await makeAdviser()).userId, "hostile")).token;
  const topic = (await testDb().visitListEntry.findUniqueOrThrow({ where: { kind_code: { kind: "TOPIC", code: "housing" } } })).id;
  return { w, official, provider, adviser, topic, course: someCourse, client: someClient };
}

/** Each string field of a valid body, replaced in turn by each hostile value and by a wrong type. */
function variants(valid: Record<string, unknown>) {
  const out: { label: string; body: unknown }[] = [];
  for (const [field, value] of Object.entries(valid)) {
    if (typeof value !== "string") continue;
    out.push({ label: `${field}=NUL`, body: { ...valid, [field]: NUL } });
    out.push({ label: `${field}=1MB`, body: { ...valid, [field]: MEGABYTE } });
    out.push({ label: `${field}=override`, body: { ...valid, [field]: OVERRIDE } });
    out.push({ label: `${field}=number`, body: { ...valid, [field]: 42 } });
    out.push({ label: `${field}=object`, body: { ...valid, [field]: { $ne: null } } });
  }
  out.push({ label: "array body", body: [valid] }, { label: "null body", body: null }, { label: "string body", body: "\u0000" });
  return out;
}

describe("hostile input to the JSON API", () => {
  it("PATCH /courses/{id} with a NUL byte in a string is a 422 naming the field, not a 500", async () => {
    const { provider, course: c } = await setting();
    const response = await call(course.PATCH as Handler, provider, "PATCH", `/courses/${c.id}`, JSON.stringify({ name: NUL }), { id: c.id });
    expect(response.status).toBe(422);
    expect((await response.json()) as unknown).toMatchObject({ errors: [{ field: "name", code: "validation.controlCharacters" }] });
  });

  it("every write route answers 4xx or success, never 5xx, to hostile bodies", async () => {
    const s = await setting();
    const clientBody = { firstName: "Aino", lastName: "Virtanen", dateOfBirth: "1990-05-17", preferredLanguage: "fi", studyPath: "BASIC", municipality: "Helsinki", notes: "Muistiinpano", email: "aino@example.fi" };
    const courseBody = { name: "Suomea", description: "Kuvaus", studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Helsinki", address: "Katu 1", schedule: "DAY", startsOn: "2027-01-10", endsOn: "2027-05-30", capacity: 10 };
    const routes: { name: string; handler: Handler; token: string; method: string; url: string; params?: Record<string, string>; valid: Record<string, unknown> }[] = [
      { name: "POST /clients", handler: clients.POST as Handler, token: s.official, method: "POST", url: "/clients", valid: clientBody },
      { name: "POST /clients/search", handler: clientSearch.POST as Handler, token: s.official, method: "POST", url: "/clients/search", valid: { q: "Virtanen" } },
      { name: "POST /courses", handler: courses.POST as Handler, token: s.provider, method: "POST", url: "/courses", valid: courseBody },
      { name: "PATCH /courses/{id}", handler: course.PATCH as Handler, token: s.provider, method: "PATCH", url: `/courses/${s.course.id}`, params: { id: s.course.id }, valid: { ...courseBody, statusReason: "Syy" } },
      { name: "POST /courses/{id}/enrolments", handler: courseEnrolments.POST as Handler, token: s.official, method: "POST", url: `/courses/${s.course.id}/enrolments`, params: { id: s.course.id }, valid: { clientId: s.client.id, priority: "URGENT", reason: "Kiire", note: "Huomio" } },
      { name: "POST /pools", handler: pools.POST as Handler, token: s.official, method: "POST", url: "/pools", valid: { clientId: s.client.id, rankedCourseIds: [s.course.id], reason: "Syy", note: "Huomio" } },
      { name: "POST /visits", handler: visits.POST as Handler, token: s.adviser, method: "POST", url: "/visits", valid: { occurredAt: new Date(Date.now() - 60_000).toISOString(), channel: "WALK_IN", languages: ["fi"], interpreter: "NONE", topicIds: [s.topic], outcome: "ANSWERED", note: "Kysyi asumisesta" } },
    ];
    const seen: string[] = [];
    for (const route of routes) {
      for (const { label, body } of variants(route.valid)) {
        const response = await call(route.handler, route.token, route.method, route.url, JSON.stringify(body), route.params);
        seen.push(`${route.name} ${label} ${response.status}`);
        expect(response.status, `${route.name} ${label}`).toBeLessThan(500);
        if (label.endsWith("=NUL") || label.endsWith("=1MB")) {
          expect(response.status, `${route.name} ${label}`).toBeGreaterThanOrEqual(400);
          const field = label.split("=")[0];
          const problem = (await response.json()) as { errors?: { field: string; code: string }[] };
          expect(problem.errors?.find((e) => e.field === field)?.code, `${route.name} ${label}`).toMatch(/^([a-z]+\.)?validation\./);
        }
      }
      const broken = await call(route.handler, route.token, route.method, route.url, "{\"name\": \u0000", route.params);
      expect(broken.status, `${route.name} broken JSON`).toBe(400);
    }
    expect(seen.length).toBeGreaterThan(100);
  });

  it("ids that are not ids, and NUL bytes in paths and actions, are 404 or 4xx, never 5xx", async () => {
    const s = await setting();
    for (const id of ["not-a-uuid", "\u0000", "1' OR '1'='1", MEGABYTE.slice(0, 5000)]) {
      const byId: [Handler, string, string, string][] = [
        [client.GET as Handler, s.official, "GET", `/clients/x`],
        [clientPools.GET as Handler, s.official, "GET", `/clients/x/pools`],
        [course.GET as Handler, s.provider, "GET", `/courses/x`],
        [course.PATCH as Handler, s.provider, "PATCH", `/courses/x`],
        [courseEnrolments.GET as Handler, s.provider, "GET", `/courses/x/enrolments`],
        [courseEnrolments.POST as Handler, s.official, "POST", `/courses/x/enrolments`],
        [enrolment.GET as Handler, s.provider, "GET", `/enrolments/x`],
        [poolClose.POST as Handler, s.official, "POST", `/pools/x/close`],
      ];
      for (const [handler, token, method, url] of byId) {
        const body = method === "GET" ? undefined : JSON.stringify(method === "PATCH" ? { capacity: 4 } : { clientId: s.client.id, reason: "Syy" });
        const response = await call(handler, token, method, url, body, { id });
        expect(response.status, `${method} ${url} id=${JSON.stringify(id.slice(0, 20))}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${url} id=${JSON.stringify(id.slice(0, 20))}`).toBeLessThan(500);
      }
      for (const action of ["cancel", "\u0000", "x".repeat(3000)]) {
        const response = await call(enrolmentAction.POST as Handler, s.provider, "POST", `/enrolments/x/${action}`, JSON.stringify({ reason: "Syy" }), { id, action });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
    }
  });

  it("query strings with NUL bytes and megabyte values are refused as 4xx", async () => {
    const s = await setting();
    for (const query of ["municipality=%00", `municipality=${"x".repeat(100_000)}`, "limit=abc", "status=%E2%80%AE", "startsFrom=2027-02-30"]) {
      const response = await call(courses.GET as Handler, s.official, "GET", `/courses?${query}`, undefined);
      expect(response.status, query).toBeLessThan(500);
      if (!query.startsWith("status")) expect(response.status, query).toBe(422);
    }
    for (const query of ["from=%00", `to=${"x".repeat(100_000)}`, "from=2027-02-30"]) {
      const response = await call(visits.GET as Handler, s.adviser, "GET", `/visits?${query}`, undefined);
      expect(response.status, query).toBe(422);
    }
    for (const query of ["q=%00", `q=${"x".repeat(100_000)}`]) {
      const response = await call(clients.GET as Handler, s.official, "GET", `/clients?${query}`, undefined);
      expect(response.status, query).toBeGreaterThanOrEqual(400);
      expect(response.status, query).toBeLessThan(500);
    }
  });
});
