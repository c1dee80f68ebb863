import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const seed = (env: Record<string, string>) =>
  run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { env: { ...process.env, ...env } });

describe("npm run db:seed", () => {
  it("refuses under NODE_ENV=production", async () => {
    await expect(seed({ NODE_ENV: "production" })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Refusing to seed demo data with NODE_ENV=production"),
    });
  });

  it("seeds the database DATABASE_URL names, and a second run changes nothing", async () => {
    await seed({ NODE_ENV: "development" });
    const { stdout } = await seed({ NODE_ENV: "development" });
    expect(stdout).toContain("Demo data already present; nothing changed.");
  });
});
