import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import { encryptIdentityCode, identityCodeHmac } from "../crypto";
import { referClient, staff } from "../enrolment";
import { exportClientData } from "./data-export";

const CODE = "131052-308T";

describe("exportClientData (subject-access request)", () => {
  it("gives the client's office everything held on the client, identity code in full, e-mails without links, and audits it", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1);
    const client = await makeClient(w.office.id, { notes: "Muistiinpano", identityCodeCiphertext: encryptIdentityCode(CODE), identityCodeHmac: identityCodeHmac(CODE) });
    await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id, note: "Huomio järjestäjälle" });
    await testDb().outboxMessage.create({
      data: { template: "client/seat_offered", messageId: `<${client.id}-x@test>`, locale: "fi", recipientEmail: client.email!, clientId: client.id, payload: { courseName: course.name, selfServiceToken: "secret-token", link: "http://x/o/secret" } },
    });

    const data = await exportClientData(w.official, client.id, "json");
    expect(data).not.toBeNull();
    expect(data!.client).toMatchObject({ identityCode: CODE, lastName: client.lastName, email: client.email, notes: "Muistiinpano" });
    expect(data!.office.name).toBe((await testDb().organisation.findUniqueOrThrow({ where: { id: w.office.id } })).name);
    expect(data!.enrolments).toHaveLength(1);
    expect(data!.enrolments[0]).toMatchObject({ status: "OFFERED", referralNote: "Huomio järjestäjälle", course: { name: course.name } });
    expect(data!.enrolments[0]!.events.map((e) => e.toStatus)).toEqual(["OFFERED"]);
    expect(data!.emails.map((m) => m.template)).toContain("client/seat_offered");
    expect(JSON.stringify(data!.emails)).not.toMatch(/secret/);
    expect(JSON.stringify(data)).not.toContain("identityCodeHmac");

    const audits = await testDb().auditEvent.findMany({ where: { clientId: client.id, action: "client.data_exported" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: w.official.userId, organisationId: w.office.id, details: { format: "json" } });
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(CODE);
  });

  it("is nothing (404) for another office's official and for provider staff, and is not audited then", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const client = await makeClient(w.office.id);
    expect(await exportClientData(other.official, client.id, "html")).toBeNull();
    expect(await exportClientData(w.providerStaff, client.id, "html")).toBeNull();
    expect(await exportClientData(w.official, "not-a-uuid", "html")).toBeNull();
    expect(await testDb().auditEvent.count({ where: { clientId: client.id, action: "client.data_exported" } })).toBe(0);
  });
});
