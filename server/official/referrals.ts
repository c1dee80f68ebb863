import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { referClient, staff, type EngineErrorCode } from "../enrolment";
import type { z } from "zod";
import type { StudyPath } from "../db/generated/enums";
import { formatDate, helsinkiToday } from "../../lib/dates";
import type { bulkReferralSchema, officialReferralSchema } from "../../lib/schemas/official";

export type ReferralOutcome =
  | { kind: "OFFERED"; enrolmentId: string; offerExpiresAt: Date }
  | { kind: "CONFIRMED"; enrolmentId: string }
  | { kind: "WAITLISTED"; enrolmentId: string; queuePosition: number }
  | { kind: "FAILED"; code: EngineErrorCode };

/** One referral through the engine, told as what it means for the client. */
export async function referralOutcome(actor: Actor, input: z.output<typeof officialReferralSchema>, now = new Date()): Promise<ReferralOutcome> {
  const result = await referClient({ actor: staff(actor), clientId: input.clientId, courseId: input.courseId, priority: input.priority, reason: input.reason, note: input.note, now });
  if (!result.ok) return { kind: "FAILED", code: result.code };
  const { id, status, queuePosition, offerExpiresAt } = result.enrolment;
  if (status === "OFFERED" && offerExpiresAt) return { kind: "OFFERED", enrolmentId: id, offerExpiresAt };
  if (status === "WAITLISTED" && queuePosition !== null) return { kind: "WAITLISTED", enrolmentId: id, queuePosition };
  return { kind: "CONFIRMED", enrolmentId: id };
}

/**
 * Several of the office's clients to one course, in the order given. Each is its own referral
 * (the engine's transaction), so one client's failure does not undo the others.
 */
export async function bulkRefer(actor: Actor, input: z.output<typeof bulkReferralSchema>, now = new Date()) {
  const ids = [...new Set(input.clientIds)];
  const clients = await db().client.findMany({
    where: { id: { in: ids }, officeId: actor.organisationId ?? "00000000-0000-0000-0000-000000000000", anonymisedAt: null },
    select: { id: true, firstName: true, lastName: true },
  });
  const byId = new Map(clients.map((c) => [c.id, c]));
  const results: { clientId: string; name: string; outcome: ReferralOutcome }[] = [];
  for (const clientId of ids) {
    const client = byId.get(clientId);
    if (!client) {
      results.push({ clientId, name: "", outcome: { kind: "FAILED", code: "NOT_FOUND" } });
      continue;
    }
    const outcome = await referralOutcome(actor, { clientId, courseId: input.courseId, priority: "NORMAL", note: input.note }, now);
    results.push({ clientId, name: `${client.lastName}, ${client.firstName}`, outcome });
  }
  return results;
}

interface ReferableCourse {
  id: string;
  name: string;
  provider: string;
  startsOn: Date;
  studyPath: StudyPath;
  capacity: number;
  seatsHeld: number;
}

/** The courses an official can pick for a bulk referral: those taking referrals today (a Finnish day). */
export async function referableCourses(actor: Actor, now = new Date()): Promise<ReferableCourse[]> {
  if (actor.role !== "OFFICIAL") return [];
  return db().$queryRaw<ReferableCourse[]>`
    SELECT c.id, c.name, p.name AS provider, c."startsOn", c."studyPath", c.capacity, c."seatsHeld"
    FROM "Course" c JOIN "Organisation" p ON p.id = c."providerId"
    WHERE course_takes_referrals(c.status, c."referralOpensOn", c."referralClosesOn", c."endsOn", ${helsinkiToday(now)}::date)
    ORDER BY c."startsOn", c.name
    LIMIT 300`;
}

/** The bulk referral page: the selected clients that are the office's own, and the courses to choose from. */
export async function bulkReferralPage(actor: Actor, clientIds: string[], now = new Date()) {
  if (actor.role !== "OFFICIAL" || !actor.organisationId) return null;
  const ids = clientIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 100);
  const [clients, courses] = await Promise.all([
    ids.length
      ? db().client.findMany({
          where: { id: { in: ids }, officeId: actor.organisationId, anonymisedAt: null },
          select: { id: true, clientNumber: true, firstName: true, lastName: true, studyPath: true },
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        })
      : Promise.resolve([]),
    referableCourses(actor, now),
  ]);
  return {
    clients,
    courses: courses.map((c) => ({ id: c.id, name: c.name, provider: c.provider, startsOn: formatDate(c.startsOn), studyPath: c.studyPath, freeSeats: Math.max(0, c.capacity - c.seatsHeld) })),
  };
}
