import "server-only";
import { z } from "zod";
import { sql } from "../db/client";
import { actorForBearer } from "../auth/api-token";
import type { Actor } from "../auth/actor";
import { logger } from "../logger";
import { apiRateLimitPerMinute, consumeApiRequest } from "../rate-limit/limits";
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from "../request-id";
import { idempotently, type IdempotencyRefusal } from "./idempotency";
import type { EngineErrorCode } from "../enrolment/types";
import type { Locale } from "../../lib/i18n";
import enEngineErrors from "../../messages/en/engineErrors.json";
import fiEngineErrors from "../../messages/fi/engineErrors.json";
import svEngineErrors from "../../messages/sv/engineErrors.json";

/** RFC 9457 problem details with a stable machine-readable `code`. */
export function problem(
  status: number,
  code: string,
  title: string,
  extra: Record<string, unknown> = {},
): Response {
  return Response.json(
    { type: `https://koulutusportti.example/problems/${code.toLowerCase().replaceAll("_", "-")}`, title, status, code, ...extra },
    { status, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } },
  );
}

type Handler<C> = (request: Request, actor: Actor, context: C) => Promise<Response>;

/**
 * Wraps a /api/v1 handler: the bearer token must name an active user, or the answer is 401; a
 * token over its per-minute allowance gets 429 with Retry-After (counted in memory, no query); a
 * write with an Idempotency-Key runs once (./idempotency.ts). The request id (X-Request-Id, or a
 * new one) is on the answer, on log lines and on audit events written meanwhile.
 */
export function withApiActor<C>(handler: Handler<C>) {
  const serve = async (request: Request, context: C): Promise<Response> => {
    const found = await actorForBearer(sql(), request.headers.get("authorization"));
    if (!found) {
      return problem(401, "UNAUTHENTICATED", "A valid API token is required.", {
        detail: "Send Authorization: Bearer <token>; create one with `npm run api-token -- <email>`.",
      });
    }
    const limit = await consumeApiRequest(found.tokenId);
    if (limit.blocked) {
      const response = problem(429, "RATE_LIMITED", "Too many requests with this token.", {
        detail: `At most ${apiRateLimitPerMinute()} requests a minute per token. Try again in ${limit.retryAfterSeconds} s.`,
        retryAfter: limit.retryAfterSeconds,
      });
      response.headers.set("retry-after", String(limit.retryAfterSeconds));
      return response;
    }
    const outcome = await idempotently(request, found.userId, (replayable) => handler(replayable, found, context));
    return outcome.ok ? outcome.response : idempotencyProblem(outcome.code);
  };
  return async (request: Request, context: C): Promise<Response> => {
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    const response = await withRequestId(requestId, async () => {
      try {
        return await serve(request, context);
      } catch (error) {
        logger.error({ err: error, method: request.method, path: new URL(request.url).pathname }, "API request failed");
        return problem(500, "INTERNAL_ERROR", "The server could not answer this request.", { detail: `Quote request id ${requestId} when reporting it.` });
      }
    });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };
}

const IDEMPOTENCY_PROBLEMS: Record<IdempotencyRefusal, { status: number; title: string }> = {
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: "Idempotency-Key must be 1 to 255 visible ASCII characters." },
  IDEMPOTENCY_KEY_IN_PROGRESS: { status: 409, title: "A request with this Idempotency-Key is still running; try again shortly." },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: "This Idempotency-Key was used for a different request." },
};

function idempotencyProblem(code: IdempotencyRefusal): Response {
  const { status, title } = IDEMPOTENCY_PROBLEMS[code];
  const response = problem(status, code, title);
  if (code === "IDEMPOTENCY_KEY_IN_PROGRESS") response.headers.set("retry-after", "1");
  return response;
}

/**
 * A 2xx answer encoded through its response schema (lib/schemas/api.ts), the one the OpenAPI
 * document declares: fields it does not name are left out, and one that breaks it is a bug (500).
 */
export function answer<S extends z.ZodType>(schema: S, value: z.output<S>, status = 200): Response {
  return Response.json(z.encode(schema, value), { status });
}

// Per engine code: the HTTP status and the problem's title (short, stable, English, RFC 9457), and
// as `detail` the sentence the pages show (messages/<locale>/engineErrors.json). Keyed by the
// engine's union, so a new code does not compile until it has all three.
const ENGINE_PROBLEMS: Record<EngineErrorCode, { status: number; title: string }> = {
  NOT_FOUND: { status: 404, title: "No such record, or it is not yours to see." },
  FORBIDDEN: { status: 403, title: "Your role cannot do this." },
  ALREADY_ENROLLED: { status: 409, title: "The client already has a live enrolment on this course." },
  COURSE_NOT_PUBLISHED: { status: 409, title: "The course is not published." },
  COURSE_CLOSED: { status: 409, title: "The course's referral period is closed." },
  COURSE_CANCELLED: { status: 409, title: "The course is cancelled." },
  REFERRAL_PERIOD_NOT_OPEN: { status: 409, title: "The course is outside its referral period." },
  INVALID_TRANSITION: { status: 409, title: "The enrolment is not in a state that allows this." },
  CAPACITY_BELOW_HELD: { status: 409, title: "Capacity cannot be lower than the seats already held." },
  NO_FREE_SEAT: { status: 409, title: "The course has no free seat." },
  CLIENT_HOLDS_SEAT: { status: 409, title: "The client already holds a seat on another course." },
  OFFER_EXPIRED: { status: 409, title: "The offer's deadline has passed; the offer has expired." },
  CONDITIONAL_NOT_AVAILABLE: { status: 409, title: "The client has no queue place ranked above this course, so the seat can only be accepted as such." },
  ALREADY_IN_POOL: { status: 409, title: "The client already has an active pooled referral." },
  REASON_REQUIRED: { status: 422, title: "A written reason is required." },
  INVALID_POSITION: { status: 422, title: "No such position in the queue." },
};

/** Every engine code (the keys of the table above, which the compiler holds to EngineErrorCode). */
export const ENGINE_ERROR_CODES = Object.keys(ENGINE_PROBLEMS) as EngineErrorCode[];

/** The pages' sentence for each engine code, in each UI language; typed, so a missing one does not compile. */
export const ENGINE_ERROR_TEXT: Record<Locale, Record<EngineErrorCode, string>> = { fi: fiEngineErrors, sv: svEngineErrors, en: enEngineErrors };

/** The problem response for an expected domain outcome; `detail` in `locale` (the API speaks English unless asked). */
export function domainProblem(code: EngineErrorCode, locale: Locale = "en"): Response {
  const { status, title } = ENGINE_PROBLEMS[code];
  const response = problem(status, code, title, { detail: ENGINE_ERROR_TEXT[locale][code] });
  response.headers.set("content-language", locale);
  return response;
}

/** Parses a JSON body with the input's shared zod schema; 422 with per-field errors otherwise. */
export async function parseBody<S extends import("zod").ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: import("zod").output<S> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: problem(400, "BAD_JSON", "The request body is not valid JSON.") };
  }
  return validate(schema, body);
}

export function validate<S extends import("zod").ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: import("zod").output<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    response: problem(422, "VALIDATION_FAILED", "Some fields are missing or invalid.", {
      errors: parsed.error.issues.map((i) => ({ field: i.path.join("."), code: i.message })),
    }),
  };
}

export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
