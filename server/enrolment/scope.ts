import "server-only";
import type { Tx } from "./transaction";

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
