import { describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeAdvicePoint, makeAdviser, makeOrganisation, makeUser, makeWorld } from "../testing/factories";
import type { Actor } from "../auth/actor";
import { getClient } from "../clients/clients";
import { listCourses } from "../courses/courses";
import { searchClientRegister } from "../official/register";
import { addDays, helsinkiDayStart, helsinkiToday } from "../../lib/dates";
import { clientRegisterFilterSchema } from "../../lib/schemas/official";
import { courseFilterSchema } from "../../lib/schemas/course";
import { visitSchema, type VisitInput } from "../../lib/schemas/advice";
import { adviceDesk } from "./desk";
import { listVisits, recentVisits, recordVisit, updateVisit, visitDefaults, visitForCorrection, visitOptions, VISIT_CORRECTION_DAYS } from "./visits";

// The visit log on the real database: who may log, correct and read, the managed lists' rules,
// the audit trail, and the remembered channel and languages.

const DAY = 86_400_000;

async function builtIn(kind: "TOPIC" | "DESTINATION", code: string) {
  return (await testDb().visitListEntry.findUniqueOrThrow({ where: { kind_code: { kind, code } } })).id;
}

/** A list entry of this test's own (retiring a built-in one would change every other test's lists). */
async function entry(kind: "TOPIC" | "DESTINATION", options: { retired?: boolean; sortOrder?: number } = {}) {
  const s = uniqueSuffix();
  return testDb().visitListEntry.create({
    data: { kind, labelFi: `Aihe ${s}`, labelSv: `Ämne ${s}`, labelEn: `Topic ${s}`, sortOrder: options.sortOrder ?? 500, retiredAt: options.retired ? new Date() : null },
  });
}

async function visit(overrides: Partial<VisitInput> = {}): Promise<VisitInput> {
  return { channel: "WALK_IN", languages: ["fi"], topicIds: [await builtIn("TOPIC", "housing")], outcome: "ANSWERED", ...overrides };
}

async function logged(actor: Actor, overrides: Partial<VisitInput> = {}, now?: Date) {
  const result = await recordVisit(actor, visitSchema.parse(await visit(overrides)), now);
  if (!result.ok) throw new Error(`recordVisit: ${result.code}`);
  return result.visit;
}

