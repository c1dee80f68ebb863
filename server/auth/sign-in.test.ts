import { afterEach, describe, expect, it, vi } from "vitest";
import { testDb } from "../testing/db";
import { makeUser } from "../testing/factories";
import { signInWithPassword } from "./sign-in";
import { FAILURE_LIMITS } from "../rate-limit/limits";

// The limits (rate-limiter-flexible) count on the system clock; the tests move only Date.
const THROTTLE = {
  windowMinutes: FAILURE_LIMITS.signInEmail.windowSeconds / 60,
  blockMinutes: FAILURE_LIMITS.signInEmail.blockSeconds / 60,
  limits: { email: FAILURE_LIMITS.signInEmail.limit, ip: FAILURE_LIMITS.signInIp.limit },
};

function clockAt(at: Date): Date {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  return at;
}

afterEach(() => {
  vi.useRealTimers();
});

const PASSWORD = "correct horse battery staple";

describe("signInWithPassword", () => {
  it("signs in with the right password, case-insensitively by e-mail, and audits it", async () => {
    const user = await makeUser("OFFICIAL");
    const result = await signInWithPassword(testDb(), { email: ` ${user.email.toUpperCase()} `, password: PASSWORD }, "10.0.0.1");
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, role: "OFFICIAL", organisationId: user.organisationId },
    });
    const audit = await testDb().auditEvent.findFirst({ where: { actorUserId: user.id, action: "auth.sign_in" } });
    expect(audit).not.toBeNull();
  });

  it("refuses a wrong password and an unknown address with the same answer, auditing both", async () => {
    const user = await makeUser("PROVIDER_STAFF");
    expect(await signInWithPassword(testDb(), { email: user.email, password: "nope" }, null)).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(await signInWithPassword(testDb(), { email: "nobody@example.fi", password: "nope" }, null)).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    const failures = await testDb().auditEvent.count({ where: { action: "auth.sign_in_failed", details: { path: ["email"], equals: user.email } } });
    expect(failures).toBe(1);
  });

  it("refuses a deactivated user even with the right password", async () => {
    const user = await makeUser("OFFICIAL");
    await testDb().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await signInWithPassword(testDb(), { email: user.email, password: PASSWORD }, null)).toMatchObject({ ok: false });
  });

  it("blocks an address after repeated failures, even with the right password, until the block ends", async () => {
    const user = await makeUser("OFFICIAL");
    const t0 = clockAt(new Date("2030-01-01T10:00:00Z"));
    for (let i = 0; i < THROTTLE.limits.email; i++) {
      expect(await signInWithPassword(testDb(), { email: user.email, password: "wrong" }, null, t0)).toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    expect(await signInWithPassword(testDb(), { email: user.email, password: PASSWORD }, null, t0)).toEqual({ ok: false, code: "RATE_LIMITED" });
    const later = clockAt(new Date(t0.getTime() + (THROTTLE.blockMinutes + 1) * 60_000));
    expect(await signInWithPassword(testDb(), { email: user.email, password: PASSWORD }, null, later)).toMatchObject({ ok: true });
  });

  it("counts failures per IP across addresses", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const t0 = clockAt(new Date("2031-01-01T10:00:00Z"));
    for (let i = 0; i < THROTTLE.limits.ip; i++) {
      await signInWithPassword(testDb(), { email: `nobody${i}.${ip}@example.fi`, password: "x" }, ip, t0);
    }
    const user = await makeUser("OFFICIAL");
    expect(await signInWithPassword(testDb(), { email: user.email, password: PASSWORD }, ip, t0)).toEqual({ ok: false, code: "RATE_LIMITED" });
    expect(await signInWithPassword(testDb(), { email: user.email, password: PASSWORD }, "198.51.100.1", t0)).toMatchObject({ ok: true });
  });

  it("forgets old failures after the window", async () => {
    const user = await makeUser("OFFICIAL");
    const t0 = clockAt(new Date("2032-01-01T10:00:00Z"));
    for (let i = 0; i < THROTTLE.limits.email - 1; i++) await signInWithPassword(testDb(), { email: user.email, password: "x" }, null, t0);
    const afterWindow = clockAt(new Date(t0.getTime() + (THROTTLE.windowMinutes + 1) * 60_000));
    await signInWithPassword(testDb(), { email: user.email, password: "x" }, null, afterWindow);
    expect(await signInWithPassword(testDb(), { email: user.email, password: PASSWORD }, null, afterWindow)).toMatchObject({ ok: true });
  });

  it("keeps the counters in PostgreSQL under hashed keys: no address in the table", async () => {
    const user = await makeUser("OFFICIAL");
    await signInWithPassword(testDb(), { email: user.email, password: "wrong" }, "203.0.113.9");
    const rows = await testDb().rateLimit.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes(user.email) || r.key.includes("203.0.113.9"))).toBe(false);
  });

  it("a successful sign-in clears the address's failures", async () => {
    const user = await makeUser("OFFICIAL");
    clockAt(new Date("2033-01-01T10:00:00Z"));
    for (let i = 0; i < THROTTLE.limits.email - 1; i++) await signInWithPassword(testDb(), { email: user.email, password: "x" }, null);
    expect(await signInWithPassword(testDb(), { email: user.email, password: PASSWORD }, null)).toMatchObject({ ok: true });
    for (let i = 0; i < THROTTLE.limits.email - 1; i++) await signInWithPassword(testDb(), { email: user.email, password: "x" }, null);
    expect(await signInWithPassword(testDb(), { email: user.email, password: PASSWORD }, null)).toMatchObject({ ok: true });
  });
});
