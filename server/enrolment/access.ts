import "server-only";
import type { EngineActor } from "./types";

// Organisation checks for every engine verb. A record outside the actor's organisation is
// reported as NOT_FOUND, never FORBIDDEN, so its existence is not revealed.

export interface Scope {
  /** The client's employment office. */
  officeId: string;
  /** The course's training provider. */
  providerId: string;
  clientId: string;
}

export function isOfficialOf(actor: EngineActor, scope: Pick<Scope, "officeId">): boolean {
  return actor.kind === "USER" && actor.user.role === "OFFICIAL" && actor.user.organisationId === scope.officeId;
}

export function isProviderOf(actor: EngineActor, scope: Pick<Scope, "providerId">): boolean {
  return actor.kind === "USER" && actor.user.role === "PROVIDER_STAFF" && actor.user.organisationId === scope.providerId;
}

export function isClientOf(actor: EngineActor, scope: Pick<Scope, "clientId">): boolean {
  return actor.kind === "CLIENT" && actor.clientId === scope.clientId;
}

/** Who may see an enrolment at all: the client's office, the course's provider, administrators, the client. */
export function canSeeEnrolment(actor: EngineActor, scope: Scope): boolean {
  return (
    actor.kind === "SYSTEM" ||
    isOfficialOf(actor, scope) ||
    isProviderOf(actor, scope) ||
    isClientOf(actor, scope) ||
    (actor.kind === "USER" && actor.user.role === "ADMIN")
  );
}

export function isAdmin(actor: EngineActor): boolean {
  return actor.kind === "USER" && actor.user.role === "ADMIN";
}
