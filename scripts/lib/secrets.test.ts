import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveSecrets } from "./secrets";

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("resolveSecrets", () => {
  it("generates secrets once and keeps them for the next start", async () => {
    dir = await mkdtemp(join(tmpdir(), "kp-secrets-"));
    const first = await resolveSecrets(dir, {});
    expect(Buffer.from(first.DATA_ENCRYPTION_KEY, "base64")).toHaveLength(32);
    expect(first.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(await resolveSecrets(dir, {})).toEqual(first);
    expect((await stat(join(dir, "secrets.json"))).mode & 0o777).toBe(0o600);
  });

  it("prefers the environment, and refuses to invent secrets in production", async () => {
    dir = await mkdtemp(join(tmpdir(), "kp-secrets-"));
    const given = { NEXTAUTH_SECRET: "s".repeat(40), DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64") };
    expect(await resolveSecrets(dir, given)).toEqual(given);
    await expect(resolveSecrets(dir, { NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(40) })).rejects.toThrow(/DATA_ENCRYPTION_KEY/);
    await expect(readFile(join(dir, "secrets.json"))).rejects.toThrow();
  });
});
