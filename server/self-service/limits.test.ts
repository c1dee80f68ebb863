// The client's link expires at the offer's deadline, and guessing links is limited per IP.
import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import { referClient, staff } from "../enrolment";
import { FAILURE_LIMITS } from "../rate-limit/limits";
import { NextRequest } from "next/server";
import { GET as blockedPage } from "../../app/o/blocked/route";
import { proxy } from "../../proxy";
import { linkLimitState } from "./link-limit";
import { loadSelfServiceMessages } from "../../lib/messages";
import { answerSelfService, loadSelfService } from "./link-page";

async function offerLink() {
  const w = await makeWorld();
  const course = await makeCourse(w.provider.id, 1, { offerResponseHours: 48 });
  const client = await makeClient(w.office.id);
  const referral = await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id });
  expect(referral).toMatchObject({ ok: true, enrolment: { status: "OFFERED" } });
  const message = await testDb().outboxMessage.findFirstOrThrow({ where: { clientId: client.id, template: "client/seat_offered" } });
  const { renderOutboxMessage } = await import("../notifications/render");
  const { text } = await renderOutboxMessage(message, "http://portal.test");
  const token = /\/o\/([A-Za-z0-9_-]{43})\?/.exec(text)![1]!;
  const enrolment = await testDb().enrolment.findFirstOrThrow({ where: { clientId: client.id } });
  return { token, enrolment };
}

const randomIp = () => `198.18.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
const guess = () => Array.from({ length: 43 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(Math.random() * 62)]).join("");

describe("self-service links", () => {
  it("expire exactly at the offer's deadline", async () => {
    const { token, enrolment } = await offerLink();
    const deadline = enrolment.offerExpiresAt!;
    const row = await testDb().selfServiceToken.findFirstOrThrow({ where: { enrolmentId: enrolment.id } });
    expect(row.expiresAt.getTime()).toBe(deadline.getTime());
    expect(await loadSelfService(token, new Date(deadline.getTime() - 1000))).toMatchObject({ state: "offer" });
    expect(await loadSelfService(token, deadline)).toMatchObject({ state: "expired" });
    expect(await answerSelfService(token, "accept", new Date(deadline.getTime() + 1000))).toEqual({ ok: false, code: "EXPIRED" });
    expect(await testDb().enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).toMatchObject({ status: "OFFERED" });
  });

  it("block an IP that opens too many unknown links, even for a real link, but not other IPs; its link pages answer 429", async () => {
    const { token } = await offerLink();
    const ip = randomIp();
    const { limit } = FAILURE_LIMITS.selfServiceIp;
    for (let i = 0; i < limit - 1; i++) expect(await loadSelfService(guess(), new Date(), ip)).toEqual({ state: "unknown" });
    // A real link costs nothing.
    expect(await loadSelfService(token, new Date(), ip)).toMatchObject({ state: "offer" });
    expect((await openLink(token, ip)).status).toBe(200);
    expect(await answerSelfService(guess(), "accept", new Date(), ip)).toEqual({ ok: false, code: "UNKNOWN" });

    const state = await linkLimitState(ip);
    expect(state).toMatchObject({ blocked: true });
    expect((state as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(FAILURE_LIMITS.selfServiceIp.blockSeconds - 60);
    expect(await answerSelfService(token, "accept", new Date(), ip)).toEqual({ ok: false, code: "RATE_LIMITED" });

    // What the browser gets for the real link from that IP: 429, Retry-After, the page in the chosen language.
    const blocked = await openLink(token, ip, "sv");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(FAILURE_LIMITS.selfServiceIp.blockSeconds - 60);
    const html = await blocked.text();
    const sv = await loadSelfServiceMessages("sv");
    expect(html).toContain('<html lang="sv" dir="ltr">');
    expect(html).toContain(`<h1>${sv.limited.heading}</h1>`);
    expect(html).toContain(`${Math.ceil(FAILURE_LIMITS.selfServiceIp.blockSeconds / 60)} minut`);
    expect((await openLink(token, ip, "ar")).status).toBe(429);
    // Asked for directly (no proxy verdict), the blocked page does not exist.
    await expect(blockedPage(new Request("http://portal.test/o/blocked"))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);

    expect((await openLink(token, randomIp())).status).toBe(200);
    expect(await loadSelfService(token, new Date(), randomIp())).toMatchObject({ state: "offer" });
    expect(await answerSelfService(token, "accept", new Date(), randomIp())).toMatchObject({ ok: true, status: "CONFIRMED" });
  });
});

/**
 * GET /o/<token> from an IP as the server answers it: proxy.ts, then, when it rewrites to the
 * blocked page, that route handler with the request headers the proxy passes on. 200 stands for
 * "the proxy lets the link page render" (the page itself is a React page, covered by e2e).
 */
async function openLink(token: string, ip: string, lang?: string): Promise<Response> {
  const url = `http://portal.test/o/${token}${lang ? `?lang=${lang}` : ""}`;
  const response = await proxy(new NextRequest(url, { headers: { "x-forwarded-for": ip } }));
  const rewrite = response.headers.get("x-middleware-rewrite");
  if (!rewrite) return new Response(null, { status: 200 });
  expect(new URL(rewrite).pathname).toBe("/o/blocked");
  const forwarded = new Headers();
  for (const name of response.headers.get("x-middleware-override-headers")!.split(",")) forwarded.set(name, response.headers.get(`x-middleware-request-${name}`)!);
  return blockedPage(new Request(rewrite, { headers: forwarded }));
}
