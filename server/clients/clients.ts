import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { decryptIdentityCode, encryptIdentityCode, identityCodeHmac } from "../crypto";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { defaultIntegrationPlanEnd, type ClientData } from "../../lib/schemas/client";
import { maskIdentityCode, parseIdentityCode } from "../../lib/identity-code";
import type { PossibleDuplicate } from "../../lib/action-results";
import { formatDate, parseDate } from "../../lib/dates";

// Clients belong to one office (an employment authority or a municipality's integration services);
// only that office's officials see or change them.

const publicFields = {
  id: true, clientNumber: true, officeId: true, firstName: true, lastName: true, dateOfBirth: true, email: true, phone: true,
  municipality: true, preferredLanguage: true, nativeLanguage: true, interpreterNeeded: true, literacy: true, yearsOfSchooling: true,
  highestEducation: true, workExperience: true, languageLevel: true, placementTestOn: true, studyPath: true,
  integrationPlanStartsOn: true, integrationPlanEndsOn: true, assessedOn: true, assessedBy: true, inIntegrationProgramme: true, needsChildcare: true, needsAccessibility: true, eveningOnly: true,
  specialNeeds: true, notes: true, createdAt: true, updatedAt: true, identityCodeCiphertext: true,
} satisfies Prisma.ClientSelect;

type ClientRow = Prisma.ClientGetPayload<{ select: typeof publicFields }>;

/** What leaves the server: the identity code only masked, never whole. */
export function presentClient(row: ClientRow) {
  const { identityCodeCiphertext, ...rest } = row;
  return {
    ...rest,
    dateOfBirth: formatDate(row.dateOfBirth),
    placementTestOn: formatDate(row.placementTestOn),
    integrationPlanStartsOn: formatDate(row.integrationPlanStartsOn),
    integrationPlanEndsOn: formatDate(row.integrationPlanEndsOn),
    assessedOn: formatDate(row.assessedOn),
    hasIdentityCode: identityCodeCiphertext !== null,
    identityCodeMasked: identityCodeCiphertext ? maskIdentityCode(decryptIdentityCode(identityCodeCiphertext)) : null,
  };
}

export type PresentedClient = ReturnType<typeof presentClient>;

function isOfficial(actor: Actor): actor is Actor & { organisationId: string } {
  return actor.role === "OFFICIAL" && actor.organisationId !== null;
}

const toDate = (d: string | null | undefined) => (d ? parseDate(d) : null);

/** The dated fields as the database stores them; a plan with a start and no end runs the default two years. */
function dates(data: Pick<ClientData, "dateOfBirth" | "placementTestOn" | "assessedOn" | "integrationPlanStartsOn" | "integrationPlanEndsOn">) {
  const { dateOfBirth, placementTestOn, assessedOn, integrationPlanStartsOn, integrationPlanEndsOn } = data;
  return {
    dateOfBirth: parseDate(dateOfBirth),
    placementTestOn: toDate(placementTestOn),
    assessedOn: toDate(assessedOn),
    integrationPlanStartsOn: toDate(integrationPlanStartsOn),
    integrationPlanEndsOn: toDate(integrationPlanEndsOn ?? (integrationPlanStartsOn ? defaultIntegrationPlanEnd(integrationPlanStartsOn) : null)),
  };
}

