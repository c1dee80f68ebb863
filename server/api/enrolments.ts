import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { EnrolmentStatus, QueuePriority } from "../db/generated/enums";
import { getEnrolment, listCourseEnrolments, staff } from "../enrolment";
import { providerClientSelect } from "../provider/workspace";

// The API's enrolment reads: the engine's, and for the course's provider the client's minimal
// data, the same selection the provider's pages show (server/provider/workspace.ts) and never an
// identity code, so a provider's own system can learn who was referred.

type ProviderClient = Prisma.ClientGetPayload<{ select: typeof providerClientSelect }>;

async function providerClientsOf(actor: Actor, enrolmentIds: string[]): Promise<Map<string, ProviderClient>> {
  if (actor.role !== "PROVIDER_STAFF" || !actor.organisationId || enrolmentIds.length === 0) return new Map();
  const rows = await db().enrolment.findMany({
    where: { id: { in: enrolmentIds }, course: { providerId: actor.organisationId } },
    select: { id: true, client: { select: providerClientSelect } },
  });
  return new Map(rows.map((r) => [r.id, r.client]));
}

export async function courseEnrolments(actor: Actor, courseId: string, status?: EnrolmentStatus) {
  const listed = await listCourseEnrolments({ actor: staff(actor), courseId, status });
  if (!listed.ok) return listed;
  const clients = await providerClientsOf(actor, listed.enrolments.map((e) => e.id));
  return {
    ok: true as const,
    // The engine's raw row types the priority as text; it is the enum's value.
    enrolments: listed.enrolments.map((e) => ({ ...e, priority: e.priority as QueuePriority, client: clients.get(e.id) })),
  };
}

export async function enrolmentDetail(actor: Actor, enrolmentId: string) {
  const found = await getEnrolment({ actor: staff(actor), enrolmentId });
  if (!found.ok) return found;
  const clients = await providerClientsOf(actor, [found.enrolment.id]);
  return { ok: true as const, enrolment: { ...found.enrolment, client: clients.get(found.enrolment.id) } };
}
