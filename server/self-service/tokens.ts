import "server-only";
import { createHash, createHmac } from "node:crypto";
import { subkey } from "../crypto";
import { db } from "../db/client";
import type { SelfServiceKind } from "../db/generated/enums";

// A client's personal link: the token is HMAC(key, outbox message id), so rendering the same
// message again (a retry) gives the same link; only its SHA-256 is stored, bound to one enrolment,
// valid until the offer's deadline (or while the client queues), answerable once.

export function selfServiceToken(outboxMessageId: string, key?: string): string {
  return createHmac("sha256", subkey("self-service-token/hmac-sha256", key)).update(outboxMessageId).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Stores the token's hash (once; a retry finds it there) and returns the token. */
export async function issueSelfServiceToken(input: {
  outboxMessageId: string;
  enrolmentId: string;
  kind: SelfServiceKind;
  locale: string;
  expiresAt: Date;
}): Promise<string> {
  const token = selfServiceToken(input.outboxMessageId);
  const tokenHash = hashToken(token);
  await db().selfServiceToken.upsert({
    where: { tokenHash },
    create: { tokenHash, kind: input.kind, enrolmentId: input.enrolmentId, outboxMessageId: input.outboxMessageId, locale: input.locale, expiresAt: input.expiresAt },
    update: {},
  });
  return token;
}

/** Tokens are base64url of 32 bytes; anything else is not looked up. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * The language a link was sent in (its e-mail's, stored with the token), or null for a link that
 * does not exist. The request's locale on the client's page starts from it (i18n/request.ts); an
 * unknown link is counted against the address by the page itself (link-page.ts), not here.
 */
export async function languageOfLink(token: string): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db().selfServiceToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { locale: true } });
  return row?.locale ?? null;
}
