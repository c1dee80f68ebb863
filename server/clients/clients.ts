import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { decryptIdentityCode, encryptIdentityCode, identityCodeHmac } from "../crypto";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { ClientData } from "../../lib/schemas/client";
import { maskIdentityCode } from "../../lib/identity-code";

// Clients belong to one employment office; only that office's officials see or change them.

const publicFields = {
  id: true, clientNumber: true, officeId: true, firstName: true, lastName: true, dateOfBirth: true, email: true, phone: true,
  municipality: true, preferredLanguage: true, nativeLanguage: true, interpreterNeeded: true, literacy: true, yearsOfSchooling: true,
  highestEducation: true, workExperience: true, languageLevel: true, placementTestOn: true, studyPath: true,
  integrationPlanStartsOn: true, integrationPlanEndsOn: true, needsChildcare: true, needsAccessibility: true, eveningOnly: true,
  specialNeeds: true, notes: true, createdAt: true, updatedAt: true, identityCodeCiphertext: true,
} satisfies Prisma.ClientSelect;

type ClientRow = Prisma.ClientGetPayload<{ select: typeof publicFields }>;

/** What leaves the server: the identity code only masked, never whole. */
export function presentClient(row: ClientRow) {
  const { identityCodeCiphertext, ...rest } = row;
  return {
    ...rest,
    dateOfBirth: row.dateOfBirth.toISOString().slice(0, 10),
    placementTestOn: row.placementTestOn?.toISOString().slice(0, 10) ?? null,
    integrationPlanStartsOn: row.integrationPlanStartsOn?.toISOString().slice(0, 10) ?? null,
    integrationPlanEndsOn: row.integrationPlanEndsOn?.toISOString().slice(0, 10) ?? null,
    hasIdentityCode: identityCodeCiphertext !== null,
    identityCodeMasked: identityCodeCiphertext ? maskIdentityCode(decryptIdentityCode(identityCodeCiphertext)) : null,
  };
}

export type PresentedClient = ReturnType<typeof presentClient>;

function isOfficial(actor: Actor): actor is Actor & { organisationId: string } {
  return actor.role === "OFFICIAL" && actor.organisationId !== null;
}

const toDate = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);

export async function registerClient(actor: Actor, data: ClientData): Promise<{ ok: true; client: PresentedClient } | { ok: false; code: "FORBIDDEN" }> {
  if (!isOfficial(actor)) return { ok: false, code: "FORBIDDEN" };
  const { personalIdentityCode, dateOfBirth, placementTestOn, integrationPlanStartsOn, integrationPlanEndsOn, ...rest } = data;
  const client = await db().$transaction(async (tx) => {
    const created = await tx.client.create({
      data: {
        ...rest,
        officeId: actor.organisationId,
        dateOfBirth: toDate(dateOfBirth)!,
        placementTestOn: toDate(placementTestOn),
        integrationPlanStartsOn: toDate(integrationPlanStartsOn),
        integrationPlanEndsOn: toDate(integrationPlanEndsOn),
        identityCodeCiphertext: personalIdentityCode ? encryptIdentityCode(personalIdentityCode) : null,
        identityCodeHmac: personalIdentityCode ? identityCodeHmac(personalIdentityCode) : null,
      },
      select: publicFields,
    });
    await recordAudit(tx, { actorUserId: actor.userId, action: "client.create", entityType: "Client", entityId: created.id, clientId: created.id, organisationId: actor.organisationId });
    return created;
  });
  return { ok: true, client: presentClient(client) };
}

export async function getClient(actor: Actor, clientId: string): Promise<PresentedClient | null> {
  if (!isOfficial(actor) || !/^[0-9a-f-]{36}$/i.test(clientId)) return null;
  const row = await db().client.findFirst({ where: { id: clientId, officeId: actor.organisationId, anonymisedAt: null }, select: publicFields });
  return row ? presentClient(row) : null;
}

/** Name, client number, e-mail or the exact identity code, within the official's office. */
export async function searchClients(actor: Actor, q: string, limit = 50, offset = 0): Promise<PresentedClient[] | null> {
  if (!isOfficial(actor)) return null;
  const term = q.trim();
  const or: Prisma.ClientWhereInput[] = [];
  if (term) {
    or.push({ lastName: { contains: term, mode: "insensitive" } }, { firstName: { contains: term, mode: "insensitive" } }, { email: { equals: term.toLowerCase() } });
    if (/^\d{1,9}$/.test(term)) or.push({ clientNumber: Number(term) });
    if (term.length === 11) or.push({ identityCodeHmac: identityCodeHmac(term) });
  }
  const rows = await db().client.findMany({
    where: { officeId: actor.organisationId, anonymisedAt: null, ...(or.length ? { OR: or } : {}) },
    select: publicFields,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { clientNumber: "asc" }],
    take: Math.min(limit, 200),
    skip: offset,
  });
  return rows.map(presentClient);
}
