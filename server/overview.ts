import "server-only";
import type { Actor } from "./auth/actor";
import { db } from "./db/client";
import { LIVE_STATUSES } from "../lib/enrolment-status";

// First-glance numbers for the administrator's home page (the workspaces' homes have their own read
// models in server/official and server/provider).

export async function serviceOverview(actor: Actor) {
  if (actor.role !== "ADMIN") throw new Error("serviceOverview: not an administrator");
  const [organisations, users, clients, liveEnrolments] = await Promise.all([
    db().organisation.count(),
    db().user.count({ where: { deactivatedAt: null } }),
    db().client.count({ where: { anonymisedAt: null } }),
    db().enrolment.count({ where: { status: { in: [...LIVE_STATUSES] } } }),
  ]);
  return { organisations, users, clients, liveEnrolments };
}
