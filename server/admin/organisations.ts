import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { OrganisationData } from "../../lib/schemas/admin";
import { MANAGED_ORGANISATION_TYPES } from "../../lib/organisations";

// Employment authorities, integration services, training providers and advice points, kept by administrators. A provider's contact details
// (e-mail, phone, address) are the footer of the e-mails about its courses; an office's, of the
// e-mails to its clients.

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

export type OrganisationFailure = "NOT_FOUND" | "BUSINESS_ID_TAKEN" | "TYPE_IN_USE";

export async function listOrganisations(actor: Actor, filter: { q?: string; type?: string } = {}) {
  if (actor.role !== "ADMIN") return null;
  const rows = await db().organisation.findMany({
    where: {
      type: { in: MANAGED_ORGANISATION_TYPES.filter((t) => !filter.type || t === filter.type) },
      ...(filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { businessId: { startsWith: filter.q } }, { municipality: { contains: filter.q, mode: "insensitive" } }] } : {}),
    },
    orderBy: [{ type: "asc" }, { name: "asc" }],
    include: { _count: { select: { users: { where: { deactivatedAt: null } } } } },
    take: 1000,
  });
  return rows.map(({ _count, ...o }) => ({ ...o, activeUsers: _count.users }));
}

export async function getOrganisation(actor: Actor, id: string) {
  if (actor.role !== "ADMIN" || !isId(id)) return null;
  return db().organisation.findFirst({ where: { id, type: { in: [...MANAGED_ORGANISATION_TYPES] } } });
}

/** Choices for a user's organisation: each staff role belongs to one type. */
export async function organisationChoices(actor: Actor) {
  if (actor.role !== "ADMIN") return [];
  return db().organisation.findMany({
    where: { type: { in: [...MANAGED_ORGANISATION_TYPES] } },
    select: { id: true, name: true, type: true },
    orderBy: [{ type: "asc" }, { name: "asc" }],
  });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createOrganisation(actor: Actor, data: OrganisationData): Promise<{ ok: true; id: string } | { ok: false; code: OrganisationFailure }> {
  if (actor.role !== "ADMIN") return { ok: false, code: "NOT_FOUND" };
  try {
    const id = await db().$transaction(async (tx) => {
      const created = await tx.organisation.create({ data });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: "organisation.create",
        entityType: "Organisation",
        entityId: created.id,
        organisationId: created.id,
        details: { type: data.type, name: data.name, businessId: data.businessId },
      });
      return created.id;
    });
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "BUSINESS_ID_TAKEN" };
    throw error;
  }
}

export async function updateOrganisation(actor: Actor, id: string, data: OrganisationData): Promise<{ ok: true } | { ok: false; code: OrganisationFailure }> {
  const current = await getOrganisation(actor, id);
  if (!current) return { ok: false, code: "NOT_FOUND" };
  if (current.type !== data.type) {
    // Users, clients, courses, advice visits and hand-overs belong to an organisation because of its type.
    const [users, clients, courses, visits, handovers] = await Promise.all([
      db().user.count({ where: { organisationId: id } }),
      db().client.count({ where: { officeId: id } }),
      db().course.count({ where: { providerId: id } }),
      db().adviceVisit.count({ where: { advicePointId: id } }),
      db().handover.count({ where: { OR: [{ advicePointId: id }, { officeId: id }] } }),
    ]);
    if (users + clients + courses + visits + handovers > 0) return { ok: false, code: "TYPE_IN_USE" };
  }
  const changed = (Object.keys(data) as (keyof OrganisationData)[]).filter((k) => (current[k] ?? null) !== (data[k] ?? null));
  try {
    await db().$transaction(async (tx) => {
      await tx.organisation.update({ where: { id }, data });
      await recordAudit(tx, { actorUserId: actor.userId, action: "organisation.update", entityType: "Organisation", entityId: id, organisationId: id, details: { fields: changed } });
    });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "BUSINESS_ID_TAKEN" };
    throw error;
  }
}
