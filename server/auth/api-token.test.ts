import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeUser } from "../testing/factories";
import { sql } from "../db/client";
import { actorForBearer, hashApiToken, issueApiToken } from "./api-token";

describe("API tokens", () => {
  it("acts as the token's user, and stores only a SHA-256 of the token", async () => {
    const user = await makeUser("PROVIDER_STAFF");
    const { id, token } = await issueApiToken(testDb(), user.id, "test");
    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const actor = await actorForBearer(sql(), `Bearer ${token}`);
    expect(actor).toMatchObject({ userId: user.id, role: "PROVIDER_STAFF", organisationId: user.organisationId });
  });

  it("rejects missing, malformed, unknown, revoked and expired tokens, and deactivated users", async () => {
    const user = await makeUser("OFFICIAL");
    const { id, token } = await issueApiToken(testDb(), user.id, "test");
    expect(await actorForBearer(sql(), null)).toBeNull();
    expect(await actorForBearer(sql(), token)).toBeNull();
    expect(await actorForBearer(sql(), `Bearer ${token.slice(0, -2)}AA`)).toBeNull();

    const expiring = await issueApiToken(testDb(), user.id, "expiring", new Date(Date.now() + 60_000));
    expect(await actorForBearer(sql(), `Bearer ${expiring.token}`)).not.toBeNull();
    expect(await actorForBearer(sql(), `Bearer ${expiring.token}`, new Date(Date.now() + 120_000))).toBeNull();

    await testDb().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    expect(await actorForBearer(sql(), `Bearer ${token}`)).toBeNull();

    const other = await issueApiToken(testDb(), user.id, "other");
    await testDb().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await actorForBearer(sql(), `Bearer ${other.token}`)).toBeNull();
  });
});
