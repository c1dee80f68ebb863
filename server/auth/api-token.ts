import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/client";
import { loadActor, type Actor } from "./actor";

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

/** Resolves `Authorization: Bearer <token>` to the acting user, or null for anything else. */
export async function actorForBearer(
  prisma: PrismaClient,
  authorization: string | null,
  now = new Date(),
): Promise<Actor | null> {
  const match = /^Bearer\s+(kp_[A-Za-z0-9_-]{43})$/.exec(authorization ?? "");
  if (!match) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(match[1]!) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  // Last use is informational; record it at most once a minute to keep requests write-free.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return loadActor(prisma, row.userId);
}
