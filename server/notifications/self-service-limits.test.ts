// The client's link expires at the offer's deadline, and guessing links is limited per IP.
import { describe, expect, it } from "vitest";
import { testDb } from "../../lib/testing/db";
import { makeClient, makeCourse, makeWorld } from "../../lib/testing/factories";
import { referClient, staff } from "../enrolment";
import { FAILURE_LIMITS } from "../rate-limit/limits";
import { answerSelfService, loadSelfService } from "./self-service";

async function offerLink() {
  const w = await makeWorld();
  const course = await makeCourse(w.provider.id, 1, { offerResponseHours: 48 });
  const client = await makeClient(w.office.id);
  const referral = await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id });
  expect(referral).toMatchObject({ ok: true, enrolment: { status: "OFFERED" } });
  const message = await testDb().outboxMessage.findFirstOrThrow({ where: { clientId: client.id, template: "client/seat_offered" } });
  const { renderOutboxMessage } = await import("./render");
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

  it("block an IP that opens too many unknown links, even for a real link, but not other IPs", async () => {
    const { token } = await offerLink();
    const ip = randomIp();
    const { limit } = FAILURE_LIMITS.selfServiceIp;
    for (let i = 0; i < limit - 1; i++) expect(await loadSelfService(guess(), new Date(), ip)).toEqual({ state: "unknown" });
    // A real link costs nothing.
    expect(await loadSelfService(token, new Date(), ip)).toMatchObject({ state: "offer" });
    expect(await answerSelfService(guess(), "accept", new Date(), ip)).toEqual({ ok: false, code: "UNKNOWN" });

    const limited = await loadSelfService(token, new Date(), ip);
    expect(limited).toMatchObject({ state: "limited" });
    expect((limited as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(FAILURE_LIMITS.selfServiceIp.blockSeconds - 60);
    expect(await answerSelfService(token, "accept", new Date(), ip)).toEqual({ ok: false, code: "RATE_LIMITED" });

    expect(await loadSelfService(token, new Date(), randomIp())).toMatchObject({ state: "offer" });
    expect(await answerSelfService(token, "accept", new Date(), randomIp())).toMatchObject({ ok: true, status: "CONFIRMED" });
  });
});
