import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../proxy";
import { testDb, uniqueSuffix } from "./testing/db";
import { recordAudit } from "./audit";
import { requestIdOfRequest, withRequestId } from "./request-id";

/** The request headers proxy.ts hands on to the page or server action. */
async function forwarded(headers: Record<string, string>) {
  const response = await proxy(new NextRequest("http://portal.test/official/clients", { headers }));
  return (name: string) => response.headers.get(`x-middleware-request-${name}`);
}

describe("request ids of pages and server actions", () => {
  it("passes the caller's X-Request-Id on, or a new one, never one that is not a plain token", async () => {
    expect((await forwarded({ "x-request-id": "browser-7f3a" }))("x-request-id")).toBe("browser-7f3a");
    expect((await forwarded({}))("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await forwarded({ "x-request-id": "name=Khalil Ahmad" }))("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is stored on the audit events written while the request is served, and is null outside one", async () => {
    const id = `audit-${uniqueSuffix()}`;
    await withRequestId(id, () => recordAudit(testDb(), { action: "test.request_id" }));
    expect(await testDb().auditEvent.count({ where: { action: "test.request_id", requestId: id } })).toBe(1);
    expect(await requestIdOfRequest()).toBeNull();
  });
});
