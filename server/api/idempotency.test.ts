import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeUser, makeWorld } from "../testing/factories";
import { POST as refer } from "../../app/api/v1/courses/[id]/enrolments/route";
import { issueApiToken } from "../auth/api-token";
import { withApiActor } from "./http";
import { deleteExpiredIdempotencyKeys } from "./idempotency";

// Idempotency-Key against the real database: the real referral route, and a handler held open to
// make two requests with one key meet.

const tokenOf = async (userId: string) => (await issueApiToken(testDb(), userId, "idempotency")).token;

function post(url: string, token: string, body: unknown, key?: string) {
  return new Request(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: JSON.stringify(body),
  });
}

async function referralSetup() {
  const w = await makeWorld();
  const course = await makeCourse(w.provider.id, 1, { referralOpensOn: new Date("2020-01-01") });
  const client = await makeClient(w.office.id);
  const token = await tokenOf(w.official.userId);
  const send = (key?: string, body: unknown = { clientId: client.id }) =>
    refer(post(`http://test/api/v1/courses/${course.id}/enrolments`, token, body, key), { params: Promise.resolve({ id: course.id }) });
  return { w, course, client, token, send };
}

describe("Idempotency-Key on API writes", () => {
  it("answers a retried referral with the first answer (status and body) instead of 409; without the key the retry is 409", async () => {
    const { course, client, send } = await referralSetup();
    const first = await send("retry-1");
    expect(first.status).toBe(201);
    const body = await first.text();
    const again = await send("retry-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect(await again.text()).toBe(body);
    expect(await testDb().enrolment.count({ where: { courseId: course.id, clientId: client.id } })).toBe(1);

    const unkeyed = await send();
    expect(unkeyed.status).toBe(409);
    expect(await unkeyed.json()).toMatchObject({ code: "ALREADY_ENROLLED" });
  });

  it("refuses the same key with a different body (422), and keeps keys apart per user", async () => {
    const { w, course, send } = await referralSetup();
    const other = await makeClient(w.office.id);
    expect((await send("same-key")).status).toBe(201);
    const reused = await send("same-key", { clientId: other.id });
    expect(reused.status).toBe(422);
    expect(reused.headers.get("content-type")).toBe("application/problem+json");
    expect(await reused.json()).toMatchObject({ status: 422, code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await testDb().enrolment.count({ where: { courseId: course.id, clientId: other.id } })).toBe(0);

    // Another official of the office may use the same key for their own request.
    const colleague = await makeUser("OFFICIAL", { organisationId: w.office.id });
    const response = await refer(post(`http://test/api/v1/courses/${course.id}/enrolments`, await tokenOf(colleague.id), { clientId: other.id }, "same-key"), {
      params: Promise.resolve({ id: course.id }),
    });
    expect(response.status).toBe(201);
  });

  it("runs only one of many concurrent referrals with one key", async () => {
    const { course, client, send } = await referralSetup();
    const answers = await Promise.all(Array.from({ length: 6 }, () => send("burst")));
    expect(await testDb().enrolment.count({ where: { courseId: course.id, clientId: client.id } })).toBe(1);
    const statuses = answers.map((a) => a.status);
    // Each is the first answer (201, the one that ran or its replay) or "still running" (409).
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const answer of answers.filter((a) => a.status === 409)) expect(await answer.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_IN_PROGRESS" });
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
  });

  it("tells a second request with the key of a running one that it is in progress, then replays the first's answer", async () => {
    const user = await makeUser("OFFICIAL");
    const token = await tokenOf(user.id);
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handler = withApiActor(async () => {
      runs++;
      await gate;
      return Response.json({ run: runs }, { status: 201 });
    });
    const first = handler(post("http://test/api/v1/things", token, { a: 1 }, "slow"), {});
    for (let i = 0; i < 200 && runs === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(runs).toBe(1);
    const second = await handler(post("http://test/api/v1/things", token, { a: 1 }, "slow"), {});
    expect(second.status).toBe(409);
    expect(second.headers.get("retry-after")).toBe("1");
    expect(await second.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_IN_PROGRESS" });
    release();
    expect((await first).status).toBe(201);
    const third = await handler(post("http://test/api/v1/things", token, { a: 1 }, "slow"), {});
    expect(third.status).toBe(201);
    expect(await third.json()).toEqual({ run: 1 });
    expect(runs).toBe(1);
  });

  it("lets a request whose answer was a 5xx, or that threw, run again; refuses a malformed key", async () => {
    const user = await makeUser("OFFICIAL");
    const token = await tokenOf(user.id);
    const outcomes = [() => Response.json({}, { status: 503 }), () => Promise.reject(new Error("boom")), () => Response.json({ ok: true })];
    let runs = 0;
    const handler = withApiActor(async () => outcomes[runs++]!());
    const send = (key: string) => handler(post("http://test/api/v1/things", token, { a: 1 }, key), {});
    expect((await send("flaky")).status).toBe(503);
    expect((await send("flaky")).status).toBe(500);
    expect((await send("flaky")).status).toBe(200);
    expect((await send("flaky")).status).toBe(200);
    expect(runs).toBe(3);
    const malformed = await send("with space");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_INVALID" });
  });

  it("expires keys after a day: an expired key runs anew, and the daily clean-up deletes what expired", async () => {
    const user = await makeUser("OFFICIAL");
    const token = await tokenOf(user.id);
    let runs = 0;
    const handler = withApiActor(async () => Response.json({ run: ++runs }));
    const send = () => handler(post("http://test/api/v1/things", token, { a: 1 }, "daily"), {});
    await send();
    const row = await testDb().idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId: user.id, key: "daily" } } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * 3_600_000);
    await testDb().idempotencyKey.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await (await send()).json()).toEqual({ run: 2 });

    await testDb().idempotencyKey.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await deleteExpiredIdempotencyKeys()).toBeGreaterThanOrEqual(1);
    expect(await testDb().idempotencyKey.count({ where: { id: row.id } })).toBe(0);
  });
});
