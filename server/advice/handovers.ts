import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import { isUuid } from "../enrolment/types";
import { AUTHORITY_TYPES } from "../../lib/organisations";
import type { HandoverData } from "../../lib/schemas/handover";

// Hand-over: with the visitor's recorded consent, an adviser passes a person to an employment
// authority or municipal integration services "for an assessment of skills and integration
// service needs". The office's officials see it as a lead on their home page and either register
// the person as a client (the form is pre-filled) or close the lead with a reason. The adviser
// sees only which of the two happened; officials of other offices see nothing. Every step is
// audited. The contact details are deleted after the retention period (purgeHandoverContacts);
// the row, its office and its outcome stay.

export type HandoverFailure = "NOT_FOUND" | "ALREADY_HANDED_OVER" | "NOT_OPEN";
type Result<T> = ({ ok: true } & T) | { ok: false; code: HandoverFailure };

const isAdviser = (actor: Actor): actor is Actor & { organisationId: string } => actor.role === "ADVISER" && actor.organisationId !== null;
const isOfficial = (actor: Actor): actor is Actor & { organisationId: string } => actor.role === "OFFICIAL" && actor.organisationId !== null;

/** The offices an adviser may hand a person over to. */
export async function handoverTargets(actor: Actor): Promise<{ id: string; name: string; municipality: string }[]> {
  if (!isAdviser(actor)) return [];
  return db().organisation.findMany({ where: { type: { in: [...AUTHORITY_TYPES] } }, select: { id: true, name: true, municipality: true }, orderBy: [{ municipality: "asc" }, { name: "asc" }] });
}

/** A visit of the adviser's own point, and whether it was handed over already; null for anyone else's. */
export async function visitForHandover(actor: Actor, visitId: string): Promise<{ id: string; handedOver: boolean } | null> {
  if (!isAdviser(actor) || !isUuid(visitId)) return null;
  const visit = await db().adviceVisit.findFirst({ where: { id: visitId, advicePointId: actor.organisationId }, select: { id: true, handover: { select: { id: true } } } });
  return visit ? { id: visit.id, handedOver: visit.handover !== null } : null;
}

/** Records the hand-over of a visit of the adviser's own point; one per visit. */
export async function handOver(actor: Actor, data: HandoverData, now = new Date()): Promise<Result<{ id: string }>> {
  if (!isAdviser(actor)) return { ok: false, code: "NOT_FOUND" };
  const visit = await visitForHandover(actor, data.visitId);
  if (!visit) return { ok: false, code: "NOT_FOUND" };
  if (visit.handedOver) return { ok: false, code: "ALREADY_HANDED_OVER" };
  const office = await db().organisation.findFirst({ where: { id: data.officeId, type: { in: [...AUTHORITY_TYPES] } }, select: { id: true } });
  if (!office) return { ok: false, code: "NOT_FOUND" };
  const { consent: _consent, visitId, officeId, ...contact } = data;
  void _consent;
  try {
    const created = await db().$transaction(async (tx) => {
      const row = await tx.handover.create({
        data: { ...contact, visitId, officeId, advicePointId: actor.organisationId, adviserId: actor.userId, consentAt: now },
        select: { id: true },
      });
      // Who gave what to whom; the contact details themselves stay out of the audit log.
      await recordAudit(tx, { actorUserId: actor.userId, action: "handoverLead.create", entityType: "Handover", entityId: row.id, organisationId: actor.organisationId, details: { visitId, officeId, consentAt: now.toISOString(), fields: Object.keys(contact).filter((k) => contact[k as keyof typeof contact] !== null) } });
      return row;
    });
    return { ok: true, id: created.id };
  } catch (error) {
    // Two advisers handing the same visit over at once: the unique visitId decides.
    if ((error as { code?: string }).code === "P2002") return { ok: false, code: "ALREADY_HANDED_OVER" };
    throw error;
  }
}

