import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import { makeIdentityCode } from "../../lib/identity-code";
import { clientSchema } from "../../lib/schemas/client";
import { clientRegisterFilterSchema, exportSchema } from "../../lib/schemas/official";
import { findPossibleDuplicates, getClient, registerClient, revealIdentityCode, updateClient } from "../clients/clients";
import { referClient, staff } from "../enrolment";
import { clientPage } from "./client-page";
import { exportClientList, csvCell } from "./export";
import { estimateSeat, findCoursesForClient } from "./finder";
import { officeHome } from "./home";
import { bulkRefer, bulkReferralPage } from "./referrals";
import { searchClientRegister } from "./register";

const text = { header: (c: string) => c, value: (_k: string, v: string) => v };

function clientData(overrides: Record<string, unknown> = {}) {
  return clientSchema.parse({ firstName: "Aino", lastName: `Testinen${Math.random().toString(36).slice(2, 8)}`, dateOfBirth: "1990-05-17", preferredLanguage: "fi", studyPath: "BASIC", ...overrides });
}

describe("client register and edit", () => {
  it("finds possible duplicates by identity code or by name and date of birth, only in the official's own office", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const code = makeIdentityCode("1990-05-17", 345, "Y");
    const first = await registerClient(w.official, clientData({ personalIdentityCode: code }));
    if (!first.ok) throw new Error("register failed");
    const byCode = await findPossibleDuplicates(w.official, clientData({ personalIdentityCode: code }));
    expect(byCode).toMatchObject([{ id: first.client.id, match: "IDENTITY_CODE" }]);
    const byName = await findPossibleDuplicates(w.official, clientData({ firstName: "aino", lastName: first.client.lastName.toUpperCase() }));
    expect(byName).toMatchObject([{ id: first.client.id, match: "NAME_AND_BIRTH_DATE" }]);
    expect(await findPossibleDuplicates(other.official, clientData({ personalIdentityCode: code }))).toEqual([]);
    expect(await findPossibleDuplicates(w.official, clientData({ personalIdentityCode: code }), first.client.id)).toEqual([]);
  });

  it("updates a client, keeps the stored identity code unless a new one is given, and refuses other offices", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const code = makeIdentityCode("1990-05-17", 222);
    const created = await registerClient(w.official, clientData({ personalIdentityCode: code }));
    if (!created.ok) throw new Error();
    const id = created.client.id;
    const changed = await updateClient(w.official, id, clientData({ lastName: "Uusinimi", personalIdentityCode: null }));
    expect(changed).toMatchObject({ ok: true, client: { lastName: "Uusinimi", hasIdentityCode: true } });
    expect(await updateClient(w.official, id, clientData({ dateOfBirth: "1991-01-01" }))).toEqual({ ok: false, code: "IDENTITY_CODE_DATE_MISMATCH" });
    expect(await updateClient(other.official, id, clientData())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await testDb().auditEvent.count({ where: { clientId: id, action: "client.update" } })).toBe(1);
  });

  it("reveals the identity code only to the office, and audits each view", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const code = makeIdentityCode("2005-02-03", 456, "B");
    const created = await registerClient(w.official, clientData({ dateOfBirth: "2005-02-03", personalIdentityCode: code }));
    if (!created.ok) throw new Error();
    expect(created.client.identityCodeMasked).toBe(`${code.slice(0, 7)}****`);
    expect(await revealIdentityCode(other.official, created.client.id)).toBeNull();
    expect(await revealIdentityCode(w.official, created.client.id)).toBe(code);
    const audits = await testDb().auditEvent.findMany({ where: { clientId: created.client.id, action: "client.identityCode.view" } });
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]?.details ?? null)).not.toContain(code);
  });
});