describe("logging a visit", () => {
  it("stores an anonymous visit for the adviser's own point, now when no time is given, and audits it without its content", async () => {
    const adviser = await makeAdviser();
    const housing = await builtIn("TOPIC", "housing");
    const kela = await builtIn("DESTINATION", "kela");
    const now = new Date();
    const result = await recordVisit(
      adviser,
      visitSchema.parse({ channel: "PHONE", languages: ["ar", "fi"], interpreter: "PHONE", topicIds: [housing], outcome: "REFERRED", referredToIds: [kela], durationMinutes: 20, profile: { ageBand: "AGE_30_44", firstVisit: true }, note: "Asumistuki" }),
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.visit).toMatchObject({
      advicePointId: adviser.organisationId,
      occurredAt: now,
      channel: "PHONE",
      languages: ["ar", "fi"],
      interpreter: "PHONE",
      topicIds: [housing],
      outcome: "REFERRED",
      referredToIds: [kela],
      durationMinutes: 20,
      profile: { ageBand: "AGE_30_44", gender: null, origin: null, timeInFinland: null, firstVisit: true },
      note: "Asumistuki",
    });
    const row = await testDb().adviceVisit.findUniqueOrThrow({ where: { id: result.visit.id } });
    expect(row.adviserId).toBe(adviser.userId);
    const audit = await testDb().auditEvent.findMany({ where: { entityId: result.visit.id } });
    expect(audit).toMatchObject([{ action: "visit.create", actorUserId: adviser.userId, organisationId: adviser.organisationId, entityType: "AdviceVisit" }]);
    expect(JSON.stringify(audit[0]!.details ?? null)).not.toContain("Asumistuki");
  });

  it("keeps the time given, e.g. for a call-back logged later", async () => {
    const adviser = await makeAdviser();
    const at = new Date(Date.now() - 3 * 3_600_000);
    expect((await logged(adviser, { occurredAt: at.toISOString() })).occurredAt).toEqual(at);
  });

  it("refuses a retired topic, a destination given as a topic and an unknown id, naming the field and the place", async () => {
    const adviser = await makeAdviser();
    const housing = await builtIn("TOPIC", "housing");
    const retired = await entry("TOPIC", { retired: true });
    const retiredDestination = await entry("DESTINATION", { retired: true });
    const kela = await builtIn("DESTINATION", "kela");
    const attempt = async (overrides: Partial<VisitInput>) => recordVisit(adviser, visitSchema.parse(await visit(overrides)));
    expect(await attempt({ topicIds: [housing, retired.id] })).toEqual({ ok: false, code: "TOPIC_NOT_AVAILABLE", field: "topicIds", index: 1 });
    expect(await attempt({ topicIds: [kela] })).toEqual({ ok: false, code: "TOPIC_NOT_AVAILABLE", field: "topicIds", index: 0 });
    expect(await attempt({ topicIds: [crypto.randomUUID()] })).toEqual({ ok: false, code: "TOPIC_NOT_AVAILABLE", field: "topicIds", index: 0 });
    expect(await attempt({ outcome: "REFERRED", referredToIds: [kela, housing] })).toEqual({ ok: false, code: "DESTINATION_NOT_AVAILABLE", field: "referredToIds", index: 1 });
    expect(await attempt({ outcome: "REFERRED", referredToIds: [retiredDestination.id] })).toEqual({ ok: false, code: "DESTINATION_NOT_AVAILABLE", field: "referredToIds", index: 0 });
    expect(await testDb().adviceVisit.count({ where: { advicePointId: adviser.organisationId! } })).toBe(0);
  });

  it("is for advisers of an advice point only", async () => {
    const w = await makeWorld();
    const admin = await makeUser("ADMIN");
    const adminActor: Actor = { userId: admin.id, email: admin.email, name: admin.name, role: "ADMIN", organisationId: null, organisationName: null };
    // An adviser account wrongly placed in an employment authority logs nothing there.
    const office = await makeOrganisation("EMPLOYMENT_AUTHORITY");
    const misplaced = await makeUser("ADVISER", { organisationId: office.id });
    const misplacedActor: Actor = { userId: misplaced.id, email: misplaced.email, name: misplaced.name, role: "ADVISER", organisationId: office.id, organisationName: office.name };
    const data = visitSchema.parse(await visit());
    for (const actor of [w.official, w.providerStaff, adminActor, misplacedActor]) {
      expect(await recordVisit(actor, data), actor.role).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await visitOptions(actor, "fi"), actor.role).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await recentVisits(actor, 5), actor.role).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await listVisits(actor, {}), actor.role).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await adviceDesk(actor, "fi"), actor.role).toBeNull();
    }
    expect(await testDb().adviceVisit.count({ where: { advicePointId: office.id } })).toBe(0);
  });
});

describe("the managed lists on the form", () => {
  it("offers the active topics and destinations in the administrator's order, labelled in the reader's language, without retired ones", async () => {
    const adviser = await makeAdviser();
    const retired = await entry("TOPIC", { retired: true });
    const own = await entry("TOPIC", { sortOrder: 15 });
    const fi = await visitOptions(adviser, "fi");
    const sv = await visitOptions(adviser, "sv");
    if (!fi.ok || !sv.ok) throw new Error("options refused");
    expect(fi.topics.map((t) => t.id)).not.toContain(retired.id);
    const at = (label: string) => fi.topics.findIndex((t) => t.label === label);
    expect(at("Oleskelulupa ja kansalaisuus")).toBe(0);
    expect(at(own.labelFi)).toBeGreaterThan(at("Oleskelulupa ja kansalaisuus"));
    expect(at(own.labelFi)).toBeLessThan(at("Rekisteröinti ja henkilötunnus"));
    expect(sv.topics.find((t) => t.id === own.id)?.label).toBe(own.labelSv);
    expect(fi.destinations.map((d) => d.label)).toContain("Kela");
    expect(fi.topics.map((t) => t.id)).toEqual(sv.topics.map((t) => t.id));
    // Topics and destinations are two lists: nothing of one appears in the other.
    const destinations = new Set(fi.destinations.map((d) => d.id));
    expect(fi.topics.some((t) => destinations.has(t.id))).toBe(false);
  });
});

