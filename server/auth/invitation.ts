import "server-only";
import { createHash, createHmac } from "node:crypto";
import { recordAudit } from "../audit";
import { subkey } from "../crypto";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { outboxPayload } from "../notifications/payloads";
import { hashPassword } from "./password";

// A staff member's invitation link (/set-password/<token>). The token is HMAC(key, invitation id):
// 256 bits nobody can guess without the server's key, and the same link when delivery renders the
// e-mail again after a failure. Only its SHA-256 is stored; it expires and is used once.

export const INVITATION_HOURS = 72;

export function invitationToken(invitationId: string, key?: string): string {
  return createHmac("sha256", subkey("staff-invitation/hmac-sha256", key)).update(invitationId).digest("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const looksLikeToken = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * Writes an invitation for the user (revoking their earlier ones) and its e-mail to the outbox,
 * in the caller's transaction.
 */
export async function writeInvitation(
  tx: Prisma.TransactionClient,
  input: { invitationId: string; user: { id: string; email: string }; locale: string; invitedById: string; now: Date },
): Promise<{ expiresAt: Date }> {
  const { invitationId, user, now } = input;
  const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3_600_000);
  await tx.staffInvitation.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await tx.staffInvitation.create({
    data: { id: invitationId, userId: user.id, tokenHash: hashInvitationToken(invitationToken(invitationId)), expiresAt, invitedById: input.invitedById },
  });
  await tx.outboxMessage.create({
    data: {
      template: "staff/invitation",
      messageId: `<${invitationId}.invitation@koulutusportti.invalid>`,
      locale: input.locale,
      recipientEmail: user.email,
      userId: user.id,
      payload: outboxPayload("staff/invitation", { invitationId }),
    },
  });
  return { expiresAt };
}

export type InvitationView =
  | { state: "unknown" }
  | { state: "expired" }
  | { state: "used" }
  | { state: "valid"; email: string; name: string; expiresAt: Date };

async function find(token: string) {
  if (!looksLikeToken(token)) return null;
  return db().staffInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { user: { select: { id: true, email: true, name: true, deactivatedAt: true, organisationId: true } } },
  });
}

/** What the set-password page shows for a link. A revoked link (a newer one was sent) reads as expired. */
export async function loadInvitation(token: string, now = new Date()): Promise<InvitationView> {
  const row = await find(token);
  if (!row || row.user.deactivatedAt) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.revokedAt || row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", email: row.user.email, name: row.user.name, expiresAt: row.expiresAt };
}

export type AcceptInvitationResult = { ok: true; email: string } | { ok: false; code: "UNKNOWN" | "USED" | "EXPIRED" };

/** Sets the password and uses the link up, once: the link is taken in the same transaction. */
export async function acceptInvitation(token: string, password: string, now = new Date()): Promise<AcceptInvitationResult> {
  const row = await find(token);
  if (!row || row.user.deactivatedAt) return { ok: false, code: "UNKNOWN" };
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const { count } = await tx.staffInvitation.updateMany({
      where: { id: row.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) {
      const current = await tx.staffInvitation.findUniqueOrThrow({ where: { id: row.id }, select: { usedAt: true } });
      return { ok: false as const, code: current.usedAt ? ("USED" as const) : ("EXPIRED" as const) };
    }
    await tx.user.update({ where: { id: row.user.id }, data: { passwordHash } });
    await recordAudit(tx, {
      actorUserId: row.user.id,
      action: "user.password_set",
      entityType: "User",
      entityId: row.user.id,
      organisationId: row.user.organisationId,
      details: { invitationId: row.id },
    });
    return { ok: true as const, email: row.user.email };
  });
}
