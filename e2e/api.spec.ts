import type { APIRequestContext } from "@playwright/test";
import { apiToken, bearer } from "./support/api";
import { expect, test } from "./support/openapi";
import { addDays, helsinkiToday } from "../lib/dates";

// The JSON API end to end, as an integrating system would use it: real tokens, real server. Every
// answer is checked against the server's OpenAPI document (./support/openapi.ts).

let official: string;
let otherOfficial: string;
let provider: string;
let otherProvider: string;

test.beforeAll(() => {
  official = apiToken("virkailija@example.fi");
  otherOfficial = apiToken("virkailija2@example.fi");
  provider = apiToken("jarjestaja@example.fi");
  otherProvider = apiToken("jarjestaja2@example.fi");
});

const inDays = (n: number) => addDays(helsinkiToday(new Date()), n);

async function createClient(request: APIRequestContext, token: string, extra: Record<string, unknown> = {}) {
  const response = await request.post("/api/v1/clients", {
    headers: bearer(token),
    data: { firstName: "Amina", lastName: `Testi ${Math.random().toString(36).slice(2, 8)}`, dateOfBirth: "1990-04-12", preferredLanguage: "ar", studyPath: "BASIC", email: "amina@example.com", ...extra },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; clientNumber: number };
}

/** A published course of the first provider. */
async function createCourse(request: APIRequestContext, name: string, capacity: number) {
  const created = await request.post("/api/v1/courses", {
    headers: bearer(provider),
    data: { name, studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Helsinki", schedule: "DAY", startsOn: inDays(30), endsOn: inDays(150), capacity, status: "PUBLISHED" },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string };
}

test("a provider publishes a 3-seat course; five referrals give three offers and a queue of two", async ({ request }) => {
  const course = await createCourse(request, "Suomi 1 API", 3);

  const results = [];
  for (let i = 0; i < 5; i++) {
    const client = await createClient(request, official);
    const r = await request.post(`/api/v1/courses/${course.id}/enrolments`, { headers: bearer(official), data: { clientId: client.id } });
    expect(r.status(), await r.text()).toBe(201);
    results.push({ clientId: client.id, ...(await r.json()) });
  }
  expect(results.map((r) => [r.status, r.queuePosition])).toEqual([["OFFERED", null], ["OFFERED", null], ["OFFERED", null], ["WAITLISTED", 1], ["WAITLISTED", 2]]);
  expect(new Date(results[0].offerExpiresAt).getTime()).toBeGreaterThan(Date.now() + 71 * 3_600_000);

  const again = await request.post(`/api/v1/courses/${course.id}/enrolments`, { headers: bearer(official), data: { clientId: results[0].clientId } });
  expect(again.status()).toBe(409);
  expect(again.headers()["content-type"]).toContain("application/problem+json");
  expect(await again.json()).toMatchObject({ code: "ALREADY_ENROLLED", status: 409 });

  const seats = await (await request.get(`/api/v1/courses/${course.id}`, { headers: bearer(provider) })).json();
  expect(seats).toMatchObject({ capacity: 3, seatsHeld: 3, queueLength: 2 });

  const declined = await request.post(`/api/v1/enrolments/${results[0].id}/decline`, { headers: bearer(official) });
  expect(declined.status(), await declined.text()).toBe(200);
  const next = await (await request.get(`/api/v1/enrolments/${results[3].id}`, { headers: bearer(provider) })).json();
  expect(next.status).toBe("OFFERED");
  expect(next.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(["WAITLISTED", "OFFERED"]);

  const queue = await (await request.get(`/api/v1/courses/${course.id}/enrolments?status=WAITLISTED`, { headers: bearer(provider) })).json();
  expect(queue.items.map((e: { id: string; queuePosition: number }) => [e.id, e.queuePosition])).toEqual([[results[4].id, 1]]);

  const lowered = await request.patch(`/api/v1/courses/${course.id}`, { headers: bearer(provider), data: { capacity: 1 } });
  expect(lowered.status()).toBe(409);
  expect(await lowered.json()).toMatchObject({ code: "CAPACITY_BELOW_HELD" });
  const raised = await request.patch(`/api/v1/courses/${course.id}`, { headers: bearer(provider), data: { capacity: 4 } });
  expect(raised.status()).toBe(200);
  expect(await raised.json()).toMatchObject({ capacity: 4, seatsHeld: 4, queueLength: 0 });

  // Other organisations see nothing of it.
  expect((await request.get(`/api/v1/courses/${course.id}/enrolments`, { headers: bearer(otherProvider) })).status()).toBe(404);
  expect((await request.get(`/api/v1/enrolments/${results[1].id}`, { headers: bearer(otherProvider) })).status()).toBe(404);
  expect((await request.get(`/api/v1/enrolments/${results[1].id}`, { headers: bearer(otherOfficial) })).status()).toBe(404);
  expect((await request.post(`/api/v1/enrolments/${results[1].id}/cancel`, { headers: bearer(otherOfficial), data: { reason: "x" } })).status()).toBe(404);
  expect((await request.patch(`/api/v1/courses/${course.id}`, { headers: bearer(otherProvider), data: { capacity: 9 } })).status()).toBe(404);
});

test("clients: an invalid identity code is a 422 naming the field; codes never leave the server whole", async ({ request }) => {
  const bad = await request.post("/api/v1/clients", {
    headers: bearer(official),
    data: { firstName: "Oleksandr", lastName: "Testi", dateOfBirth: "1952-10-13", personalIdentityCode: "131052-308X", preferredLanguage: "uk", studyPath: "FAST" },
  });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ field: "personalIdentityCode", code: "validation.identityCode.checkCharacter" }] });

  const client = await createClient(request, official, { firstName: "Oleksandr", dateOfBirth: "1952-10-13", personalIdentityCode: "131052-308T", preferredLanguage: "uk" });
  const fetched = await request.get(`/api/v1/clients/${client.id}`, { headers: bearer(official) });
  const text = await fetched.text();
  expect(text).not.toContain("308T");
  expect(JSON.parse(text)).toMatchObject({ hasIdentityCode: true, identityCodeMasked: "131052-****" });
  // An identity code never goes in a URL: the GET refuses it and names the POST, which finds the client.
  const inUrl = await request.get(`/api/v1/clients?q=131052-308T`, { headers: bearer(official) });
  expect(inUrl.status()).toBe(422);
  expect(await inUrl.json()).toMatchObject({ code: "IDENTITY_CODE_IN_URL", detail: expect.stringContaining("POST /api/v1/clients/search") });
  const found = await (await request.post("/api/v1/clients/search", { headers: bearer(official), data: { q: "131052-308T" } })).json();
  expect(found.items.map((c: { id: string }) => c.id)).toContain(client.id);
  expect(JSON.stringify(found)).not.toContain("308T");

  expect((await request.get(`/api/v1/clients/${client.id}`, { headers: bearer(otherOfficial) })).status()).toBe(404);
  expect((await request.get(`/api/v1/clients/${client.id}`, { headers: bearer(provider) })).status()).toBe(404);
  const search = await (await request.get(`/api/v1/clients?q=Oleksandr`, { headers: bearer(otherOfficial) })).json();
  expect(search.items.map((c: { id: string }) => c.id)).not.toContain(client.id);
});

test("a provider's system learns who was referred (minimal data, never an identity code); a retried referral gets its first answer", async ({ request }) => {
  const course = await createCourse(request, "Suomi 1 API, vastaanotto", 5);
  const client = await createClient(request, official, { firstName: "Oleksandr", dateOfBirth: "1952-10-13", personalIdentityCode: "131052-308T", preferredLanguage: "uk", phone: "+358 40 123 4567", languageLevel: "A1_1", needsChildcare: true });

  const key = `referral-${Math.random().toString(36).slice(2)}`;
  const refer = () => request.post(`/api/v1/courses/${course.id}/enrolments`, { headers: { ...bearer(official), "idempotency-key": key, "x-request-id": key }, data: { clientId: client.id } });
  const first = await refer();
  expect(first.status(), await first.text()).toBe(201);
  expect(first.headers()["x-request-id"]).toBe(key);
  const retried = await refer();
  expect(retried.status()).toBe(201);
  expect(retried.headers()["idempotency-replayed"]).toBe("true");
  expect(await retried.json()).toEqual(await first.json());
  const reused = await request.post(`/api/v1/courses/${course.id}/enrolments`, { headers: { ...bearer(official), "idempotency-key": key }, data: { clientId: client.id, note: "another request" } });
  expect(reused.status()).toBe(422);
  expect(await reused.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  const { id } = (await first.json()) as { id: string };

  const minimal = { firstName: "Oleksandr", lastName: expect.stringMatching(/^Testi /), email: "amina@example.com", phone: "+358 40 123 4567", preferredLanguage: "uk", languageLevel: "A1_1", studyPath: "BASIC", needsChildcare: true };
  const list = await request.get(`/api/v1/courses/${course.id}/enrolments`, { headers: bearer(provider) });
  const detail = await request.get(`/api/v1/enrolments/${id}`, { headers: bearer(provider) });
  expect((await list.json()).items).toMatchObject([{ id, clientId: client.id, client: minimal }]);
  expect(await detail.json()).toMatchObject({ id, client: minimal });
  for (const text of [await list.text(), await detail.text()]) {
    expect(text).not.toContain("308T");
    expect(text).not.toContain("131052");
  }
});

/** A published 1-seat course whose seat is offered to a holder referred first, so later referrals queue. */
async function fullCourse(request: APIRequestContext, name: string) {
  const course = await createCourse(request, name, 1);
  const holder = await createClient(request, official);
  const held = await request.post(`/api/v1/courses/${course.id}/enrolments`, { headers: bearer(official), data: { clientId: holder.id } });
  expect(held.status(), await held.text()).toBe(201);
  return { id: course.id, holderEnrolment: ((await held.json()) as { id: string }).id };
}

type Place = { enrolmentId: string; courseId: string; status: string; preferenceRank: number | null; conditional: boolean; queuePosition: number | null };

test("pooled referral: queued on two ranked courses, a conditional seat on the second, released when the first is accepted", async ({ request }) => {
  const first = await fullCourse(request, "Suomi 1 API, ykköstoive");
  const second = await fullCourse(request, "Suomi 1 API, kakkostoive");
  const client = await createClient(request, official);
  const referral = { clientId: client.id, criteria: { studyPath: null }, rankedCourseIds: [first.id, second.id] };

  expect((await request.post("/api/v1/pools", { headers: bearer(provider), data: referral })).status()).toBe(403);
  const empty = await request.post("/api/v1/pools", { headers: bearer(official), data: { ...referral, rankedCourseIds: [] } });
  expect(empty.status()).toBe(422);
  expect(await empty.json()).toMatchObject({ errors: [{ field: "criteria.studyPath", code: "validation.poolNeedsCriteriaOrCourses" }] });
  expect((await request.post("/api/v1/pools", { headers: bearer(otherOfficial), data: referral })).status()).toBe(404);

  const made = await request.post("/api/v1/pools", { headers: bearer(official), data: referral });
  expect(made.status(), await made.text()).toBe(201);
  const pool = (await made.json()) as { id: string; places: Place[] };
  expect(pool.places.map((p) => [p.courseId, p.preferenceRank, p.status, p.queuePosition])).toEqual([[first.id, 1, "WAITLISTED", 1], [second.id, 2, "WAITLISTED", 1]]);
  expect((await request.post("/api/v1/pools", { headers: bearer(official), data: referral })).status()).toBe(409);

  const status = async () => {
    const response = await request.get(`/api/v1/clients/${client.id}/pools`, { headers: bearer(official) });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { items: { id: string; status: string; places: Place[] }[] }).items[0]!;
  };
  expect((await request.get(`/api/v1/clients/${client.id}/pools`, { headers: bearer(otherOfficial) })).status()).toBe(404);
  expect((await request.get(`/api/v1/clients/${client.id}/pools`, { headers: bearer(provider) })).status()).toBe(404);

  // The second choice frees first: the pooled client is offered it and takes it on condition.
  expect((await request.post(`/api/v1/enrolments/${second.holderEnrolment}/decline`, { headers: bearer(official) })).status()).toBe(200);
  const onSecond = (await status()).places.find((p) => p.courseId === second.id)!;
  expect(onSecond.status).toBe("OFFERED");
  const conditional = await request.post(`/api/v1/enrolments/${onSecond.enrolmentId}/accept`, { headers: bearer(official), data: { conditional: true } });
  expect(conditional.status(), await conditional.text()).toBe(200);
  expect((await status()).places.map((p) => [p.courseId, p.status, p.conditional])).toEqual([[first.id, "WAITLISTED", false], [second.id, "CONFIRMED", true]]);

  // Then the first choice frees: accepting it releases the conditional seat and ends the pool.
  expect((await request.post(`/api/v1/enrolments/${first.holderEnrolment}/decline`, { headers: bearer(official) })).status()).toBe(200);
  const onFirst = (await status()).places.find((p) => p.courseId === first.id)!;
  expect(onFirst.status).toBe("OFFERED");
  expect((await request.post(`/api/v1/enrolments/${onFirst.enrolmentId}/accept`, { headers: bearer(official) })).status()).toBe(200);
  const placed = await status();
  expect(placed.status).toBe("PLACED");
  expect(placed.places.map((p) => [p.courseId, p.status])).toEqual([[first.id, "CONFIRMED"], [second.id, "WITHDRAWN"]]);
  expect((await request.post(`/api/v1/pools/${pool.id}/close`, { headers: bearer(official), data: { reason: "Placed already" } })).status()).toBe(409);
});

test("pooled referral: the office ends it with a reason, nobody else can", async ({ request }) => {
  const course = await fullCourse(request, "Suomi 1 API, päätettävä yhteisjono");
  const client = await createClient(request, official);
  const made = await request.post("/api/v1/pools", { headers: bearer(official), data: { clientId: client.id, criteria: { studyPath: null }, rankedCourseIds: [course.id] } });
  expect(made.status(), await made.text()).toBe(201);
  const { id } = (await made.json()) as { id: string };

  const blank = await request.post(`/api/v1/pools/${id}/close`, { headers: bearer(official), data: { reason: " " } });
  expect(blank.status()).toBe(422);
  expect(await blank.json()).toMatchObject({ errors: [{ field: "reason", code: "validation.required" }] });
  expect((await request.post(`/api/v1/pools/${id}/close`, { headers: bearer(otherOfficial), data: { reason: "Not ours" } })).status()).toBe(404);
  expect((await request.post(`/api/v1/pools/${id}/close`, { headers: bearer(provider), data: { reason: "Not ours" } })).status()).toBe(404);
  const closed = await request.post(`/api/v1/pools/${id}/close`, { headers: bearer(official), data: { reason: "The client moved away" } });
  expect(closed.status(), await closed.text()).toBe(200);
  expect(await closed.json()).toEqual({ ok: true, withdrawn: 1 });
  const queue = await (await request.get(`/api/v1/courses/${course.id}/enrolments?status=WAITLISTED`, { headers: bearer(provider) })).json();
  expect(queue.items).toEqual([]);
});

test("the OpenAPI document is served", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ openapi: "3.1.0", paths: { "/courses/{id}/enrolments": {} } });
});
