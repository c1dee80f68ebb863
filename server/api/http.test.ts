import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeUser } from "../testing/factories";
import { issueApiToken } from "../auth/api-token";
import { resetEnv } from "../env";
import { resetApiLimiter } from "../rate-limit/limits";
import { readFileSync } from "node:fs";
import { locales } from "../../lib/i18n";
import { domainProblem, ENGINE_ERROR_CODES, ENGINE_ERROR_TEXT, withApiActor } from "./http";

const handler = withApiActor(async (_request, actor) => Response.json({ id: actor.userId }));
const call = (token: string) => handler(new Request("http://test/api/v1/me", { headers: { authorization: `Bearer ${token}` } }), {});

describe("the API's rate limit per token", () => {
  beforeEach(() => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    resetEnv();
    resetApiLimiter();
  });
  afterEach(() => {
    delete process.env.API_RATE_LIMIT_PER_MINUTE;
    resetEnv();
    resetApiLimiter();
  });

  it("answers 429 problem+json with Retry-After once a token has used its minute, other tokens unaffected", async () => {
    const user = await makeUser("OFFICIAL");
    const { token } = await issueApiToken(testDb(), user.id, "busy");
    const { token: other } = await issueApiToken(testDb(), user.id, "quiet");
    for (let i = 0; i < 3; i++) expect((await call(token)).status).toBe(200);

    const limited = await call(token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ status: 429, code: "RATE_LIMITED", retryAfter });

    expect((await call(other)).status).toBe(200);
  });

  it("does not count requests without a valid token against anyone (they get 401)", async () => {
    const user = await makeUser("OFFICIAL");
    const { token } = await issueApiToken(testDb(), user.id, "t");
    for (let i = 0; i < 5; i++) expect((await call(`kp_${"A".repeat(43)}`)).status).toBe(401);
    expect((await call(token)).status).toBe(200);
  });
});

describe("engine codes", () => {
  // ENGINE_ERROR_TEXT is typed Record<Locale, Record<EngineErrorCode, string>> over the JSON files, so
  // a code without a sentence in one of them fails the typecheck; this checks the files hold no other.
  it.each(locales)("have one sentence each in messages/%s/engineErrors.json, used by every page and the API", (locale) => {
    const file = JSON.parse(readFileSync(`messages/${locale}/engineErrors.json`, "utf8")) as Record<string, string>;
    expect(Object.keys(file).sort()).toEqual([...ENGINE_ERROR_CODES].sort());
    for (const code of ENGINE_ERROR_CODES) expect(ENGINE_ERROR_TEXT[locale][code].trim(), `${locale} ${code}`).not.toBe("");
  });

  it("answer as problem+json with the code's status and title, and the pages' sentence as detail", async () => {
    const full = domainProblem("NO_FREE_SEAT");
    expect(full.status).toBe(409);
    expect(full.headers.get("content-type")).toBe("application/problem+json");
    expect(full.headers.get("content-language")).toBe("en");
    expect(await full.json()).toEqual({
      type: "https://koulutusportti.example/problems/no-free-seat",
      status: 409,
      code: "NO_FREE_SEAT",
      title: "The course has no free seat.",
      detail: ENGINE_ERROR_TEXT.en.NO_FREE_SEAT,
    });
    const finnish = domainProblem("REASON_REQUIRED", "fi");
    expect(finnish.status).toBe(422);
    expect(await finnish.json()).toMatchObject({ code: "REASON_REQUIRED", detail: "Kirjoita perustelu." });
    for (const code of ENGINE_ERROR_CODES) expect([403, 404, 409, 422]).toContain(domainProblem(code).status);
  });
});