describe("client page, course finder and referral", () => {
  it("shows the enrolment timeline with who and why, and nothing to another office", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const client = await makeClient(w.office.id);
    const course = await makeCourse(w.provider.id, 0);
    const r = await referClient({ actor: staff(w.official), clientId: client.id, courseId: course.id, priority: "URGENT", reason: "Kotoutumisaika päättyy" });
    expect(r).toMatchObject({ ok: true, enrolment: { status: "WAITLISTED", queuePosition: 1 } });
    const page = await clientPage(w.official, client.id);
    expect(page?.enrolments).toMatchObject([
      { status: "WAITLISTED", queuePosition: 1, priority: "URGENT", live: true, events: [{ fromStatus: null, toStatus: "WAITLISTED", actorName: "Test User", reason: "Kotoutumisaika päättyy" }] },
    ]);
    expect(await clientPage(other.official, client.id)).toBeNull();
    expect(await getClient(other.official, client.id)).toBeNull();
    expect(await findCoursesForClient(other.official, client.id, {})).toBeNull();
  });

  it("expires an overdue offer before showing it, newest enrolment first, each history in time order", async () => {
    const w = await makeWorld();
    const client = await makeClient(w.office.id);
    const older = await makeCourse(w.provider.id, 1);
    const newer = await makeCourse(w.provider.id, 0);
    const offered = await referClient({ actor: staff(w.official), clientId: client.id, courseId: older.id });
    expect(offered).toMatchObject({ ok: true, enrolment: { status: "OFFERED" } });
    const later = new Date(Date.now() + 1000);
    await referClient({ actor: staff(w.official), clientId: client.id, courseId: newer.id, now: later });
    const afterDeadline = new Date(Date.now() + 73 * 3600_000);
    const page = await clientPage(w.official, client.id, afterDeadline);
    expect(page?.enrolments.map((e) => [e.course.id, e.status, e.queuePosition])).toEqual([
      [newer.id, "WAITLISTED", 1],
      [older.id, "EXPIRED", null],
    ]);
    const history = page!.enrolments[1]!.events;
    expect(history.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, "OFFERED"], ["OFFERED", "EXPIRED"]]);
    expect(history[0]).toMatchObject({ actorKind: "USER", actorName: "Test User" });
    expect(history[0]!.at).toBeInstanceOf(Date);
    expect(history[0]!.at.getTime()).toBeLessThanOrEqual(history[1]!.at.getTime());
  });

  it("finds courses for the client's path and level, with free seats, queue and estimate, and filters them", async () => {
    const w = await makeWorld();
    const town = `Kunta${Math.random().toString(36).slice(2, 8)}`;
    const client = await makeClient(w.office.id, { studyPath: "SLOW", languageLevel: "A1_2", municipality: town });
    const fits = await makeCourse(w.provider.id, 2, { studyPath: "SLOW", levelFrom: "A1_1", levelTo: "A1_3", municipality: town, schedule: "EVENING" });
    const full = await makeCourse(w.provider.id, 0, { studyPath: "SLOW", levelFrom: "A0", levelTo: "A2_1", municipality: town });
    await makeCourse(w.provider.id, 2, { studyPath: "SLOW", levelFrom: "A2_1", levelTo: "B1_1", municipality: town });
    await makeCourse(w.provider.id, 2, { studyPath: "FAST", levelFrom: "A0", levelTo: "B1_1", municipality: town });
    const found = await findCoursesForClient(w.official, client.id, { municipality: town, remote: "exclude" });
    expect(found?.courses.map((c) => c.id).sort()).toEqual([fits.id, full.id].sort());
    expect(found?.courses.find((c) => c.id === fits.id)).toMatchObject({ freeSeats: 2, queueLength: 0, estimate: { kind: "NOW" } });
    expect(found?.courses.find((c) => c.id === full.id)).toMatchObject({ freeSeats: 0, queueLength: 0, estimate: { kind: "UNKNOWN", position: 1 } });
    const evening = await findCoursesForClient(w.official, client.id, { municipality: town, schedule: "EVENING" });
    expect(evening?.courses.map((c) => c.id)).toEqual([fits.id]);
    const nearby = await findCoursesForClient(w.official, client.id, { schedule: "EVENING" }, { defaultToClientMunicipality: true });
    expect(nearby?.filter.municipality).toBe(town);
    expect(nearby?.courses.map((c) => c.id)).toEqual([fits.id]);
  });

  it("estimates from the queue and recent turnover", () => {
    expect(estimateSeat({ freeSeats: 1, queueLength: 0, seatsFromQueue: 0, startsOn: "2099-01-01", today: "2026-01-01" })).toEqual({ kind: "NOW" });
    expect(estimateSeat({ freeSeats: 3, queueLength: 1, seatsFromQueue: 0, startsOn: "2099-01-01", today: "2026-01-01" })).toEqual({ kind: "NOW" });
    // 9 waiting, 18 seats from the queue in 90 days = 0.2 a day: the 10th person waits 50 days.
    expect(estimateSeat({ freeSeats: 0, queueLength: 9, seatsFromQueue: 18, startsOn: "2026-03-01", today: "2026-01-01" })).toEqual({
      kind: "DATE", date: "2026-02-20", position: 10, seatsFromQueue: 18, afterStart: false,
    });
    expect(estimateSeat({ freeSeats: 0, queueLength: 3, seatsFromQueue: 0, startsOn: "2026-03-01", today: "2026-01-01" })).toEqual({ kind: "UNKNOWN", position: 4 });
  });

  it("refers several clients at once with a result per client, never another office's client", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const course = await makeCourse(w.provider.id, 1);
    const a = await makeClient(w.office.id);
    const b = await makeClient(w.office.id);
    const stranger = await makeClient(other.office.id);
    const results = await bulkRefer(w.official, { clientIds: [a.id, b.id, stranger.id], courseId: course.id });
    expect(results.map((r) => r.outcome.kind)).toEqual(["OFFERED", "WAITLISTED", "FAILED"]);
    expect(results[1]?.outcome).toMatchObject({ queuePosition: 1 });
    expect(results[2]?.outcome).toEqual({ kind: "FAILED", code: "NOT_FOUND" });
    expect(await testDb().enrolment.count({ where: { clientId: stranger.id } })).toBe(0);
    const page = await bulkReferralPage(w.official, [a.id, stranger.id]);
    expect(page?.clients.map((c) => c.id)).toEqual([a.id]);
  });
});

