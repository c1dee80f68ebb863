import "server-only";
import { env } from "../env";

/**
 * The client's address as our own proxies saw it. Load balancers append the address they saw to
 * X-Forwarded-For and keep what the client sent before it, so the entries on the left are the
 * client's to make up: the address is the `hops`-th entry from the right (TRUSTED_PROXY_HOPS, 1 for
 * one load balancer). Without the header, X-Real-IP; without either, null (no per-IP limit).
 */
export function clientIp(get: (name: string) => string | null | undefined, hops = env().TRUSTED_PROXY_HOPS): string | null {
  const forwarded = get("x-forwarded-for");
  if (forwarded) {
    const entries = forwarded.split(",").map((e) => e.trim()).filter(Boolean);
    // Fewer entries than proxies: the request did not come through all of them; the leftmost is the best there is.
    return entries[Math.max(0, entries.length - hops)] ?? null;
  }
  return get("x-real-ip") || null;
}
