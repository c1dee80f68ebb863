// The managed lists of the visit log on a real database: administrators add, rename, move, retire
// and reinstate entries, every change audited; nothing is deleted, so a visit keeps its retired
// topic; others get nothing. The built-in entries are shared with every other test file, so these
// tests change only entries they add (the last-entry rule runs in a transaction rolled back).
import { describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeOrganisation, makeUser, makeWorld } from "../testing/factories";
import { newVisitListEntrySchema, visitListLabelsSchema } from "../../lib/schemas/admin";
import { loadActor, type Actor } from "../auth/actor";
import { addListEntry, getListEntry, listVisitLists, moveListEntry, renameListEntry, setListEntryRetired, setRetiredIn } from "./lists";

async function makeAdmin(): Promise<Actor> {
  const user = await makeUser("ADMIN");
  return (await loadActor(testDb(), user.id))!;
}

const entry = (kind: "TOPIC" | "DESTINATION" = "TOPIC", name = `Aihe ${uniqueSuffix()}`) =>
  newVisitListEntrySchema.parse({ kind, labelFi: name, labelSv: `${name} (sv)`, labelEn: `${name} (en)` });

async function added(admin: Actor, kind: "TOPIC" | "DESTINATION" = "TOPIC") {
  const data = entry(kind);
  const result = await addListEntry(admin, data);
  if (!result.ok) throw new Error(result.code);
  return { id: result.id, data };
}

const audits = (entityId: string) => testDb().auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });

describe("managed lists: input", () => {
  it("needs a name in each of fi, sv and en, trimmed and bounded, and a list to add to", () => {
    expect(visitListLabelsSchema.parse({ labelFi: "  Asuminen ", labelSv: "Boende", labelEn: "Housing" })).toEqual({ labelFi: "Asuminen", labelSv: "Boende", labelEn: "Housing" });
    const missing = visitListLabelsSchema.safeParse({ labelFi: "Asuminen", labelSv: " ", labelEn: "Housing" });
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["labelSv", "validation.required"]]);
    expect(visitListLabelsSchema.safeParse({ labelFi: "x".repeat(121), labelSv: "a", labelEn: "a" }).error?.issues[0]?.message).toBe("validation.tooLong");
    expect(newVisitListEntrySchema.safeParse({ kind: "OUTCOME", labelFi: "a", labelSv: "a", labelEn: "a" }).error?.issues[0]).toMatchObject({ path: ["kind"], message: "validation.choose" });
  });
});

