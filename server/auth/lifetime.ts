import "server-only";
import { decode, encode, type JWT } from "next-auth/jwt";
import { env } from "../env";

// How long a staff session lives (docs/security.md, "Sessions"): at most 8 hours from sign-in
// however it is used, and it ends after 30 minutes without a request. The session is next-auth's
// encrypted JWT cookie; it carries when the user signed in and when they were last active.
//
// - proxy.ts renews the activity stamp on every page request, server action and export, at most
//   once a minute (a new cookie whose expiry is still the sign-in + 8 h);
// - next-auth's session callback (options.ts) judges every session read on the server by the same
//   rule, so a session that has ended is no session anywhere, whether or not the proxy saw it;
// - requireActor (session.ts) sends the person to the sign-in page with the reason.

/** The absolute limit, from sign-in. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** Without a request for this long, the session ends. */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** A request renews the activity stamp when it is older than this (not a new cookie on every request). */
export const ACTIVITY_RENEW_SECONDS = 60;

export type SessionEnd = "idle" | "expired";

/** The session's two moments, in epoch seconds. */
export interface SessionTimes {
  signedInAt?: number;
  activeAt?: number;
}

export type SessionState =
  | { state: "active"; renew: boolean; expiresAt: number }
  | { state: "ended"; reason: SessionEnd };

/** Whether a session is alive at `nowMs`, whether to renew its activity stamp, and when it expires at the latest. */
export function sessionState(token: SessionTimes, nowMs: number): SessionState {
  const now = Math.floor(nowMs / 1000);
  const { signedInAt, activeAt } = token;
  // A token without the stamps (issued before they existed) is treated as expired.
  if (typeof signedInAt !== "number" || typeof activeAt !== "number") return { state: "ended", reason: "expired" };
  if (now >= signedInAt + SESSION_MAX_AGE_SECONDS) return { state: "ended", reason: "expired" };
  if (now >= activeAt + SESSION_IDLE_SECONDS) return { state: "ended", reason: "idle" };
  return { state: "active", renew: now - activeAt >= ACTIVITY_RENEW_SECONDS, expiresAt: signedInAt + SESSION_MAX_AGE_SECONDS };
}

/** The stamps of a session that starts now (next-auth's jwt callback on sign-in). */
export function startedSession(nowMs: number): Required<SessionTimes> {
  const now = Math.floor(nowMs / 1000);
  return { signedInAt: now, activeAt: now };
}

/** The session cookie's name and attributes; next-auth writes it with these too (options.ts). */
export function sessionCookie() {
  const secure = (env().NEXTAUTH_URL ?? "").startsWith("https://");
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

export type RequestSession =
  | { action: "none" }
  | { action: "renew"; token: string; maxAgeSeconds: number }
  | { action: "end"; reason: SessionEnd };

/**
 * What a request does to the session in its cookie: nothing (no cookie, an unreadable one, or
 * renewed less than a minute ago), renew it (a new cookie with the activity stamp of now), or end it.
 */
export async function sessionOnRequest(cookieValue: string | undefined, nowMs = Date.now()): Promise<RequestSession> {
  if (!cookieValue) return { action: "none" };
  const secret = env().NEXTAUTH_SECRET;
  let token: JWT | null;
  try {
    token = await decode({ token: cookieValue, secret });
  } catch {
    return { action: "none" };
  }
  if (!token) return { action: "none" };
  const state = sessionState(token, nowMs);
  if (state.state === "ended") return { action: "end", reason: state.reason };
  if (!state.renew) return { action: "none" };
  const maxAgeSeconds = state.expiresAt - Math.floor(nowMs / 1000);
  const renewed = await encode({ token: { ...token, activeAt: Math.floor(nowMs / 1000) }, secret, maxAge: maxAgeSeconds });
  return { action: "renew", token: renewed, maxAgeSeconds };
}
