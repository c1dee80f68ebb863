import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeOrganisation, makeUser } from "../testing/factories";
import { handoverSchema } from "../../lib/schemas/handover";
import { closeLead, handOver, handoversOfPoint, handoverTargets, markLeadRegistered, openLead, openLeads, purgeHandoverContacts } from "./handovers";

const actorOf = (u: { id: string; email: string; name: string; role: Actor["role"]; organisationId: string | null }): Actor => ({ userId: u.id, email: u.email, name: u.name, role: u.role, organisationId: u.organisationId, organisationName: "Test" });

async function point() {
  const p = await testDb().organisation.create({ data: { type: "ADVICE_POINT", operator: "NGO", name: `Neuvontapiste ${uniqueSuffix()}`, municipality: "Vantaa" } });
  return { point: p, adviser: actorOf(await makeUser("ADVISER", { organisationId: p.id })) };
}

async function office(type: "EMPLOYMENT_AUTHORITY" | "INTEGRATION_SERVICES" = "EMPLOYMENT_AUTHORITY") {
  const o = type === "EMPLOYMENT_AUTHORITY" ? await makeOrganisation() : await testDb().organisation.create({ data: { type, name: `Kotoutumispalvelut ${uniqueSuffix()}`, municipality: "Espoo" } });
  return { office: o, official: actorOf(await makeUser("OFFICIAL", { organisationId: o.id })) };
}

async function visit(advicePointId: string) {
  const housing = await testDb().visitListEntry.findFirstOrThrow({ where: { kind: "TOPIC", code: "housing" } });
  return testDb().adviceVisit.create({
    data: { advicePointId, occurredAt: new Date(), channel: "WALK_IN", languages: ["ar", "fi"], outcome: "REFERRED", topics: { create: [{ topicId: housing.id }] } },
  });
}

const contact = (visitId: string, officeId: string) =>
  handoverSchema.parse({ visitId, officeId, consent: true, firstName: "Amal", lastName: "Haddad", phone: "+358 40 765 4321", preferredLanguage: "ar", note: "Tarvitsee arvion, puhuu arabiaa." });

describe("hand-over to an authority", () => {
  it("needs the visitor's consent and a way to reach them", () => {
    const ids = { visitId: crypto.randomUUID(), officeId: crypto.randomUUID() };
    expect(handoverSchema.safeParse({ ...ids, phone: "040 1" }).error?.issues[0]?.message).toBe("handover.validation.consent");
    expect(handoverSchema.safeParse({ ...ids, consent: true, firstName: "Amal" }).error?.issues[0]).toMatchObject({ path: ["phone"], message: "handover.validation.contact" });
  });

  it("becomes a lead for that office's officials only, and the adviser sees what became of it", async () => {
    const a = await point();
    const target = await office("INTEGRATION_SERVICES");
    const other = await office();
    const v = await visit(a.point.id);

    expect((await handoverTargets(a.adviser)).map((o) => o.id)).toEqual(expect.arrayContaining([target.office.id, other.office.id]));
    const made = await handOver(a.adviser, contact(v.id, target.office.id));
    expect(made).toMatchObject({ ok: true });
    const id = (made as { id: string }).id;

    const leads = await openLeads(target.official);
    expect(leads.map((l) => l.id)).toContain(id);
    expect(leads.find((l) => l.id === id)).toMatchObject({ firstName: "Amal", phone: "+358 40 765 4321", preferredLanguage: "ar", visit: { languages: ["ar", "fi"], topics: [{ topic: { labelEn: "Housing" } }] } });
    expect((await openLeads(other.official)).map((l) => l.id)).not.toContain(id);
    expect(await openLead(other.official, id)).toBeNull();
    expect(await closeLead(other.official, id, "Ei meidän")).toEqual({ ok: false, code: "NOT_FOUND" });

    const client = await testDb().client.create({ data: { officeId: target.office.id, firstName: "Amal", lastName: "Haddad", dateOfBirth: new Date("1990-01-01"), studyPath: "BASIC" } });
    expect(await markLeadRegistered(target.official, id, client.id)).toEqual({ ok: true });
    expect(await closeLead(target.official, id, "Myöhässä")).toEqual({ ok: false, code: "NOT_OPEN" });
    expect(await openLeads(target.official)).not.toContainEqual(expect.objectContaining({ id }));

    const seen = await handoversOfPoint(a.adviser);
    expect(seen.find((h) => h.id === id)).toEqual({ id, visitId: v.id, createdAt: expect.any(Date), status: "REGISTERED", resolvedAt: expect.any(Date), office: { name: target.office.name } });
    const audit = await testDb().auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["handoverLead.create", "handoverLead.register"]);
    expect(JSON.stringify(audit.map((e) => e.details))).not.toContain("765 4321");
  });

  it("is refused for another point's visit, a second time, to a provider, and to anyone but an adviser", async () => {
    const a = await point();
    const b = await point();
    const target = await office();
    const v = await visit(a.point.id);
    const provider = await makeOrganisation("TRAINING_PROVIDER");
    expect(await handOver(b.adviser, contact(v.id, target.office.id))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await handOver(a.adviser, contact(v.id, provider.id))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await handOver(target.official, contact(v.id, target.office.id))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await handoverTargets(target.official)).toEqual([]);
    const twice = await Promise.all([handOver(a.adviser, contact(v.id, target.office.id)), handOver(a.adviser, contact(v.id, target.office.id))]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(twice.filter((r) => !r.ok)).toEqual([{ ok: false, code: "ALREADY_HANDED_OVER" }]);
    expect(await handoversOfPoint(b.adviser)).toEqual([]);
  });

  it("is closed by one official once, however many try at the same time", async () => {
    const a = await point();
    const target = await office();
    const colleague = actorOf(await makeUser("OFFICIAL", { organisationId: target.office.id }));
    const made = (await handOver(a.adviser, contact((await visit(a.point.id)).id, target.office.id))) as { id: string };
    const results = await Promise.all([closeLead(target.official, made.id, "Ei tavoitettu"), closeLead(colleague, made.id, "Muutti pois"), closeLead(target.official, made.id, "Ei tavoitettu")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "NOT_OPEN")).toBe(true);
    expect((await handoversOfPoint(a.adviser))[0]).toMatchObject({ status: "CLOSED" });
  });

  it("loses its contact details after the retention period; the visits stay", async () => {
    const a = await point();
    const target = await office();
    const v = await visit(a.point.id);
    const made = (await handOver(a.adviser, contact(v.id, target.office.id))) as { id: string };
    const visitsBefore = await testDb().adviceVisit.count({ where: { advicePointId: a.point.id } });

    const now = new Date();
    await purgeHandoverContacts({ now, retentionMonths: 24 });
    expect(await testDb().handover.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ firstName: "Amal", contactDeletedAt: null });

    const later = new Date(now.getTime() + 25 * 31 * 86_400_000);
    expect(await purgeHandoverContacts({ now: later, retentionMonths: 24 })).toBeGreaterThanOrEqual(1);
    expect(await testDb().handover.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      firstName: null, lastName: null, email: null, phone: null, note: null, preferredLanguage: null, status: "CLOSED", contactDeletedAt: later,
    });
    expect(await openLeads(target.official)).not.toContainEqual(expect.objectContaining({ id: made.id }));
    expect(await testDb().adviceVisit.count({ where: { advicePointId: a.point.id } })).toBe(visitsBefore);
    await expect(purgeHandoverContacts({ retentionMonths: 0 })).rejects.toThrow(/retentionMonths/);
  });
});