export async function registerClient(actor: Actor, data: ClientData): Promise<{ ok: true; client: PresentedClient } | { ok: false; code: "FORBIDDEN" }> {
  if (!isOfficial(actor)) return { ok: false, code: "FORBIDDEN" };
  const { personalIdentityCode, dateOfBirth, placementTestOn, assessedOn, integrationPlanStartsOn, integrationPlanEndsOn, ...rest } = data;
  const client = await db().$transaction(async (tx) => {
    const created = await tx.client.create({
      data: {
        ...rest,
        officeId: actor.organisationId,
        ...dates({ dateOfBirth, placementTestOn, assessedOn, integrationPlanStartsOn, integrationPlanEndsOn }),
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

export type { PossibleDuplicate };

/**
 * Clients of the official's own office that may be the same person: the same identity code, or the
 * same name and date of birth. Other offices' clients are never reported (their existence is not ours to reveal).
 */
export async function findPossibleDuplicates(
  actor: Actor,
  data: Pick<ClientData, "firstName" | "lastName" | "dateOfBirth" | "personalIdentityCode">,
  exceptClientId?: string,
): Promise<PossibleDuplicate[]> {
  if (!isOfficial(actor)) return [];
  const hmac = data.personalIdentityCode ? identityCodeHmac(data.personalIdentityCode) : null;
  const rows = await db().client.findMany({
    where: {
      officeId: actor.organisationId,
      anonymisedAt: null,
      ...(exceptClientId ? { id: { not: exceptClientId } } : {}),
      OR: [
        ...(hmac ? [{ identityCodeHmac: hmac }] : []),
        {
          dateOfBirth: toDate(data.dateOfBirth)!,
          firstName: { equals: data.firstName.trim(), mode: "insensitive" as const },
          lastName: { equals: data.lastName.trim(), mode: "insensitive" as const },
        },
      ],
    },
    select: { id: true, clientNumber: true, firstName: true, lastName: true, dateOfBirth: true, identityCodeHmac: true },
    orderBy: { clientNumber: "asc" },
    take: 10,
  });
  return rows.map((r) => ({
    id: r.id,
    clientNumber: r.clientNumber,
    firstName: r.firstName,
    lastName: r.lastName,
    dateOfBirth: formatDate(r.dateOfBirth),
    match: hmac && r.identityCodeHmac === hmac ? "IDENTITY_CODE" : "NAME_AND_BIRTH_DATE",
  }));
}

export type UpdateClientResult =
  | { ok: true; client: PresentedClient }
  | { ok: false; code: "NOT_FOUND" | "IDENTITY_CODE_DATE_MISMATCH" };

/**
 * Changes a client of the official's own office. An empty identity code keeps the stored one
 * (the browser never holds the whole code); `removeIdentityCode` clears it. A kept code must
 * still match a changed date of birth.
 */
export async function updateClient(
  actor: Actor,
  clientId: string,
  data: ClientData,
  options: { removeIdentityCode?: boolean } = {},
): Promise<UpdateClientResult> {
  if (!isOfficial(actor) || !/^[0-9a-f-]{36}$/i.test(clientId)) return { ok: false, code: "NOT_FOUND" };
  const officeId = actor.organisationId;
  const { personalIdentityCode, dateOfBirth, placementTestOn, assessedOn, integrationPlanStartsOn, integrationPlanEndsOn, ...rest } = data;
  return db().$transaction(async (tx) => {
    const existing = await tx.client.findFirst({ where: { id: clientId, officeId, anonymisedAt: null }, select: { id: true, identityCodeCiphertext: true } });
    if (!existing) return { ok: false as const, code: "NOT_FOUND" as const };
    const identity: Prisma.ClientUpdateInput = personalIdentityCode
      ? { identityCodeCiphertext: encryptIdentityCode(personalIdentityCode), identityCodeHmac: identityCodeHmac(personalIdentityCode) }
      : options.removeIdentityCode
        ? { identityCodeCiphertext: null, identityCodeHmac: null }
        : {};
    if (!personalIdentityCode && !options.removeIdentityCode && existing.identityCodeCiphertext) {
      const kept = parseIdentityCode(decryptIdentityCode(existing.identityCodeCiphertext));
      if (kept.ok && kept.value.dateOfBirth !== dateOfBirth) return { ok: false as const, code: "IDENTITY_CODE_DATE_MISMATCH" as const };
    }
    const updated = await tx.client.update({
      where: { id: clientId },
      data: {
        ...rest,
        ...identity,
        ...dates({ dateOfBirth, placementTestOn, assessedOn, integrationPlanStartsOn, integrationPlanEndsOn }),
      },
      select: publicFields,
    });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      action: "client.update",
      entityType: "Client",
      entityId: clientId,
      clientId,
      organisationId: officeId,
      details: { fields: Object.keys(rest).concat(Object.keys(identity).length ? ["identityCode"] : []) },
    });
    return { ok: true as const, client: presentClient(updated) };
  });
}

/** The whole identity code of one of the office's clients; every view is an audit event. */
export async function revealIdentityCode(actor: Actor, clientId: string): Promise<string | null> {
  if (!isOfficial(actor) || !/^[0-9a-f-]{36}$/i.test(clientId)) return null;
  const row = await db().client.findFirst({ where: { id: clientId, officeId: actor.organisationId, anonymisedAt: null }, select: { identityCodeCiphertext: true } });
  if (!row?.identityCodeCiphertext) return null;
  await recordAudit(db(), { actorUserId: actor.userId, action: "client.identityCode.view", entityType: "Client", entityId: clientId, clientId, organisationId: actor.organisationId });
  return decryptIdentityCode(row.identityCodeCiphertext);
}
