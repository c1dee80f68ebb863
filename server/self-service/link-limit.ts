import "server-only";
import { failureLimitState, recordFailures, type LimitState } from "../rate-limit/limits";

// Guessing clients' links (/o/<token>): every unknown token counts against the client's IP (in
// PostgreSQL, server/rate-limit), and a blocked IP gets the "too many attempts" page with HTTP 429
// for any link until the block ends. proxy.ts asks before the page is rendered (a page cannot
// answer 429 itself) and serves app/o/blocked/route.ts instead; answers (server actions) ask in
// answerSelfService. Known links cost nothing, so a shared office network is only blocked by
// someone guessing from it. Kept apart from link-page.ts so the proxy loads only this and the
// pool, not the engine or Prisma.

const ipKey = (ip: string) => [{ limit: "selfServiceIp" as const, value: ip }];

/** Whether this IP may open or answer links now; without an IP (no load balancer header) it always may. */
export async function linkLimitState(ip: string | null): Promise<LimitState> {
  return ip ? failureLimitState(ipKey(ip)) : { blocked: false };
}

/** Counts an unknown link opened or answered from this IP. */
export async function recordUnknownLink(ip: string | null): Promise<void> {
  if (ip) await recordFailures(ipKey(ip));
}

/** The request header by which proxy.ts tells app/o/blocked how many seconds the block lasts. */
export const LINK_BLOCKED_HEADER = "x-kp-link-blocked-seconds";
