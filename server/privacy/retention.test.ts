import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import { encryptIdentityCode, identityCodeHmac } from "../crypto";
import { cancelEnrolment, referClient, staff } from "../enrolment";
import { exportClientData } from "./data-export";
import { anonymiseInactiveClients } from "./retention";
import { formatDate, parseDate } from "../../lib/dates";

const MONTH = 30.5 * 86_400_000;
const code = (n: number) => {
  const digits = `120490${String(n).padStart(3, "0")}`;
  return `120490-${String(n).padStart(3, "0")}${"0123456789ABCDEFHJKLMNPRSTUVWXY"[Number(digits) % 31]}`;
};

/** What reports count, for one office: enrolments per study path, municipality, status and course; clients per field statistics use. */
async function aggregates(officeId: string) {
  const enrolments = await testDb().$queryRaw<unknown[]>`
    SELECT c."studyPath", c.municipality, c."languageLevel", e.status, e."courseId", e."referredAt", e."updatedAt", count(*)::int AS n
    FROM "Enrolment" e JOIN "Client" c ON c.id = e."clientId" WHERE c."officeId" = ${officeId}::uuid
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
  const clients = await testDb().$queryRaw<unknown[]>`
    SELECT "studyPath", municipality, "languageLevel", "preferredLanguage", extract(year FROM "dateOfBirth")::int AS born, "integrationPlanEndsOn", count(*)::int AS n
    FROM "Client" WHERE "officeId" = ${officeId}::uuid GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`;
  const events = await testDb().$queryRaw<unknown[]>`
    SELECT v."toStatus", count(*)::int AS n FROM "EnrolmentEvent" v JOIN "Enrolment" e ON e.id = v."enrolmentId" JOIN "Client" c ON c.id = e."clientId"
    WHERE c."officeId" = ${officeId}::uuid GROUP BY 1 ORDER BY 1`;
  return { enrolments, clients, events };
}

describe("anonymiseInactiveClients", () => {
  it("anonymises exactly the clients inactive past the period, never a live one, and reports do not change", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1);
    const person = (n: number, data: Parameters<typeof makeClient>[1] = {}) =>
      makeClient(w.office.id, {
        municipality: n % 2 ? "Espoo" : "Vantaa",
        languageLevel: "A1_2",
        dateOfBirth: parseDate("1990-04-12"),
        phone: "040 123 4567",
        notes: "Muistiinpano",
        specialNeeds: "Tarve",
        workExperience: "Kokemus",
        highestEducation: "Koulutus",
        assessedBy: "Monialainen arviointi",
        identityCodeCiphertext: encryptIdentityCode(code(n)),
        identityCodeHmac: identityCodeHmac(code(n)),
        ...data,
      });
    const seated = await person(1); // OFFERED: live
    const queued = await person(2); // WAITLISTED: live
    const cancelled = await person(3); // CANCELLED: not live, old → anonymised
    const never = await person(4); // no enrolment, old → anonymised
    const recent = await person(5); // no enrolment, changed recently → kept
    const planRuns = await person(6, { integrationPlanEndsOn: new Date(Date.now() + 30 * MONTH) }); // plan still running → kept

    for (const c of [seated, queued, cancelled]) {
      expect(await referClient({ actor: staff(w.official), clientId: c.id, courseId: course.id, note: "Lähete" })).toMatchObject({ ok: true });
    }
    const cancelledEnrolment = await testDb().enrolment.findFirstOrThrow({ where: { clientId: cancelled.id } });
    expect(await cancelEnrolment({ actor: staff(w.official), enrolmentId: cancelledEnrolment.id, reason: "Muutti" })).toMatchObject({ ok: true });
    const cancelledAt = (await testDb().enrolment.findUniqueOrThrow({ where: { id: cancelledEnrolment.id } })).updatedAt;
    const later = new Date(Date.now() + 25 * MONTH);
    await testDb().$executeRaw`UPDATE "Client" SET "updatedAt" = ${new Date(later.getTime() - 2 * MONTH)} WHERE id = ${recent.id}::uuid`;
    await testDb().outboxMessage.create({
      data: { template: "client/referral_received", messageId: `<${cancelled.id}@test>`, locale: "fi", recipientEmail: cancelled.email!, clientId: cancelled.id, payload: { courseName: course.name, firstName: cancelled.firstName } },
    });

    const before = await aggregates(w.office.id);
    const scope = { retentionMonths: 24, onlyOfficeIds: [w.office.id] };
    // Not yet: 23 months on, nobody is past the period.
    expect(await anonymiseInactiveClients({ ...scope, now: new Date(Date.now() + 23 * MONTH) })).toEqual({ anonymised: 0, clientIds: [] });

    const result = await anonymiseInactiveClients({ ...scope, now: later });
    expect(result.clientIds.sort()).toEqual([cancelled.id, never.id].sort());

    for (const id of [cancelled.id, never.id]) {
      const row = await testDb().client.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        firstName: "", lastName: "", email: null, phone: null, identityCodeCiphertext: null, identityCodeHmac: null,
        notes: null, specialNeeds: null, workExperience: null, highestEducation: null, assessedBy: null, anonymisedAt: later,
        studyPath: "BASIC", languageLevel: "A1_2", officeId: w.office.id,
      });
      expect(formatDate(row.dateOfBirth)).toBe("1990-01-01");
      expect(row.municipality).toMatch(/^(Espoo|Vantaa)$/);
      expect(await testDb().auditEvent.count({ where: { action: "client.anonymised", clientId: id } })).toBe(1);
    }
    const enrolment = await testDb().enrolment.findUniqueOrThrow({ where: { id: cancelledEnrolment.id } });
    expect(enrolment).toMatchObject({ status: "CANCELLED", referralNote: null, statusReason: null, updatedAt: cancelledAt });
    const mails = await testDb().outboxMessage.findMany({ where: { clientId: cancelled.id } });
    expect(mails.length).toBeGreaterThan(0);
    expect(JSON.stringify(mails)).not.toContain(cancelled.email!);
    expect(JSON.stringify(mails)).not.toContain(cancelled.lastName);

    for (const kept of [seated, queued, recent, planRuns]) {
      expect(await testDb().client.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ lastName: kept.lastName, anonymisedAt: null, identityCodeHmac: kept.identityCodeHmac });
    }

    // Reports: the same counts by study path, municipality, language level, status, course and date.
    const after = await aggregates(w.office.id);
    expect(after).toEqual(before);

    // A second run finds nothing; an anonymised client is gone from the official's view and export.
    expect(await anonymiseInactiveClients({ ...scope, now: later })).toEqual({ anonymised: 0, clientIds: [] });
    expect(await exportClientData(w.official, never.id, "json")).toBeNull();
    expect(await testDb().client.count({ where: { identityCodeHmac: identityCodeHmac(code(4)) } })).toBe(0);
  });

  it("refuses a period under a month", async () => {
    await expect(anonymiseInactiveClients({ retentionMonths: 0, onlyOfficeIds: [] })).rejects.toThrow(/retentionMonths/);
  });
});
