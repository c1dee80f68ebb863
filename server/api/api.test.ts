import { describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeCourse, makeWorld } from "../testing/factories";
import { makeIdentityCode } from "../../lib/identity-code";
import { POST as registerClient, GET as listClients } from "../../app/api/v1/clients/route";
import { POST as searchClients } from "../../app/api/v1/clients/search/route";
import { GET as courseEnrolments, POST as refer } from "../../app/api/v1/courses/[id]/enrolments/route";
import { GET as enrolment } from "../../app/api/v1/enrolments/[id]/route";
import { issueApiToken } from "../auth/api-token";

// The JSON API's route handlers called as Next.js calls them, on the real database.

const tokenOf = async (userId: string) => (await issueApiToken(testDb(), userId, "api test")).token;
const call = (url: string, token: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  new Request(`http://test/api/v1${url}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const surname = () => `Rajapinta${Math.random().toString(36).slice(2, 8)}`;

async function registered(token: string, data: Record<string, unknown>) {
  const response = await registerClient(call("/clients", token, { method: "POST", body: { firstName: "Oleksandr", dateOfBirth: "1952-10-13", preferredLanguage: "uk", studyPath: "FAST", ...data } }), {});
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; lastName: string };
}

describe("request ids", () => {
  it("stores the caller's X-Request-Id on the audit event of an API write and echoes it", async () => {
    const w = await makeWorld();
    const token = await tokenOf(w.official.userId);
    const sentId = `integration-run.${uniqueSuffix()}:7`;
    const response = await registerClient(
      call("/clients", token, { method: "POST", headers: { "x-request-id": sentId }, body: { firstName: "Aino", lastName: surname(), dateOfBirth: "1990-05-17", preferredLanguage: "fi", studyPath: "BASIC" } }),
      {},
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe(sentId);
    const { id } = (await response.json()) as { id: string };
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "client.create", clientId: id } });
    expect(audit.requestId).toBe(sentId);
  });

  it("makes one when the caller sends none or one that is not a plain token", async () => {
    const w = await makeWorld();
    const token = await tokenOf(w.official.userId);
    for (const sent of [undefined, "two\nlines", "x".repeat(129)]) {
      const response = await registerClient(
        call("/clients", token, { method: "POST", headers: sent === undefined ? {} : { "x-request-id": sent.replace("\n", " ") }, body: { firstName: "Aino", lastName: surname(), dateOfBirth: "1990-05-17", preferredLanguage: "fi", studyPath: "BASIC" } }),
        {},
      );
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const { id } = (await response.json()) as { id: string };
      expect((await testDb().auditEvent.findFirstOrThrow({ where: { action: "client.create", clientId: id } })).requestId).toBe(requestId);
    }
  });
});

describe("provider-facing enrolments", () => {
  it("carry the client's minimal data for the course's provider, never an identity code; officials get none", async () => {
    const w = await makeWorld();
    const official = await tokenOf(w.official.userId);
    const provider = await tokenOf(w.providerStaff.userId);
    const code = makeIdentityCode("1952-10-13", 308);
    const client = await registered(official, { lastName: surname(), personalIdentityCode: code, email: "oleksandr@example.com", phone: "+358401234567", languageLevel: "A1_2", needsChildcare: true, specialNeeds: "Kuulolaite" });
    const course = await makeCourse(w.provider.id, 2);
    const referral = await refer(call(`/courses/${course.id}/enrolments`, official, { method: "POST", body: { clientId: client.id } }), params({ id: course.id }));
    expect(referral.status).toBe(201);
    const { id: enrolmentId } = (await referral.json()) as { id: string };

    const minimal = {
      firstName: "Oleksandr",
      lastName: client.lastName,
      email: "oleksandr@example.com",
      phone: "+358401234567",
      preferredLanguage: "uk",
      interpreterNeeded: false,
      languageLevel: "A1_2",
      studyPath: "FAST",
      needsChildcare: true,
      needsAccessibility: false,
      eveningOnly: false,
      specialNeeds: "Kuulolaite",
    };
    const listed = await courseEnrolments(call(`/courses/${course.id}/enrolments`, provider), params({ id: course.id }));
    expect(listed.status).toBe(200);
    const listText = await listed.text();
    expect(JSON.parse(listText)).toMatchObject({ items: [{ id: enrolmentId, clientId: client.id, status: "OFFERED", client: minimal }] });
    const detail = await enrolment(call(`/enrolments/${enrolmentId}`, provider), params({ id: enrolmentId }));
    const detailText = await detail.text();
    expect(JSON.parse(detailText)).toMatchObject({ id: enrolmentId, client: minimal });
    for (const text of [listText, detailText]) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(code.slice(0, 7));
      expect(text.toLowerCase()).not.toContain("identitycode");
      expect(text).not.toContain("1952-10-13");
    }

    const asOfficial = (await (await enrolment(call(`/enrolments/${enrolmentId}`, official), params({ id: enrolmentId }))).json()) as Record<string, unknown>;
    expect(asOfficial.id).toBe(enrolmentId);
    expect(asOfficial).not.toHaveProperty("client");
  });
});

describe("client search and identity codes in URLs", () => {
  it("refuses GET /clients?q= with a term shaped like an identity code, naming the POST", async () => {
    const w = await makeWorld();
    const token = await tokenOf(w.official.userId);
    for (const q of ["131052-308T", "131052-308X", " 010203a1234 "]) {
      const response = await listClients(call(`/clients?q=${encodeURIComponent(q)}`, token), {});
      expect(response.status, q).toBe(422);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await response.json()) as { code: string; detail: string };
      expect(problem.code).toBe("IDENTITY_CODE_IN_URL");
      expect(problem.detail).toContain("POST /api/v1/clients/search");
    }
  });

  it("POST /clients/search finds a client by identity code in the body (audited, with the request id) and by name, number or e-mail", async () => {
    const w = await makeWorld();
    const token = await tokenOf(w.official.userId);
    const code = makeIdentityCode("1985-03-02", 417);
    const byCodeId = `search-by-code-${uniqueSuffix()}`;
    const byNameId = `search-by-name-${uniqueSuffix()}`;
    const client = await registered(token, { lastName: surname(), dateOfBirth: "1985-03-02", personalIdentityCode: code, email: "haku@example.com" });
    const found = (await (await searchClients(call("/clients/search", token, { method: "POST", body: { q: code }, headers: { "x-request-id": byCodeId } }), {})).json()) as {
      items: { id: string }[];
      total: number;
    };
    expect(found.items.map((c) => c.id)).toEqual([client.id]);
    expect(found.total).toBe(1);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "client.identityCode.search", requestId: byCodeId } });
    expect(audit).toMatchObject({ actorUserId: w.official.userId, clientId: client.id, organisationId: w.office.id });
    expect(JSON.stringify(audit.details)).not.toContain(code);

    const byName = (await (await searchClients(call("/clients/search", token, { method: "POST", body: { q: client.lastName }, headers: { "x-request-id": byNameId } }), {})).json()) as { items: { id: string }[] };
    expect(byName.items.map((c) => c.id)).toEqual([client.id]);
    expect(await testDb().auditEvent.count({ where: { action: "client.identityCode.search", requestId: byNameId } })).toBe(0);
    const byGet = (await (await listClients(call(`/clients?q=${client.lastName}`, token), {})).json()) as { items: { id: string }[] };
    expect(byGet.items.map((c) => c.id)).toEqual([client.id]);

    const other = await makeWorld();
    const elsewhere = (await (await searchClients(call("/clients/search", await tokenOf(other.official.userId), { method: "POST", body: { q: code } }), {})).json()) as { items: unknown[] };
    expect(elsewhere.items).toEqual([]);
    expect((await searchClients(call("/clients/search", await tokenOf(w.providerStaff.userId), { method: "POST", body: { q: code } }), {})).status).toBe(403);
  });
});
