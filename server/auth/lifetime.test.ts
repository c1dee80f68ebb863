// Staff sessions end 30 minutes after the last request, and 8 hours after sign-in however they are
// used; the proxy renews the activity stamp in a new cookie that still expires at sign-in + 8 h.
import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ACTIVITY_RENEW_SECONDS, SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS, sessionOnRequest, sessionState, startedSession } from "./lifetime";
import { authOptions } from "./options";

const MINUTE = 60_000;
const t0 = new Date("2030-03-01T08:00:00Z").getTime();

afterEach(() => {
  vi.useRealTimers();
});

describe("session lifetime", () => {
  it("ends 30 minutes after the last request and 8 hours after sign-in, and renews at most once a minute", () => {
    expect([SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS, ACTIVITY_RENEW_SECONDS]).toEqual([30 * 60, 8 * 60 * 60, 60]);
    const started = startedSession(t0);
    expect(sessionState(started, t0 + 30 * 1000)).toEqual({ state: "active", renew: false, expiresAt: t0 / 1000 + 8 * 3600 });
    expect(sessionState(started, t0 + MINUTE)).toMatchObject({ state: "active", renew: true });
    expect(sessionState(started, t0 + 30 * MINUTE - 1000)).toMatchObject({ state: "active" });
    expect(sessionState(started, t0 + 30 * MINUTE)).toEqual({ state: "ended", reason: "idle" });
    // Active a minute ago, but signed in 8 hours ago.
    expect(sessionState({ signedInAt: started.signedInAt, activeAt: started.signedInAt + 8 * 3600 - 60 }, t0 + 8 * 60 * MINUTE)).toEqual({ state: "ended", reason: "expired" });
    // Tokens from before the stamps existed are not trusted.
    expect(sessionState({}, t0)).toEqual({ state: "ended", reason: "expired" });
  });

  it("the proxy keeps a session used every 20 minutes alive until 8 hours, and ends one left alone for 30 minutes", async () => {
    const secret = authOptions().secret!;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const signedIn = await encode({ token: { uid: "u", role: "OFFICIAL", organisationId: null, ...startedSession(t0) }, secret, maxAge: SESSION_MAX_AGE_SECONDS });

    // Used every 20 minutes: renewed each time, the cookie's expiry stays at sign-in + 8 h.
    let cookie = signedIn;
    let now = t0;
    for (let i = 0; i < 23; i++) {
      now += 20 * MINUTE;
      vi.setSystemTime(now);
      const step = await sessionOnRequest(cookie, now);
      if (step.action !== "renew") throw new Error(`not renewed at ${i}: ${JSON.stringify(step)}`);
      expect(step.maxAgeSeconds).toBe(Math.round((t0 + 8 * 60 * MINUTE - now) / 1000));
      expect(await decode({ token: step.token, secret })).toMatchObject({ uid: "u", signedInAt: t0 / 1000, activeAt: now / 1000, exp: (t0 + 8 * 60 * MINUTE) / 1000 });
      cookie = step.token;
    }
    // At 7 h 40 min the next request, 20 minutes later, is at 8 h: the end, however active.
    now += 20 * MINUTE;
    vi.setSystemTime(now);
    expect(await sessionOnRequest(cookie, now)).toEqual({ action: "end", reason: "expired" });

    // Left alone: 29 minutes is fine (and renewed), 30 ends it.
    vi.setSystemTime(t0 + 29 * MINUTE);
    expect(await sessionOnRequest(signedIn, t0 + 29 * MINUTE)).toMatchObject({ action: "renew" });
    vi.setSystemTime(t0 + 30 * MINUTE);
    expect(await sessionOnRequest(signedIn, t0 + 30 * MINUTE)).toEqual({ action: "end", reason: "idle" });
    // A request within the minute after a renewal leaves the cookie alone; no cookie, or a forged one, is no session.
    expect(await sessionOnRequest(signedIn, t0 + 30 * 1000)).toEqual({ action: "none" });
    expect(await sessionOnRequest(undefined, t0)).toEqual({ action: "none" });
    expect(await sessionOnRequest("not-a-token", t0)).toEqual({ action: "none" });
  });

  it("next-auth stamps a new session and reads an ended one as ended, wherever it is read", async () => {
    const { callbacks } = authOptions();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const token = await callbacks!.jwt!({ token: {} as never, user: { id: "u", role: "OFFICIAL", organisationId: null } as never, account: null });
    expect(token).toMatchObject({ uid: "u", signedInAt: t0 / 1000, activeAt: t0 / 1000 });
    const session = (at: number) => {
      vi.setSystemTime(at);
      return callbacks!.session!({ session: { expires: "" } as never, token: token as never, user: undefined as never, newSession: undefined, trigger: "update" });
    };
    expect(await session(t0 + 29 * MINUTE)).toMatchObject({ user: { id: "u", role: "OFFICIAL" } });
    expect(await session(t0 + 30 * MINUTE)).toEqual({ ended: "idle" });
  });
});