describe("correcting a visit", () => {
  it("changes a visit of the adviser's point and audits each changed field, the free texts only by name", async () => {
    const adviser = await makeAdviser();
    const colleague = await makeAdviser(adviser.organisationId!);
    const housing = await builtIn("TOPIC", "housing");
    const taxes = await builtIn("TOPIC", "taxes");
    const kela = await builtIn("DESTINATION", "kela");
    const v = await logged(adviser, { note: "Kysyi vuokrasta", topicIds: [housing] });
    const result = await updateVisit(colleague, v.id, visitSchema.parse(await visit({ channel: "PHONE", topicIds: [housing, taxes], outcome: "REFERRED", referredToIds: [kela], note: "Kysyi verokortista" })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.visit).toMatchObject({ channel: "PHONE", topicIds: expect.arrayContaining([housing, taxes]), outcome: "REFERRED", referredToIds: [kela], note: "Kysyi verokortista", occurredAt: v.occurredAt });
    expect(result.changed.sort()).toEqual(["channel", "note", "outcome", "referredToIds", "topicIds"]);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { entityId: v.id, action: "visit.update" } });
    expect(audit.actorUserId).toBe(colleague.userId);
    expect(audit.details).toMatchObject({ changed: { channel: { from: "WALK_IN", to: "PHONE" }, outcome: { from: "ANSWERED", to: "REFERRED" }, note: { changed: true } } });
    expect(JSON.stringify(audit.details)).not.toContain("vero");
    const topics = await testDb().adviceVisitTopic.findMany({ where: { visitId: v.id } });
    expect(topics.map((t) => t.topicId).sort()).toEqual([housing, taxes].sort());
  });

  it("removes topics and destinations taken off, and writes no audit event when nothing changed", async () => {
    const adviser = await makeAdviser();
    const housing = await builtIn("TOPIC", "housing");
    const taxes = await builtIn("TOPIC", "taxes");
    const kela = await builtIn("DESTINATION", "kela");
    const v = await logged(adviser, { topicIds: [housing, taxes], outcome: "REFERRED", referredToIds: [kela] });
    const same = await updateVisit(adviser, v.id, visitSchema.parse(await visit({ topicIds: [taxes, housing], outcome: "REFERRED", referredToIds: [kela], occurredAt: v.occurredAt.toISOString() })));
    expect(same).toMatchObject({ ok: true, changed: [] });
    expect(await testDb().auditEvent.count({ where: { entityId: v.id, action: "visit.update" } })).toBe(0);
    const fewer = await updateVisit(adviser, v.id, visitSchema.parse(await visit({ topicIds: [taxes], outcome: "ANSWERED", referredToIds: [] })));
    expect(fewer).toMatchObject({ ok: true, visit: { topicIds: [taxes], referredToIds: [] } });
    expect(await testDb().adviceVisitDestination.count({ where: { visitId: v.id } })).toBe(0);
  });

  it("keeps a topic retired since the visit was logged, but does not let a correction add a retired one", async () => {
    const adviser = await makeAdviser();
    const soonRetired = await entry("TOPIC");
    const retired = await entry("TOPIC", { retired: true });
    const v = await logged(adviser, { topicIds: [soonRetired.id] });
    await testDb().visitListEntry.update({ where: { id: soonRetired.id }, data: { retiredAt: new Date() } });
    expect(await updateVisit(adviser, v.id, visitSchema.parse(await visit({ topicIds: [soonRetired.id], channel: "CHAT" })))).toMatchObject({ ok: true, changed: ["channel"] });
    expect(await updateVisit(adviser, v.id, visitSchema.parse(await visit({ topicIds: [soonRetired.id, retired.id] })))).toEqual({ ok: false, code: "TOPIC_NOT_AVAILABLE", field: "topicIds", index: 1 });
    // The correction form still offers the visit's own retired topic, and only that one.
    const form = await visitForCorrection(adviser, v.id, "en");
    if (!form.ok) throw new Error(form.code);
    expect(form.options.topics.map((t) => t.id)).toContain(soonRetired.id);
    expect(form.options.topics.map((t) => t.id)).not.toContain(retired.id);
    expect(form.visit.topics).toEqual([{ id: soonRetired.id, label: soonRetired.labelEn }]);
  });

  it("is not found for another point's adviser, and refused to everyone else", async () => {
    const adviser = await makeAdviser();
    const elsewhere = await makeAdviser();
    const w = await makeWorld();
    const v = await logged(adviser);
    const data = visitSchema.parse(await visit({ channel: "EMAIL" }));
    expect(await updateVisit(elsewhere, v.id, data)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await visitForCorrection(elsewhere, v.id, "fi")).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await updateVisit(elsewhere, crypto.randomUUID(), data)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await updateVisit(w.official, v.id, data)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect((await testDb().adviceVisit.findUniqueOrThrow({ where: { id: v.id } })).channel).toBe("WALK_IN");
  });

  it(`closes ${VISIT_CORRECTION_DAYS} days after the visit was logged`, async () => {
    const adviser = await makeAdviser();
    const v = await logged(adviser);
    const data = visitSchema.parse(await visit({ channel: "EMAIL" }));
    const justInTime = new Date(v.createdAt.getTime() + VISIT_CORRECTION_DAYS * DAY - 60_000);
    const tooLate = new Date(v.createdAt.getTime() + VISIT_CORRECTION_DAYS * DAY + 60_000);
    expect(await updateVisit(adviser, v.id, data, tooLate)).toEqual({ ok: false, code: "EDIT_PERIOD_OVER" });
    expect(await visitForCorrection(adviser, v.id, "fi", tooLate)).toEqual({ ok: false, code: "EDIT_PERIOD_OVER" });
    expect(await updateVisit(adviser, v.id, data, justInTime)).toMatchObject({ ok: true, changed: ["channel"] });
    const recent = await recentVisits(adviser, 5, "fi", tooLate);
    expect(recent.ok && recent.visits[0]).toMatchObject({ id: v.id, correctable: false });
  });
});

