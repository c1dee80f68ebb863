import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { testDb } from "./testing/db";
import { createPrismaClient } from "./db/client";
import { checkHealth } from "./health";

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe("checkHealth", () => {
  it("is ok when the database answers and every migration is applied", async () => {
    const health = await checkHealth(testDb());
    expect(health).toMatchObject({ status: "ok", database: "up", migrations: { pending: [] } });
    expect(health.migrations!.applied).toBeGreaterThan(0);
  });

  it("is down when the database does not answer", async () => {
    const unreachable = createPrismaClient(`postgresql://postgres@127.0.0.1:${await closedPort()}/none`, 1);
    expect(await checkHealth(unreachable)).toEqual({ status: "down", database: "down", migrations: null });
    await unreachable.$disconnect();
  });
});
