import "server-only";
import type { Actor } from "../auth/actor";
import type { VisitFailure } from "../advice/visits";
import { storedLocale } from "../users";
import { pickLocale, type Locale } from "../../lib/i18n";
import { domainProblem, problem } from "./http";

// The visit log's answers in the JSON API (/api/v1/visits, /api/v1/visit-options).

/** The caller's language: the UI language the user chose, else the request's Accept-Language, else Finnish. */
export async function callerLocale(actor: Actor, request: Request): Promise<Locale> {
  return pickLocale((await storedLocale(actor.userId)) ?? undefined, request.headers.get("accept-language"));
}

const UNAVAILABLE = {
  TOPIC_NOT_AVAILABLE: "advice.validation.topicNotAvailable",
  DESTINATION_NOT_AVAILABLE: "advice.validation.destinationNotAvailable",
} as const;

/**
 * A refused visit as problem+json: a role that may not log visits 403, another point's visit 404,
 * a topic or destination that is not an active entry of its list 422 naming the field, like any
 * other invalid input.
 */
export function visitProblem(failure: VisitFailure): Response {
  switch (failure.code) {
    case "FORBIDDEN":
      return domainProblem("FORBIDDEN");
    case "NOT_FOUND":
      return domainProblem("NOT_FOUND");
    case "EDIT_PERIOD_OVER":
      return problem(409, "EDIT_PERIOD_OVER", "The visit can no longer be corrected.");
    case "TOPIC_NOT_AVAILABLE":
    case "DESTINATION_NOT_AVAILABLE":
      return problem(422, "VALIDATION_FAILED", "Some fields are missing or invalid.", {
        errors: [{ field: `${failure.field}.${failure.index}`, code: UNAVAILABLE[failure.code] }],
      });
  }
}