describe("managed lists", () => {
  it("come with the built-in topics and destinations, in order", async () => {
    const admin = await makeAdmin();
    const lists = (await listVisitLists(admin))!;
    const codes = (kind: "TOPIC" | "DESTINATION") => lists[kind].filter((e) => e.code).map((e) => e.code);
    expect(codes("TOPIC").slice(0, 3)).toEqual(["residence_permit", "registration", "housing"]);
    expect(codes("TOPIC")).toHaveLength(15);
    expect(codes("DESTINATION")).toEqual(expect.arrayContaining(["employment_services", "integration_services", "kela", "migri", "dvv", "legal_aid"]));
    expect(lists.TOPIC.find((e) => e.code === "housing")).toMatchObject({ labelFi: "Asuminen", labelSv: "Boende", labelEn: "Housing" });
  });

  it("adds an entry at the end of its list, audited; a name an offered entry already has is refused", async () => {
    const admin = await makeAdmin();
    const { id, data } = await added(admin, "DESTINATION");
    const lists = (await listVisitLists(admin))!;
    expect(lists.DESTINATION.at(-1)).toMatchObject({ id, labelFi: data.labelFi, labelSv: data.labelSv, labelEn: data.labelEn, code: null, retiredAt: null, visits: 0 });
    expect(lists.TOPIC.some((e) => e.id === id)).toBe(false);
    expect(lists.DESTINATION.at(-2)!.sortOrder).toBeLessThan(lists.DESTINATION.at(-1)!.sortOrder);
    expect((await audits(id))[0]).toMatchObject({ actorUserId: admin.userId, action: "visit_list.add", entityType: "VisitListEntry", details: { kind: "DESTINATION", labelFi: data.labelFi } });
    // The same name in any language, in any case, in the same list.
    expect(await addListEntry(admin, { ...entry("DESTINATION"), labelEn: data.labelEn.toUpperCase() })).toEqual({ ok: false, code: "LABEL_TAKEN" });
    expect(await addListEntry(admin, { ...entry("DESTINATION"), labelFi: "Kela" })).toEqual({ ok: false, code: "LABEL_TAKEN" });
    // The other list may have it.
    expect((await addListEntry(admin, { ...entry("TOPIC"), labelFi: data.labelFi })).ok).toBe(true);
  });

  it("renames an entry in each language, audited with the old and the new name; a visit shows the new name", async () => {
    const admin = await makeAdmin();
    const { id, data } = await added(admin);
    const point = await makeOrganisation("ADVICE_POINT");
    const visit = await testDb().adviceVisit.create({ data: { advicePointId: point.id, occurredAt: new Date(), channel: "PHONE", languages: ["so"], outcome: "ANSWERED", topics: { create: [{ topicId: id }] } } });
    const labels = { labelFi: `${data.labelFi} uusi`, labelSv: data.labelSv, labelEn: `${data.labelEn} new` };
    expect(await renameListEntry(admin, id, labels)).toEqual({ ok: true });
    expect(await getListEntry(admin, id)).toMatchObject({ ...labels, visits: 1 });
    const [, rename] = await audits(id);
    expect(rename).toMatchObject({ action: "visit_list.rename", details: { fields: ["labelFi", "labelEn"], from: { labelFi: data.labelFi, labelEn: data.labelEn }, to: { labelFi: labels.labelFi, labelEn: labels.labelEn } } });
    const topics = await testDb().adviceVisitTopic.findMany({ where: { visitId: visit.id }, include: { topic: true } });
    expect(topics.map((t) => t.topic.labelFi)).toEqual([labels.labelFi]);
    // Nothing changed, nothing audited; another entry's name is refused.
    expect(await renameListEntry(admin, id, labels)).toEqual({ ok: true });
    expect(await audits(id)).toHaveLength(2);
    expect(await renameListEntry(admin, id, { ...labels, labelSv: "Boende" })).toEqual({ ok: false, code: "LABEL_TAKEN" });
    expect(await renameListEntry(admin, "00000000-0000-4000-8000-000000000000", labels)).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("retires an entry: it stays, with its visits, marked retired; it can be reinstated; both audited", async () => {
    const admin = await makeAdmin();
    const { id, data } = await added(admin);
    const point = await makeOrganisation("ADVICE_POINT");
    await testDb().adviceVisit.create({ data: { advicePointId: point.id, occurredAt: new Date(), channel: "WALK_IN", languages: ["ar"], outcome: "REFERRED", topics: { create: [{ topicId: id }] } } });
    const now = new Date("2026-11-30T10:00:00Z");
    expect(await setListEntryRetired(admin, id, true, now)).toEqual({ ok: true });
    expect(await getListEntry(admin, id)).toMatchObject({ retiredAt: now, visits: 1, labelFi: data.labelFi });
    // Not offered for new visits (what the visit form reads), still in the list and in the visit.
    expect(await testDb().visitListEntry.count({ where: { id, retiredAt: null } })).toBe(0);
    expect((await listVisitLists(admin))!.TOPIC.find((e) => e.id === id)).toMatchObject({ retiredAt: now });
    expect(await testDb().adviceVisitTopic.count({ where: { topicId: id } })).toBe(1);
    // A retired entry's name is free for a new entry; twice retired is once retired.
    expect(await setListEntryRetired(admin, id, true)).toEqual({ ok: true });
    const successor = await addListEntry(admin, { ...entry(), labelFi: data.labelFi });
    expect(successor.ok).toBe(true);
    // Back: refused while the successor has the name, then allowed.
    expect(await setListEntryRetired(admin, id, false)).toEqual({ ok: false, code: "LABEL_TAKEN" });
    if (successor.ok) expect(await setListEntryRetired(admin, successor.id, true)).toEqual({ ok: true });
    expect(await setListEntryRetired(admin, id, false)).toEqual({ ok: true });
    expect(await getListEntry(admin, id)).toMatchObject({ retiredAt: null });
    expect((await audits(id)).map((e) => e.action)).toEqual(["visit_list.add", "visit_list.retire", "visit_list.reinstate"]);
  });

  it("does not retire the last entry a list still offers", async () => {
    const admin = await makeAdmin();
    const { id } = await added(admin, "DESTINATION");
    // Every other destination retired, in a transaction that is rolled back: other test files share the lists.
    const rollback = new Error("rollback");
    await expect(
      testDb().$transaction(async (tx) => {
        await tx.visitListEntry.updateMany({ where: { kind: "DESTINATION", retiredAt: null, id: { not: id } }, data: { retiredAt: new Date() } });
        expect(await setRetiredIn(tx, admin, id, true, new Date())).toEqual({ ok: false, code: "LAST_ACTIVE" });
        expect(await tx.visitListEntry.count({ where: { id, retiredAt: null } })).toBe(1);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await setListEntryRetired(admin, id, true)).toEqual({ ok: true });
  });

  it("moves an entry up and down its list, audited; at either end it stays", async () => {
    const admin = await makeAdmin();
    const a = await added(admin);
    const b = await added(admin);
    const c = await added(admin);
    const order = async () => (await listVisitLists(admin))!.TOPIC.map((e) => e.id).filter((e) => [a.id, b.id, c.id].includes(e));
    expect(await order()).toEqual([a.id, b.id, c.id]);
    expect(await moveListEntry(admin, c.id, "up")).toEqual({ ok: true });
    expect(await order()).toEqual([a.id, c.id, b.id]);
    expect(await moveListEntry(admin, a.id, "down")).toEqual({ ok: true });
    expect(await order()).toEqual([c.id, a.id, b.id]);
    const all = (await listVisitLists(admin))!.TOPIC;
    expect(new Set(all.map((e) => e.sortOrder)).size).toBe(all.length);
    expect((await audits(c.id)).at(-1)).toMatchObject({ action: "visit_list.move", details: { kind: "TOPIC", direction: "up" } });
    // The first built-in topic cannot go further up; the last entry cannot go further down.
    const first = all[0]!;
    expect(await moveListEntry(admin, first.id, "up")).toEqual({ ok: true });
    expect((await listVisitLists(admin))!.TOPIC[0]!.id).toBe(first.id);
    expect(await audits(first.id)).toEqual([]);
  });

  it("gives nothing to anyone but administrators, and changes nothing for them", async () => {
    const admin = await makeAdmin();
    const { id, data } = await added(admin);
    const w = await makeWorld();
    const point = await makeOrganisation("ADVICE_POINT");
    const adviser = (await loadActor(testDb(), (await makeUser("ADVISER", { organisationId: point.id })).id))!;
    for (const actor of [w.official, w.providerStaff, adviser]) {
      expect(await listVisitLists(actor)).toBeNull();
      expect(await getListEntry(actor, id)).toBeNull();
      expect(await addListEntry(actor, entry())).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await renameListEntry(actor, id, { labelFi: "X", labelSv: "X", labelEn: "X" })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await setListEntryRetired(actor, id, true)).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await moveListEntry(actor, id, "up")).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    expect(await getListEntry(admin, id)).toMatchObject({ labelFi: data.labelFi, retiredAt: null });
    expect(await audits(id)).toHaveLength(1);
  });
});
