import "server-only";
import type { Actor } from "./auth/actor";
import { db } from "./db/client";

// First-glance numbers for each role's home page, always scoped to the actor's organisation.

const LIVE = ["WAITLISTED", "OFFERED", "CONFIRMED", "STARTED"] as const;

export async function officeOverview(actor: Actor) {
  if (actor.role !== "OFFICIAL" || !actor.organisationId) throw new Error("officeOverview: not an official");
  const office = { client: { officeId: actor.organisationId } };
  const [clients, waiting, offers] = await Promise.all([
    db().client.count({ where: { officeId: actor.organisationId, anonymisedAt: null } }),
    db().enrolment.count({ where: { ...office, status: "WAITLISTED" } }),
    db().enrolment.count({ where: { ...office, status: "OFFERED" } }),
  ]);
  return { clients, waiting, offers };
}

export async function providerOverview(actor: Actor) {
  if (actor.role !== "PROVIDER_STAFF" || !actor.organisationId) throw new Error("providerOverview: not provider staff");
  const providerId = actor.organisationId;
  const [courses, seats, waiting] = await Promise.all([
    db().course.count({ where: { providerId, status: { in: ["PUBLISHED", "CLOSED"] } } }),
    db().course.aggregate({ where: { providerId, status: "PUBLISHED" }, _sum: { capacity: true, seatsHeld: true } }),
    db().enrolment.count({ where: { course: { providerId }, status: "WAITLISTED" } }),
  ]);
  return { courses, capacity: seats._sum.capacity ?? 0, seatsHeld: seats._sum.seatsHeld ?? 0, waiting };
}

export async function serviceOverview(actor: Actor) {
  if (actor.role !== "ADMIN") throw new Error("serviceOverview: not an administrator");
  const [organisations, users, clients, liveEnrolments] = await Promise.all([
    db().organisation.count(),
    db().user.count({ where: { deactivatedAt: null } }),
    db().client.count({ where: { anonymisedAt: null } }),
    db().enrolment.count({ where: { status: { in: [...LIVE] } } }),
  ]);
  return { organisations, users, clients, liveEnrolments };
}
