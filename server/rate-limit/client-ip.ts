import "server-only";

/**
 * The client's address as the load balancer reports it: the first entry of X-Forwarded-For, else
 * X-Real-IP. The load balancer must overwrite these headers (README, "Scaling out").
 */
export function clientIp(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return get("x-real-ip") || null;
}