describe("reading the log", () => {
  it("lists the adviser's own latest visits, newest logged first, with labels in the reader's language", async () => {
    const adviser = await makeAdviser();
    const colleague = await makeAdviser(adviser.organisationId!);
    const taxes = await builtIn("TOPIC", "taxes");
    const first = await logged(adviser);
    const second = await logged(adviser, { topicIds: [taxes] });
    await logged(colleague);
    const recent = await recentVisits(adviser, 5, "sv");
    if (!recent.ok) throw new Error("refused");
    expect(recent.visits.map((v) => v.id)).toEqual([second.id, first.id]);
    expect(recent.visits[0]).toMatchObject({ topics: [{ id: taxes, label: "Beskattning" }], correctable: true });
    const one = await recentVisits(adviser, 1);
    expect(one.ok && one.visits.map((v) => v.id)).toEqual([second.id]);
  });

  it("lists the point's visits on Finnish days, both ends included, never another point's", async () => {
    const adviser = await makeAdviser();
    const colleague = await makeAdviser(adviser.organisationId!);
    const elsewhere = await makeAdviser();
    const today = helsinkiToday(new Date());
    const yesterday = addDays(today, -1);
    // 00:30 in Helsinki yesterday is still the day before in UTC: it belongs to yesterday.
    const earlyYesterday = new Date(helsinkiDayStart(yesterday).getTime() + 30 * 60_000);
    const lastMinuteBefore = new Date(helsinkiDayStart(yesterday).getTime() - 60_000);
    const a = await logged(adviser, { occurredAt: earlyYesterday.toISOString() });
    const b = await logged(colleague);
    await logged(adviser, { occurredAt: lastMinuteBefore.toISOString() });
    await logged(elsewhere);
    const both = await listVisits(adviser, { from: yesterday, to: today });
    expect(both.ok && both.visits.map((v) => v.id)).toEqual([a.id, b.id]);
    const onlyYesterday = await listVisits(adviser, { from: yesterday, to: yesterday });
    expect(onlyYesterday.ok && onlyYesterday.visits.map((v) => v.id)).toEqual([a.id]);
    const byDefault = await listVisits(adviser, {});
    expect(byDefault.ok && byDefault.visits.length).toBe(3);
    const theirs = await listVisits(elsewhere, { from: yesterday, to: today });
    expect(theirs.ok && theirs.visits.every((v) => v.advicePointId === elsewhere.organisationId)).toBe(true);
  });
});

