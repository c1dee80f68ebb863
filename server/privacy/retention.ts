import "server-only";
import { db } from "../db/client";
import { LIVE_STATUSES } from "../enrolment/states";

// Storage limitation (GDPR art. 5(1)(e)): a client with no live enrolment whose last activity is
// older than the retention period is anonymised. What identifies the person goes: names, identity
// code (ciphertext and search HMAC), e-mail, phone, free texts and notes (who made the assessment
// too), the day and month of birth, and the addresses and texts of the e-mails sent to them. What
// statistics count stays: the client row itself (office, study path, municipality, language level,
// languages, schooling years, needs, plan and assessment dates, the integration programme, birth
// year), every enrolment with its statuses and dates, and the events. Enrolment rows are changed in
// raw SQL without touching "updatedAt", so reports by date do not move. Enrolment events and the
// audit log are append-only (database triggers) and are kept as they are: their reasons are written
// by staff, who are told not to put identifying details there.
//
// Last activity: the latest of the client's own change, any of their enrolments' changes or
// events, and the end of their integration plan (a plan still running is activity).

const BATCH = 200;

export interface AnonymiseResult {
  anonymised: number;
  clientIds: string[];
}

/**
 * Anonymises the clients inactive for longer than `retentionMonths` before `now`; safe to run in
 * several instances at once (rows are taken with SKIP LOCKED). `onlyOfficeIds` confines it (tests
 * share one database).
 */
export async function anonymiseInactiveClients(input: { now?: Date; retentionMonths: number; onlyOfficeIds?: string[] }): Promise<AnonymiseResult> {
  const now = input.now ?? new Date();
  const months = Math.trunc(input.retentionMonths);
  if (!(months >= 1)) throw new Error(`retentionMonths must be at least 1, got ${input.retentionMonths}`);
  const offices = input.onlyOfficeIds ?? null;
  const live = [...LIVE_STATUSES];
  const clientIds: string[] = [];
  for (;;) {
    const batch = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; officeId: string }[]>`
        SELECT c.id, c."officeId" FROM "Client" c
        WHERE c."anonymisedAt" IS NULL
          AND (${offices}::uuid[] IS NULL OR c."officeId" = ANY(${offices}::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND e.status::text = ANY(${live}::text[]))
          AND greatest(
                c."updatedAt",
                c."integrationPlanEndsOn"::timestamptz,
                (SELECT max(e."updatedAt") FROM "Enrolment" e WHERE e."clientId" = c.id),
                (SELECT max(v.at) FROM "EnrolmentEvent" v JOIN "Enrolment" e ON e.id = v."enrolmentId" WHERE e."clientId" = c.id)
              ) < ${now}::timestamptz - make_interval(months => ${months})
        ORDER BY c.id
        LIMIT ${BATCH}
        FOR UPDATE OF c SKIP LOCKED`;
      if (rows.length === 0) return rows;
      const ids = rows.map((r) => r.id);
      await tx.$executeRaw`
        UPDATE "Client" SET
          "firstName" = '', "lastName" = '',
          "dateOfBirth" = date_trunc('year', "dateOfBirth")::date,
          "identityCodeCiphertext" = NULL, "identityCodeHmac" = NULL,
          email = NULL, phone = NULL,
          "highestEducation" = NULL, "workExperience" = NULL, "specialNeeds" = NULL, notes = NULL, "assessedBy" = NULL,
          "anonymisedAt" = ${now}, "updatedAt" = ${now}
        WHERE id = ANY(${ids}::uuid[])`;
      // Free texts on the enrolments; an urgent one must keep a reason (CHECK), so it gets a dash.
      await tx.$executeRaw`
        UPDATE "Enrolment" SET
          "referralNote" = NULL, "statusReason" = NULL,
          "priorityReason" = CASE WHEN priority = 'URGENT' THEN '-' ELSE NULL END
        WHERE "clientId" = ANY(${ids}::uuid[])`;
      await tx.$executeRaw`
        UPDATE "OutboxMessage" SET "recipientEmail" = '', payload = '{}'::jsonb, "lastError" = NULL, "smtpResponse" = NULL
        WHERE "clientId" = ANY(${ids}::uuid[]) AND template LIKE 'client/%'`;
      await tx.auditEvent.createMany({
        data: rows.map((r) => ({
          action: "client.anonymised",
          entityType: "Client",
          entityId: r.id,
          clientId: r.id,
          organisationId: r.officeId,
          details: { retentionMonths: months },
        })),
      });
      return rows;
    });
    clientIds.push(...batch.map((r) => r.id));
    if (batch.length < BATCH) break;
  }
  return { anonymised: clientIds.length, clientIds };
}
