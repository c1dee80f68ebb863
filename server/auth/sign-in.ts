import "server-only";
import type { Role } from "../db/generated/enums";
import type { PrismaClient } from "../db/client";
import { recordAudit } from "../audit";
import { signInSchema, type SignInFailure } from "../../lib/schemas/sign-in";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import { clearFailures, failureLimitState, recordFailures, type FailureLimitName } from "../rate-limit/limits";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
}

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; code: SignInFailure };

type LimitKey = { limit: FailureLimitName; value: string };

/**
 * Checks staff credentials, counting failures per address and per IP (server/rate-limit, in
 * PostgreSQL); every attempt is audited. `now` is the time recorded on the user; the limits count
 * on the system clock.
 */
export async function signInWithPassword(
  prisma: PrismaClient,
  input: unknown,
  ip: string | null,
  now = new Date(),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_CREDENTIALS" };
  const { email, password } = parsed.data;
  const emailKey: LimitKey = { limit: "signInEmail", value: email };
  const keys: LimitKey[] = [emailKey, ...(ip ? [{ limit: "signInIp" as const, value: ip }] : [])];

  if ((await failureLimitState(keys)).blocked) {
    await recordAudit(prisma, { action: "auth.sign_in_blocked", details: { email }, ip });
    return { ok: false, code: "RATE_LIMITED" };
  }

  const user = await prisma.user.findUnique({ where: { email } });
  // Verify even when there is no such user, so timing does not reveal which addresses exist.
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !valid || user.deactivatedAt) {
    await recordFailures(keys);
    await recordAudit(prisma, { actorUserId: user?.id, action: "auth.sign_in_failed", details: { email }, ip });
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }

  await clearFailures([emailKey]);
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await recordAudit(prisma, {
    actorUserId: user.id,
    action: "auth.sign_in",
    organisationId: user.organisationId,
    ip,
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId },
  };
}
