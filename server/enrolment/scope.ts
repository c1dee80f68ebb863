import "server-only";
import { db } from "../db/client";
import { canSeeEnrolment } from "./access";
import type { Tx } from "./transaction";
import { fail, type EngineActor, type Failure } from "./types";

export interface EnrolmentScope {
  id: string;
  clientId: string;
  courseId: string;
  officeId: string;
  providerId: string;
}

/** The organisations an enrolment belongs to, for access checks before anything is locked. */
export async function enrolmentScope(tx: Pick<Tx, "$queryRaw">, enrolmentId: string): Promise<EnrolmentScope | null> {
  if (!/^[0-9a-f-]{36}$/i.test(enrolmentId)) return null;
  const rows = await tx.$queryRaw<EnrolmentScope[]>`
    SELECT e.id, e."clientId", e."courseId", c."officeId", k."providerId"
    FROM "Enrolment" e JOIN "Client" c ON c.id = e."clientId" JOIN "Course" k ON k.id = e."courseId"
    WHERE e.id = ${enrolmentId}::uuid`;
  return rows[0] ?? null;
}

/**
 * The enrolment's scope if the actor may do this to it: NOT_FOUND when the actor may not even
 * see it (or it does not exist), FORBIDDEN when they see it but their role cannot do this.
 */
export async function authorisedScope(
  actor: EngineActor,
  enrolmentId: string,
  allowed: (actor: EngineActor, scope: EnrolmentScope) => boolean,
): Promise<{ ok: true; scope: EnrolmentScope } | Failure> {
  const scope = await enrolmentScope(db(), enrolmentId);
  if (!scope || !canSeeEnrolment(actor, scope)) return fail("NOT_FOUND");
  if (!allowed(actor, scope)) return fail("FORBIDDEN");
  return { ok: true, scope };
}
