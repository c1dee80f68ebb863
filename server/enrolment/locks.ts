import "server-only";
import type { CourseStatus, EnrolmentStatus, QueuePriority } from "../db/generated/enums";
import type { Tx } from "./transaction";

// Row locks, always taken in one order: the course, then the client (then the enrolment). Every
// verb that touches seats starts here, so no two transactions wait for each other in a cycle.

export interface LockedCourse {
  id: string;
  providerId: string;
  name: string;
  status: CourseStatus;
  capacity: number;
  seatsHeld: number;
  offerResponseHours: number;
  confirmOnReferral: boolean;
  referralOpensOn: Date | null;
  referralClosesOn: Date | null;
  endsOn: Date;
  startsOn: Date;
}

export interface LockedClient {
  id: string;
  officeId: string;
  email: string | null;
  preferredLanguage: string;
  anonymisedAt: Date | null;
}

export interface EnrolmentRow {
  id: string;
  clientId: string;
  courseId: string;
  status: EnrolmentStatus;
  priority: QueuePriority;
  queueOrder: number;
  referredAt: Date;
  referredById: string | null;
  offerExpiresAt: Date | null;
  queueEntryId: string | null;
  preferenceRank: number | null;
  conditional: boolean;
}

export async function lockCourse(tx: Tx, courseId: string): Promise<LockedCourse | null> {
  const rows = await tx.$queryRaw<LockedCourse[]>`
    SELECT id, "providerId", name, status, capacity, "seatsHeld", "offerResponseHours", "confirmOnReferral",
           "referralOpensOn", "referralClosesOn", "startsOn", "endsOn"
    FROM "Course" WHERE id = ${courseId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function lockClient(tx: Tx, clientId: string): Promise<LockedClient | null> {
  const rows = await tx.$queryRaw<LockedClient[]>`
    SELECT id, "officeId", email, "preferredLanguage"::text AS "preferredLanguage", "anonymisedAt"
    FROM "Client" WHERE id = ${clientId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function lockEnrolment(tx: Tx, enrolmentId: string): Promise<EnrolmentRow | null> {
  const rows = await tx.$queryRaw<EnrolmentRow[]>`
    SELECT id, "clientId", "courseId", status, priority, "queueOrder", "referredAt", "referredById", "offerExpiresAt",
           "queueEntryId", "preferenceRank", conditional
    FROM "Enrolment" WHERE id = ${enrolmentId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}
