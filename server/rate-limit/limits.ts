import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { sql } from "../db/pool";
import { env } from "../env";

// Rate limits, with rate-limiter-flexible. Two kinds:
//
// - Failure counters in PostgreSQL (table "RateLimit", on the process's pool from sql()), so a
//   limit holds across app instances: sign-in failures per e-mail address and per IP, and unknown
//   self-service tokens per IP (someone guessing links). Reaching the limit within the window
//   blocks the key for a while. These paths already do several queries; one more is cheap.
// - The JSON API's request limit per token, in memory per process (RateLimiterMemory). Every API
//   request is on the benchmarked hot path, and a database round trip per request would cost more
//   than the cheapest call itself (GET /api/v1/me is one indexed query). The price: with N
//   instances a token can make N × the limit; the limit is against runaway integrations, not an
//   attack defence (tokens are 256 random bits, and a stolen one is revoked, not throttled).
//
// Keys are SHA-256 of the value, so the table holds no e-mail address or IP.

export const FAILURE_LIMITS = {
  /** Failed sign-ins per e-mail address. */
  signInEmail: { limit: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Failed sign-ins per client IP, across addresses. */
  signInIp: { limit: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Unknown /o/<token> links opened or answered per client IP. */
  selfServiceIp: { limit: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
} as const;

export type FailureLimitName = keyof typeof FAILURE_LIMITS;

const TABLE = "RateLimit";

const holder = globalThis as { koulutusporttiLimiters?: Map<string, RateLimiterPostgres> };

function limiter(name: FailureLimitName): RateLimiterPostgres {
  holder.koulutusporttiLimiters ??= new Map();
  let l = holder.koulutusporttiLimiters.get(name);
  if (!l) {
    const { limit, windowSeconds, blockSeconds } = FAILURE_LIMITS[name];
    l = new RateLimiterPostgres({
      storeClient: sql(),
      storeType: "pool",
      tableName: TABLE,
      // The table comes from a Prisma migration; the library must not create its own.
      tableCreated: true,
      keyPrefix: name,
      // The failure that reaches `limit` exceeds `limit - 1` points, and the library then blocks
      // the key for blockSeconds: the next attempt is refused, as the hand-written throttle did.
      points: limit - 1,
      duration: windowSeconds,
      blockDuration: blockSeconds,
    });
    holder.koulutusporttiLimiters.set(name, l);
  }
  return l;
}

/**
 * The library rejects with a RateLimiterRes when a key is over its limit. Recognised by its shape,
 * not by instanceof: proxy.ts and the app are bundled apart, each with its own copy of the class,
 * and share the limiters (on globalThis), so the answer may come from the other copy.
 */
function isLimiterAnswer(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes || (typeof error === "object" && error !== null && "msBeforeNext" in error && "remainingPoints" in error);
}

const keyOf = (value: string) => createHash("sha256").update(value).digest("base64url");

export type LimitState = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/** Whether any of the keys is blocked now; the longest wait if so. */
export async function failureLimitState(keys: { limit: FailureLimitName; value: string }[]): Promise<LimitState> {
  let wait = 0;
  for (const k of keys) {
    const res = await limiter(k.limit).get(keyOf(k.value));
    if (res && res.consumedPoints >= FAILURE_LIMITS[k.limit].limit) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
  }
  return wait > 0 ? { blocked: true, retryAfterSeconds: wait } : { blocked: false };
}

/** Counts one failure for every key (one upsert each, so concurrent failures all count). */
export async function recordFailures(keys: { limit: FailureLimitName; value: string }[]): Promise<void> {
  for (const k of keys) {
    try {
      await limiter(k.limit).consume(keyOf(k.value));
    } catch (error) {
      // The library rejects with a RateLimiterRes when the key is over the limit (and now blocked).
      if (!isLimiterAnswer(error)) throw error;
    }
  }
}

/** Forgets the failures of these keys (a successful sign-in clears its address's count). */
export async function clearFailures(keys: { limit: FailureLimitName; value: string }[]): Promise<void> {
  for (const k of keys) await limiter(k.limit).delete(keyOf(k.value));
}

let apiLimiter: RateLimiterMemory | undefined;

/** Requests per minute a token may make to /api/v1, per process (API_RATE_LIMIT_PER_MINUTE). */
export function apiRateLimitPerMinute(): number {
  return env().API_RATE_LIMIT_PER_MINUTE;
}

/** Takes one request from the token's per-minute allowance in this process; no I/O. */
export async function consumeApiRequest(tokenId: string): Promise<LimitState> {
  apiLimiter ??= new RateLimiterMemory({ keyPrefix: "api", points: apiRateLimitPerMinute(), duration: 60 });
  try {
    await apiLimiter.consume(tokenId);
    return { blocked: false };
  } catch (error) {
    if (!isLimiterAnswer(error)) throw error;
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
  }
}

/** Forget the process's API limiter (tests that change API_RATE_LIMIT_PER_MINUTE). */
export function resetApiLimiter(): void {
  apiLimiter = undefined;
}
