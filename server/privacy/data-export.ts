import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { decryptIdentityCode } from "../crypto";
import { db } from "../db/client";
import type { ActorKind, EnrolmentStatus, OutboxStatus, QueuePriority } from "../db/generated/enums";
import { formatDate } from "../../lib/dates";

// A subject-access request (GDPR art. 15): everything the service holds on one client, for an
// official of the client's office to hand over. The identity code is in full: it is the subject's
// own data. E-mails are listed with what they said, never with the personal link's token (tokens
// are not stored; anything link-like in a payload is left out). Every export is an audit event.

export interface ClientDataExport {
  generatedAt: string;
  office: { name: string; email: string | null; phone: string | null };
  client: {
    clientNumber: number;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    identityCode: string | null;
    email: string | null;
    phone: string | null;
    municipality: string | null;
    preferredLanguage: string;
    nativeLanguage: string | null;
    interpreterNeeded: boolean;
    literacy: string | null;
    yearsOfSchooling: number | null;
    highestEducation: string | null;
    workExperience: string | null;
    languageLevel: string | null;
    placementTestOn: string | null;
    studyPath: string;
    integrationPlanStartsOn: string | null;
    integrationPlanEndsOn: string | null;
    assessedOn: string | null;
    assessedBy: string | null;
    inIntegrationProgramme: boolean;
    needsChildcare: boolean;
    needsAccessibility: boolean;
    eveningOnly: boolean;
    specialNeeds: string | null;
    notes: string | null;
    createdAt: string;
    updatedAt: string;
  };
  enrolments: {
    course: { name: string; provider: string; municipality: string; startsOn: string; endsOn: string };
    status: EnrolmentStatus;
    priority: QueuePriority;
    priorityReason: string | null;
    referredAt: string;
    referralNote: string | null;
    offeredAt: string | null;
    offerExpiresAt: string | null;
    confirmedAt: string | null;
    startedAt: string | null;
    endedAt: string | null;
    statusReason: string | null;
    events: { at: string; actorKind: ActorKind; fromStatus: EnrolmentStatus | null; toStatus: EnrolmentStatus; reason: string | null }[];
  }[];
  emails: { createdAt: string; sentAt: string | null; template: string; language: string; to: string; status: OutboxStatus; content: Record<string, unknown> }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Drops anything that could be (or lead to) a personal link from an e-mail's payload. */
function withoutLinks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLinks);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !/token|link|url|href/i.test(k)).map(([k, v]) => [k, withoutLinks(v)]));
  }
  return value;
}

/** The client's data, or null when the actor is not an official of the client's office (404). */
export async function exportClientData(actor: Actor, clientId: string, format: "json" | "html", now = new Date()): Promise<ClientDataExport | null> {
  if (actor.role !== "OFFICIAL" || !actor.organisationId || !/^[0-9a-f-]{36}$/i.test(clientId)) return null;
  const client = await db().client.findFirst({
    where: { id: clientId, officeId: actor.organisationId, anonymisedAt: null },
    include: { office: { select: { name: true, email: true, phone: true } } },
  });
  if (!client) return null;
  const [enrolments, emails] = await Promise.all([
    db().enrolment.findMany({
      where: { clientId },
      orderBy: [{ referredAt: "asc" }, { id: "asc" }],
      include: {
        course: { select: { name: true, municipality: true, startsOn: true, endsOn: true, provider: { select: { name: true } } } },
        events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { at: true, actorKind: true, fromStatus: true, toStatus: true, reason: true } },
      },
    }),
    db().outboxMessage.findMany({
      where: { clientId, template: { startsWith: "client/" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { createdAt: true, sentAt: true, template: true, locale: true, recipientEmail: true, status: true, payload: true },
    }),
  ]);
  await recordAudit(db(), {
    actorUserId: actor.userId,
    action: "client.data_exported",
    entityType: "Client",
    entityId: clientId,
    clientId,
    organisationId: actor.organisationId,
    details: { format },
  });
  return {
    generatedAt: now.toISOString(),
    office: client.office,
    client: {
      clientNumber: client.clientNumber,
      firstName: client.firstName,
      lastName: client.lastName,
      dateOfBirth: formatDate(client.dateOfBirth),
      identityCode: client.identityCodeCiphertext ? decryptIdentityCode(client.identityCodeCiphertext) : null,
      email: client.email,
      phone: client.phone,
      municipality: client.municipality,
      preferredLanguage: client.preferredLanguage,
      nativeLanguage: client.nativeLanguage,
      interpreterNeeded: client.interpreterNeeded,
      literacy: client.literacy,
      yearsOfSchooling: client.yearsOfSchooling,
      highestEducation: client.highestEducation,
      workExperience: client.workExperience,
      languageLevel: client.languageLevel,
      placementTestOn: formatDate(client.placementTestOn),
      studyPath: client.studyPath,
      integrationPlanStartsOn: formatDate(client.integrationPlanStartsOn),
      integrationPlanEndsOn: formatDate(client.integrationPlanEndsOn),
      assessedOn: formatDate(client.assessedOn),
      assessedBy: client.assessedBy,
      inIntegrationProgramme: client.inIntegrationProgramme,
      needsChildcare: client.needsChildcare,
      needsAccessibility: client.needsAccessibility,
      eveningOnly: client.eveningOnly,
      specialNeeds: client.specialNeeds,
      notes: client.notes,
      createdAt: client.createdAt.toISOString(),
      updatedAt: client.updatedAt.toISOString(),
    },
    enrolments: enrolments.map((e) => ({
      course: { name: e.course.name, provider: e.course.provider.name, municipality: e.course.municipality, startsOn: formatDate(e.course.startsOn), endsOn: formatDate(e.course.endsOn) },
      status: e.status,
      priority: e.priority,
      priorityReason: e.priorityReason,
      referredAt: e.referredAt.toISOString(),
      referralNote: e.referralNote,
      offeredAt: iso(e.offeredAt),
      offerExpiresAt: iso(e.offerExpiresAt),
      confirmedAt: iso(e.confirmedAt),
      startedAt: iso(e.startedAt),
      endedAt: iso(e.endedAt),
      statusReason: e.statusReason,
      events: e.events.map((v) => ({ at: v.at.toISOString(), actorKind: v.actorKind, fromStatus: v.fromStatus, toStatus: v.toStatus, reason: v.reason })),
    })),
    emails: emails.map((m) => ({
      createdAt: m.createdAt.toISOString(),
      sentAt: iso(m.sentAt),
      template: m.template,
      language: m.locale,
      to: m.recipientEmail,
      status: m.status,
      content: withoutLinks(m.payload) as Record<string, unknown>,
    })),
  };
}
