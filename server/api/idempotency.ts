import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db/client";

// Idempotency-Key on the API's writes (POST, PATCH, PUT): an integration whose answer was lost
// sends the same request again with the same key and gets the first answer (status and body),
// not a second referral or a 409. The key is claimed by inserting its row before the request runs,
// so of two concurrent requests with one key only the first runs; the other is told it is in
// progress. Answers of 5xx (and a handler that throws) release the key: such a request may be
// tried again. Keys are per user and last a day (IETF draft-ietf-httpapi-idempotency-key-header).

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const IDEMPOTENT_METHODS = new Set(["POST", "PATCH", "PUT"]);
const KEY = /^[\x21-\x7e]{1,255}$/;
const LIFETIME = "24 hours";
// A request still "in progress" this long after it began died with its process: its key is free again.
const ABANDONED_AFTER = "5 minutes";

export type IdempotencyRefusal = "IDEMPOTENCY_KEY_INVALID" | "IDEMPOTENCY_KEY_IN_PROGRESS" | "IDEMPOTENCY_KEY_REUSED";

type Outcome = { ok: true; response: Response } | { ok: false; code: IdempotencyRefusal };

function requestHash(method: string, url: string, body: string): string {
  const { pathname, search } = new URL(url);
  return createHash("sha256").update(`${method} ${pathname}${search}\n${body}`).digest("base64url");
}

/**
 * Runs `handle` once per (user, Idempotency-Key): the first request runs, a repeat of it gets the
 * stored answer (with `Idempotency-Replayed: true`), the same key with another request is refused.
 * A request without the header, or not a write, just runs.
 */
export async function idempotently(request: Request, userId: string, handle: (request: Request) => Promise<Response>): Promise<Outcome> {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null || !IDEMPOTENT_METHODS.has(request.method)) return { ok: true, response: await handle(request) };
  if (!KEY.test(key)) return { ok: false, code: "IDEMPOTENCY_KEY_INVALID" };
  const body = await request.text();
  const hash = requestHash(request.method, request.url, body);

  // Claim the key, or take over one that expired or whose request was abandoned.
  const claimed = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO "IdempotencyKey" (id, "userId", key, "requestHash", "expiresAt", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${userId}::uuid, ${key}, ${hash}, now() + ${LIFETIME}::interval, now(), now())
    ON CONFLICT ("userId", key) DO UPDATE
      SET "requestHash" = EXCLUDED."requestHash", "responseStatus" = NULL, "responseType" = NULL, "responseBody" = NULL,
          "expiresAt" = EXCLUDED."expiresAt", "createdAt" = now(), "updatedAt" = now()
      WHERE "IdempotencyKey"."expiresAt" <= now()
         OR ("IdempotencyKey"."responseStatus" IS NULL AND "IdempotencyKey"."createdAt" < now() - ${ABANDONED_AFTER}::interval)
    RETURNING id`;
  if (claimed.length === 0) {
    const first = await db().idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
    if (!first) return { ok: false, code: "IDEMPOTENCY_KEY_IN_PROGRESS" };
    if (first.requestHash !== hash) return { ok: false, code: "IDEMPOTENCY_KEY_REUSED" };
    if (first.responseStatus === null) return { ok: false, code: "IDEMPOTENCY_KEY_IN_PROGRESS" };
    return {
      ok: true,
      response: new Response(first.responseBody, {
        status: first.responseStatus,
        headers: { "content-type": first.responseType ?? "application/json", "cache-control": "no-store", "idempotency-replayed": "true" },
      }),
    };
  }

  const id = claimed[0]!.id;
  let response: Response;
  try {
    response = await handle(new Request(request.url, { method: request.method, headers: request.headers, body }));
  } catch (error) {
    await db().idempotencyKey.delete({ where: { id } });
    throw error;
  }
  if (response.status >= 500) {
    await db().idempotencyKey.delete({ where: { id } });
    return { ok: true, response };
  }
  const text = await response.text();
  await db().idempotencyKey.update({ where: { id }, data: { responseStatus: response.status, responseType: response.headers.get("content-type"), responseBody: text } });
  return { ok: true, response: new Response(text, { status: response.status, headers: response.headers }) };
}

/** The daily job's part: keys past their day. */
export async function deleteExpiredIdempotencyKeys(now = new Date()): Promise<number> {
  const { count } = await db().idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
