import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import type { PrismaClient } from "../db/client";
import type { Actor } from "./actor";

// Personal API tokens are 256 random bits, so a fast SHA-256 is as safe as a password hash here
// and keeps every API request cheap. Only the hash is stored.
const PREFIX = "kp_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueApiToken(
  prisma: PrismaClient,
  userId: string,
  name: string,
  expiresAt: Date | null = null,
): Promise<{ id: string; token: string }> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await prisma.apiToken.create({
    data: { userId, name, tokenHash: hashApiToken(token), hint: token.slice(-4), expiresAt },
  });
  return { id: row.id, token };
}

interface TokenActorRow {
  tokenId: string;
  lastUsedAt: Date | null;
  userId: string;
  email: string;
  name: string;
  role: Actor["role"];
  organisationId: string | null;
  organisationName: string | null;
}

/**
 * Resolves `Authorization: Bearer <token>` to the acting user, or null for anything else. One
 * indexed query for token, user and organisation, on the pool directly (sql()): every API request
 * pays for it.
 */
export async function actorForBearer(
  pool: Pick<pg.Pool, "query">,
  authorization: string | null,
  now = new Date(),
): Promise<(Actor & { tokenId: string }) | null> {
  const match = /^Bearer\s+(kp_[A-Za-z0-9_-]{43})$/.exec(authorization ?? "");
  if (!match) return null;
  const {
    rows: [row],
  } = await pool.query<TokenActorRow>({
    // Named: each connection parses and plans it once.
    name: "actor_for_bearer",
    text: `SELECT t.id AS "tokenId", t."lastUsedAt", u.id AS "userId", u.email, u.name, u.role::text AS role, u."organisationId", o.name AS "organisationName"
     FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" LEFT JOIN "Organisation" o ON o.id = u."organisationId"
     WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > $2) AND u."deactivatedAt" IS NULL`,
    values: [hashApiToken(match[1]!), now],
  });
  if (!row) return null;
  // Last use is informational; record it at most once a minute to keep requests write-free.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await pool.query(`UPDATE "ApiToken" SET "lastUsedAt" = $1, "updatedAt" = $1 WHERE id = $2`, [now, row.tokenId]);
  }
  return {
    tokenId: row.tokenId,
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
  };
}
