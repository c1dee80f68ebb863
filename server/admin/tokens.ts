import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";

// Every personal API token in the service, for administrators: who holds it, when it was last
// used, and revocation. A revoked token is refused on its next request (auth/api-token.ts).

export async function listApiTokens(actor: Actor) {
  if (actor.role !== "ADMIN") return null;
  return db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 1000,
    select: {
      id: true, name: true, hint: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true,
      user: { select: { id: true, name: true, email: true, deactivatedAt: true } },
    },
  });
}

export async function revokeApiToken(actor: Actor, tokenId: string, now = new Date()): Promise<{ ok: true } | { ok: false; code: "NOT_FOUND" }> {
  if (actor.role !== "ADMIN" || !/^[0-9a-f-]{36}$/i.test(tokenId)) return { ok: false, code: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, userId: true, name: true, hint: true, revokedAt: true } });
    if (!token) return { ok: false as const, code: "NOT_FOUND" as const };
    if (token.revokedAt) return { ok: true as const };
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
    await recordAudit(tx, { actorUserId: actor.userId, action: "api_token.revoke", entityType: "ApiToken", entityId: tokenId, details: { userId: token.userId, name: token.name, hint: token.hint } });
    return { ok: true as const };
  });
}
