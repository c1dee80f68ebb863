import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeUser } from "../testing/factories";
import { issueApiToken } from "../auth/api-token";
import { resetEnv } from "../env";
import { resetApiLimiter } from "../rate-limit/limits";
import { withApiActor } from "./http";

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
