import "server-only";
import type { Role } from "../db/generated/enums";
import type { PrismaClient } from "../db/client";
import { recordAudit } from "../audit";
import { signInSchema, type SignInFailure } from "../../lib/schemas/sign-in";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import { clearFailures, isThrottled, recordFailure, type ThrottleKey } from "./throttle";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
}

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; code: SignInFailure };

/** Checks staff credentials, counting failures per address and per IP; every attempt is audited. */
export async function signInWithPassword(
  prisma: PrismaClient,
  input: unknown,
  ip: string | null,
  now = new Date(),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_CREDENTIALS" };
  const { email, password } = parsed.data;
  const keys: ThrottleKey[] = [{ kind: "email", value: email }, ...(ip ? [{ kind: "ip" as const, value: ip }] : [])];

  if (await isThrottled(prisma, keys, now)) {
    await recordAudit(prisma, { action: "auth.sign_in_blocked", details: { email }, ip });
    return { ok: false, code: "RATE_LIMITED" };
  }

  const user = await prisma.user.findUnique({ where: { email } });
  // Verify even when there is no such user, so timing does not reveal which addresses exist.
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !valid || user.deactivatedAt) {
    await recordFailure(prisma, keys, now);
    await recordAudit(prisma, { actorUserId: user?.id, action: "auth.sign_in_failed", details: { email }, ip });
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }

  await clearFailures(prisma, keys.filter((k) => k.kind === "email"));
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