describe("the adviser's usual channel and languages", () => {
  it("are a walk-in in the UI language for a new adviser, then the most frequent of the adviser's latest visits", async () => {
    const adviser = await makeAdviser();
    expect(await visitDefaults(adviser, "sv")).toEqual({ channel: "WALK_IN", languages: ["sv"] });
    await logged(adviser, { channel: "PHONE", languages: ["fi", "en"] });
    expect(await visitDefaults(adviser)).toEqual({ channel: "PHONE", languages: ["fi", "en"] });
    await logged(adviser, { channel: "WALK_IN", languages: ["en", "fi"] });
    await logged(adviser, { channel: "WALK_IN", languages: ["ar"] });
    // Two walk-ins to one call; the set fi+en twice (in any order) to ar once.
    expect(await visitDefaults(adviser)).toEqual({ channel: "WALK_IN", languages: ["en", "fi"] });
    // A colleague's visits are theirs.
    const colleague = await makeAdviser(adviser.organisationId!);
    expect(await visitDefaults(colleague)).toEqual({ channel: "WALK_IN", languages: ["fi"] });
  });

  it("are on the desk page with the lists and the latest visits", async () => {
    const point = await makeAdvicePoint("NGO");
    const adviser = await makeAdviser(point.id);
    await logged(adviser, { channel: "CHAT", languages: ["uk"] });
    const desk = await adviceDesk(adviser, "en");
    expect(desk).toMatchObject({ defaults: { channel: "CHAT", languages: ["uk"] }, correctionDays: VISIT_CORRECTION_DAYS });
    expect(desk!.recent).toHaveLength(1);
    expect(desk!.choices.topics.length).toBeGreaterThanOrEqual(15);
    expect(desk!.choices.topics.map((t) => t.label)).toContain("Housing");
    expect(desk!.choices.languages.find((l) => l.value === "ar")?.label).toBe("Arabic (ar)");
    expect(desk!.choices.languages).toHaveLength(183);
  });
});

describe("advisers and the rest of the portal", () => {
  it("never see clients or courses", async () => {
    const w = await makeWorld();
    const adviser = await makeAdviser();
    const client = await testDb().client.create({ data: { officeId: w.office.id, firstName: "Näkymätön", lastName: "Asiakas", dateOfBirth: new Date("1990-01-01"), studyPath: "BASIC", preferredLanguage: "fi" } });
    expect(await getClient(adviser, client.id)).toBeNull();
    expect(await searchClientRegister(adviser, clientRegisterFilterSchema.parse({ q: "Näkymätön" }))).toBeNull();
    expect(await listCourses(adviser, courseFilterSchema.parse({}))).toBeNull();
  });
});
