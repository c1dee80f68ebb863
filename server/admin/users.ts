import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { writeInvitation } from "../auth/invitation";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { ORGANISATION_TYPES_OF_ROLE, type InviteUserData, type UpdateUserData, type UserListFilter } from "../../lib/schemas/admin";

// Staff accounts, kept by administrators: invite by e-mail (the invitee sets their own password),
// change the role and organisation, deactivate and reactivate. A deactivated user's session and API
// tokens stop working at once: both load the user on every request (auth/actor.ts, auth/api-token.ts).

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);
const PAGE_SIZE = 50;

export type UserFailure = "NOT_FOUND" | "EMAIL_TAKEN" | "ORGANISATION_MISMATCH" | "SELF";
export type UserState = "active" | "invited" | "invitationExpired" | "deactivated";

function stateOf(user: { deactivatedAt: Date | null; passwordHash: string | null; invitations: { expiresAt: Date }[] }, now: Date): UserState {
  if (user.deactivatedAt) return "deactivated";
  if (user.passwordHash) return "active";
  return user.invitations.some((i) => i.expiresAt > now) ? "invited" : "invitationExpired";
}

const pendingInvitations = { where: { usedAt: null, revokedAt: null }, select: { expiresAt: true } } as const;

export async function listUsers(actor: Actor, filter: UserListFilter, now = new Date()) {
  if (actor.role !== "ADMIN") return null;
  const where: Prisma.UserWhereInput = {
    ...(filter.q ? { OR: [{ email: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q, mode: "insensitive" } }, { organisation: { name: { contains: filter.q, mode: "insensitive" } } }] } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.state === "active" ? { deactivatedAt: null } : filter.state === "deactivated" ? { deactivatedAt: { not: null } } : {}),
  };
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, deactivatedAt: true, lastSignInAt: true, passwordHash: true, organisation: { select: { id: true, name: true } }, invitations: pendingInvitations },
    }),
  ]);
  return {
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map(({ passwordHash: _hash, invitations: _inv, ...u }) => ({ ...u, state: stateOf({ ...u, passwordHash: _hash, invitations: _inv }, now) })),
  };
}

export async function getUser(actor: Actor, id: string, now = new Date()) {
  if (actor.role !== "ADMIN" || !isId(id)) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, organisationId: true, deactivatedAt: true, lastSignInAt: true, createdAt: true, passwordHash: true, locale: true, organisation: { select: { name: true } }, invitations: pendingInvitations },
  });
  if (!user) return null;
  const { passwordHash, invitations, ...rest } = user;
  return { ...rest, state: stateOf({ ...user }, now), invitationExpiresAt: invitations.map((i) => i.expiresAt).sort((a, b) => b.getTime() - a.getTime())[0] ?? null, hasPassword: Boolean(passwordHash) };
}

/** The organisation must exist and be of the role's type (an official works in an employment authority or integration services). */
async function organisationFits(role: UpdateUserData["role"], organisationId: string | null): Promise<boolean> {
  const types = ORGANISATION_TYPES_OF_ROLE[role];
  if (types.length === 0) return organisationId === null;
  if (!organisationId) return false;
  return (await db().organisation.count({ where: { id: organisationId, type: { in: [...types] } } })) === 1;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Creates the account without a password and sends an invitation to set one. */
export async function inviteUser(actor: Actor, data: InviteUserData, now = new Date()): Promise<{ ok: true; userId: string; expiresAt: Date } | { ok: false; code: UserFailure }> {
  if (actor.role !== "ADMIN") return { ok: false, code: "NOT_FOUND" };
  if (!(await organisationFits(data.role, data.organisationId))) return { ok: false, code: "ORGANISATION_MISMATCH" };
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, organisationId: data.organisationId, locale: data.locale } });
      const invitationId = randomUUID();
      const { expiresAt } = await writeInvitation(tx, { invitationId, user, locale: data.locale, invitedById: actor.userId, now });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: "user.invite",
        entityType: "User",
        entityId: user.id,
        organisationId: data.organisationId,
        details: { email: data.email, role: data.role, invitationId, expiresAt: expiresAt.toISOString() },
      });
      return { ok: true as const, userId: user.id, expiresAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "EMAIL_TAKEN" };
    throw error;
  }
}

/** A new link for someone who has not set a password yet; the earlier links stop working. */
export async function resendInvitation(actor: Actor, userId: string, now = new Date()): Promise<{ ok: true; expiresAt: Date } | { ok: false; code: UserFailure }> {
  const user = await getUser(actor, userId, now);
  if (!user || user.hasPassword || user.deactivatedAt) return { ok: false, code: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const invitationId = randomUUID();
    const { expiresAt } = await writeInvitation(tx, { invitationId, user, locale: user.locale ?? "fi", invitedById: actor.userId, now });
    await recordAudit(tx, { actorUserId: actor.userId, action: "user.invitation_resend", entityType: "User", entityId: user.id, organisationId: user.organisationId, details: { invitationId, expiresAt: expiresAt.toISOString() } });
    return { ok: true as const, expiresAt };
  });
}

export async function updateUser(actor: Actor, userId: string, data: UpdateUserData): Promise<{ ok: true } | { ok: false; code: UserFailure }> {
  const user = await getUser(actor, userId);
  if (!user) return { ok: false, code: "NOT_FOUND" };
  // An administrator does not take away their own access.
  if (user.id === actor.userId && data.role !== "ADMIN") return { ok: false, code: "SELF" };
  if (!(await organisationFits(data.role, data.organisationId))) return { ok: false, code: "ORGANISATION_MISMATCH" };
  const changed = (["name", "role", "organisationId"] as const).filter((k) => user[k] !== data[k]);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      action: "user.update",
      entityType: "User",
      entityId: userId,
      organisationId: data.organisationId,
      details: { fields: changed, ...(changed.includes("role") ? { role: { from: user.role, to: data.role } } : {}), ...(changed.includes("organisationId") ? { organisation: { from: user.organisationId, to: data.organisationId } } : {}) },
    });
  });
  return { ok: true };
}

/**
 * Deactivates (or reactivates) an account. Deactivation takes effect on the user's next request,
 * page or API; their unused invitation links are revoked.
 */
export async function setUserActive(actor: Actor, userId: string, active: boolean, now = new Date()): Promise<{ ok: true } | { ok: false; code: UserFailure }> {
  const user = await getUser(actor, userId);
  if (!user) return { ok: false, code: "NOT_FOUND" };
  if (user.id === actor.userId) return { ok: false, code: "SELF" };
  if (Boolean(user.deactivatedAt) === !active) return { ok: true };
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: active ? null : now } });
    if (!active) await tx.staffInvitation.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, { actorUserId: actor.userId, action: active ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: userId, organisationId: user.organisationId });
  });
  return { ok: true };
}
