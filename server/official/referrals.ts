import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { referClient, staff, type EngineErrorCode } from "../enrolment";
import type { z } from "zod";
import type { bulkReferralSchema, officialReferralSchema } from "../../lib/schemas/official";

export type ReferralOutcome =
  | { kind: "OFFERED"; enrolmentId: string; offerExpiresAt: Date }
  | { kind: "CONFIRMED"; enrolmentId: string }
  | { kind: "WAITLISTED"; enrolmentId: string; queuePosition: number }
  | { kind: "FAILED"; code: EngineErrorCode };

/** One referral through the engine, told as what it means for the client. */
export async function referralOutcome(actor: Actor, input: z.output<typeof officialReferralSchema>): Promise<ReferralOutcome> {
  const result = await referClient({ actor: staff(actor), clientId: input.clientId, courseId: input.courseId, priority: input.priority, reason: input.reason, note: input.note });
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
export async function bulkRefer(actor: Actor, input: z.output<typeof bulkReferralSchema>) {
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
    const outcome = await referralOutcome(actor, { clientId, courseId: input.courseId, priority: "NORMAL", note: input.note });
    results.push({ clientId, name: `${client.lastName}, ${client.firstName}`, outcome });
  }
  return results;
}

/** The courses an official can pick for a bulk referral: published ones still open for referrals. */
export async function referableCourses(actor: Actor, now = new Date()) {
  if (actor.role !== "OFFICIAL") return [];
  const today = new Date(now.toISOString().slice(0, 10));
  return db().course.findMany({
    where: {
      status: "PUBLISHED",
      endsOn: { gte: today },
      AND: [{ OR: [{ referralOpensOn: null }, { referralOpensOn: { lte: today } }] }, { OR: [{ referralClosesOn: null }, { referralClosesOn: { gte: today } }] }],
    },
    select: { id: true, name: true, startsOn: true, studyPath: true, municipality: true, capacity: true, seatsHeld: true, provider: { select: { name: true } } },
    orderBy: [{ startsOn: "asc" }, { name: "asc" }],
    take: 300,
  });
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
    courses: courses.map((c) => ({ id: c.id, name: c.name, provider: c.provider.name, startsOn: c.startsOn.toISOString().slice(0, 10), studyPath: c.studyPath, freeSeats: Math.max(0, c.capacity - c.seatsHeld) })),
  };
}