/** The adviser's view of their point's hand-overs: to whom, when, and what became of it; nothing about the client. */
export async function handoversOfPoint(actor: Actor, limit = 50) {
  if (!isAdviser(actor)) return [];
  return db().handover.findMany({
    where: { advicePointId: actor.organisationId },
    select: { id: true, visitId: true, createdAt: true, status: true, resolvedAt: true, office: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
}

const leadFields = {
  id: true, createdAt: true, firstName: true, lastName: true, email: true, phone: true, preferredLanguage: true, note: true,
  advicePoint: { select: { name: true } },
  visit: { select: { languages: true, topics: { select: { topic: { select: { labelFi: true, labelSv: true, labelEn: true } } } } } },
} as const;

/** Open leads for the official's office, newest first. */
export async function openLeads(actor: Actor) {
  if (!isOfficial(actor)) return [];
  return db().handover.findMany({ where: { officeId: actor.organisationId, status: "OPEN", contactDeletedAt: null }, select: leadFields, orderBy: { createdAt: "desc" }, take: 100 });
}

/** One open lead of the official's office (to pre-fill the client form), or null. */
export async function openLead(actor: Actor, leadId: string) {
  if (!isOfficial(actor) || !isUuid(leadId)) return null;
  return db().handover.findFirst({ where: { id: leadId, officeId: actor.organisationId, status: "OPEN", contactDeletedAt: null }, select: leadFields });
}

/** The official closes a lead they will not register, with a reason. */
export async function closeLead(actor: Actor, leadId: string, reason: string, now = new Date()): Promise<Result<object>> {
  return resolveLead(actor, leadId, now, { status: "CLOSED", closedReason: reason }, "handoverLead.close", { reason });
}

/** The lead became a client of the office (called in the same request that registered them). */
export async function markLeadRegistered(actor: Actor, leadId: string, clientId: string, now = new Date()): Promise<Result<object>> {
  return resolveLead(actor, leadId, now, { status: "REGISTERED", clientId }, "handoverLead.register", { clientId });
}

async function resolveLead(
  actor: Actor,
  leadId: string,
  now: Date,
  change: { status: "CLOSED"; closedReason: string } | { status: "REGISTERED"; clientId: string },
  action: string,
  details: Record<string, string>,
): Promise<Result<object>> {
  if (!isOfficial(actor) || !isUuid(leadId)) return { ok: false, code: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    // Only an open lead of the caller's own office moves, once (the WHERE is the guard).
    const moved = await tx.handover.updateMany({ where: { id: leadId, officeId: actor.organisationId, status: "OPEN" }, data: { ...change, resolvedAt: now, resolvedById: actor.userId } });
    if (moved.count === 0) {
      const exists = await tx.handover.count({ where: { id: leadId, officeId: actor.organisationId } });
      return { ok: false as const, code: exists ? ("NOT_OPEN" as const) : ("NOT_FOUND" as const) };
    }
    await recordAudit(tx, { actorUserId: actor.userId, action, entityType: "Handover", entityId: leadId, organisationId: actor.organisationId, ...("clientId" in change ? { clientId: change.clientId } : {}), details });
    return { ok: true as const };
  });
}

/**
 * Storage limitation: the contact details of hand-overs made more than `retentionMonths` ago are
 * deleted, and a lead still open by then is closed. The visit and the hand-over's office, dates
 * and outcome stay, so the statistics do not change. Safe to run in several instances at once.
 */
export async function purgeHandoverContacts(input: { now?: Date; retentionMonths: number }): Promise<number> {
  const now = input.now ?? new Date();
  const months = Math.trunc(input.retentionMonths);
  if (!(months >= 1)) throw new Error(`retentionMonths must be at least 1, got ${input.retentionMonths}`);
  return db().$executeRaw`
    UPDATE "Handover" SET
      "firstName" = NULL, "lastName" = NULL, email = NULL, phone = NULL, note = NULL, "preferredLanguage" = NULL,
      status = CASE WHEN status = 'OPEN' THEN 'CLOSED'::"HandoverStatus" ELSE status END,
      "closedReason" = CASE WHEN status = 'OPEN' THEN 'Retention period ended' ELSE "closedReason" END,
      "resolvedAt" = COALESCE("resolvedAt", ${now}::timestamptz),
      "contactDeletedAt" = ${now}::timestamptz, "updatedAt" = ${now}::timestamptz
    WHERE "contactDeletedAt" IS NULL AND "createdAt" < ${now}::timestamptz - make_interval(months => ${months})`;
}
