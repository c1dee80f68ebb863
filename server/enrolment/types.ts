import type { Actor } from "../auth/actor";

/** Who causes a change: staff (with organisation), the client through a personal link, or the system. */
export type EngineActor =
  | { kind: "USER"; user: Actor }
  | { kind: "CLIENT"; clientId: string }
  | { kind: "SYSTEM" };

export const SYSTEM: EngineActor = { kind: "SYSTEM" };

export function staff(user: Actor): EngineActor {
  return { kind: "USER", user };
}

/** Expected outcomes the caller must handle; the UI and API translate each code. */
export type EngineErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "ALREADY_ENROLLED"
  | "COURSE_NOT_PUBLISHED"
  | "COURSE_CLOSED"
  | "COURSE_CANCELLED"
  | "REFERRAL_PERIOD_NOT_OPEN"
  | "INVALID_TRANSITION"
  | "REASON_REQUIRED"
  | "CAPACITY_BELOW_HELD"
  | "NO_FREE_SEAT"
  | "CLIENT_HOLDS_SEAT"
  | "INVALID_POSITION"
  | "OFFER_EXPIRED"
  | "CONDITIONAL_NOT_AVAILABLE"
  | "ALREADY_IN_POOL";

export type Failure = { ok: false; code: EngineErrorCode };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not a UUID names nothing: the engine answers NOT_FOUND before PostgreSQL refuses the cast. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function fail(code: EngineErrorCode): Failure {
  return { ok: false, code };
}