describe("register search, export and home", () => {
  it("searches the office's own clients by name words, number and exact identity code, with status filters", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const surname = `Virtanen${Math.random().toString(36).slice(2, 8)}`;
    const code = makeIdentityCode("1985-07-01", 123);
    const created = await registerClient(w.official, clientData({ firstName: "Matti", lastName: surname, dateOfBirth: "1985-07-01", personalIdentityCode: code }));
    if (!created.ok) throw new Error();
    await makeClient(other.office.id, { lastName: surname });
    const filter = (q: string, extra: Record<string, string> = {}) => clientRegisterFilterSchema.parse({ q, ...extra });
    expect((await searchClientRegister(w.official, filter(`matti ${surname.slice(2, 9).toLowerCase()}`)))?.rows.map((r) => r.id)).toEqual([created.client.id]);
    expect((await searchClientRegister(w.official, filter(String(created.client.clientNumber))))?.rows.map((r) => r.id)).toEqual([created.client.id]);
    expect((await searchClientRegister(w.official, filter(code.toLowerCase())))?.rows.map((r) => r.id)).toEqual([created.client.id]);
    expect((await searchClientRegister(w.official, filter(surname, { placement: "waiting" })))?.total).toBe(0);
    expect((await searchClientRegister(w.official, filter(surname, { placement: "none" })))?.total).toBe(1);
  });

  it("exports the list as CSV without identity codes unless asked, as XLSX, and audits both", async () => {
    const w = await makeWorld();
    const surname = `Export${Math.random().toString(36).slice(2, 8)}`;
    const code = makeIdentityCode("1970-01-02", 555);
    await registerClient(w.official, clientData({ lastName: surname, dateOfBirth: "1970-01-02", personalIdentityCode: code, notes: "=HYPERLINK()" }));
    const plain = await exportClientList(w.official, exportSchema.parse({ q: surname, format: "csv" }), text);
    const csv = plain!.body.toString("utf8");
    expect(csv).toContain(surname);
    expect(csv).not.toContain(code);
    const withCodes = await exportClientList(w.official, exportSchema.parse({ q: surname, format: "xlsx", identityCodes: "1" }), text);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(withCodes!.body as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getRow(2).values as unknown[];
    expect(values).toContain(code);
    const audits = await testDb().auditEvent.findMany({ where: { actorUserId: w.official.userId, action: { startsWith: "client.export" } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["client.export", "client.export.withIdentityCodes"]);
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell('a;"b"')).toBe('"a;""b"""');
  });

  it("counts the office's waiting clients, open offers and integration times ending without a seat", async () => {
    const w = await makeWorld();
    const soon = new Date(Date.now() + 30 * 86_400_000);
    const ending = await makeClient(w.office.id, { integrationPlanEndsOn: soon });
    const offered = await makeClient(w.office.id);
    const course = await makeCourse(w.provider.id, 1);
    await referClient({ actor: staff(w.official), clientId: offered.id, courseId: course.id });
    await referClient({ actor: staff(w.official), clientId: ending.id, courseId: course.id });
    const home = await officeHome(w.official);
    expect(home?.numbers).toEqual({ clients: 2, waiting: 1, offers: 1, endingSoon: 1 });
    expect(home?.offers.map((o) => o.client.id)).toEqual([offered.id]);
    expect(home?.endingSoon.map((c) => c.id)).toEqual([ending.id]);
  });
});

describe("both authority kinds refer (since 2025)", () => {
  it("an official of municipal integration services registers a client and refers them like an employment authority's official", async () => {
    const w = await makeWorld();
    const services = await testDb().organisation.create({ data: { type: "INTEGRATION_SERVICES", name: `Kotoutumispalvelut ${Math.random().toString(36).slice(2, 8)}`, municipality: "Espoo" } });
    const user = await testDb().user.create({ data: { email: `kotoutus.${Math.random().toString(36).slice(2, 8)}@example.fi`, name: "Kotoutus Virkailija", role: "OFFICIAL", organisationId: services.id } });
    const official = { userId: user.id, email: user.email, name: user.name, role: user.role, organisationId: services.id, organisationName: services.name };
    const course = await makeCourse(w.provider.id, 1);
    const registered = await registerClient(official, clientData());
    if (!registered.ok) throw new Error("register failed");
    expect(await referClient({ actor: staff(official), clientId: registered.client.id, courseId: course.id })).toMatchObject({ ok: true, enrolment: { status: "OFFERED" } });
    // Its clients are its own: the employment authority's official does not see them.
    expect(await getClient(w.official, registered.client.id)).toBeNull();
  });
});
