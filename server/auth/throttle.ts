import "server-only";
import type { PrismaClient } from "../db/client";

// Failed sign-ins are counted per e-mail address and per client IP in PostgreSQL, so the limit
// holds across app instances. A key that reaches its limit within the window is blocked for a while.
export const THROTTLE = {
  windowMinutes: 15,
  blockMinutes: 15,
  limits: { email: 5, ip: 30 },
} as const;

export type ThrottleKey = { kind: keyof typeof THROTTLE.limits; value: string };

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

export async function isThrottled(prisma: PrismaClient, keys: ThrottleKey[], now = new Date()): Promise<boolean> {
  const blocked = await prisma.signInThrottle.count({
    where: { key: { in: keys.map(keyOf) }, blockedUntil: { gt: now } },
  });
  return blocked > 0;
}

export async function recordFailure(prisma: PrismaClient, keys: ThrottleKey[], now = new Date()): Promise<void> {
  for (const k of keys) {
    // One statement, so concurrent failures are all counted.
    await prisma.$executeRaw`
      INSERT INTO "SignInThrottle" (key, failures, "windowStartsAt", "blockedUntil", "createdAt", "updatedAt")
      VALUES (${keyOf(k)}, 1, ${now}, NULL, ${now}, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN "SignInThrottle"."windowStartsAt" < ${now}::timestamptz - make_interval(mins => ${THROTTLE.windowMinutes})
                        THEN 1 ELSE "SignInThrottle".failures + 1 END,
        "windowStartsAt" = CASE WHEN "SignInThrottle"."windowStartsAt" < ${now}::timestamptz - make_interval(mins => ${THROTTLE.windowMinutes})
                        THEN ${now} ELSE "SignInThrottle"."windowStartsAt" END,
        "updatedAt" = ${now}`;
    await prisma.$executeRaw`
      UPDATE "SignInThrottle" SET "blockedUntil" = ${now}::timestamptz + make_interval(mins => ${THROTTLE.blockMinutes})
      WHERE key = ${keyOf(k)} AND failures >= ${THROTTLE.limits[k.kind]}`;
  }
}

export async function clearFailures(prisma: PrismaClient, keys: ThrottleKey[]): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: { in: keys.map(keyOf) } } });
}
