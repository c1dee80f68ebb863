import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeClient, makeCourse, makeUser, makeWorld, type World } from "../testing/factories";
import { reportExportSchema, reportFilterSchema } from "../../lib/schemas/reports";
import type { Actor } from "../auth/actor";
import { acceptOffer, declineOffer, expireDueOffers, markInterrupted, markNoShow, markStarted, referClient, referToPool, staff } from "../enrolment";
import { exportReportTable } from "./export";
import { foldReportChanges } from "./basis";
import { loadReports, reportTables, type Reports } from "./index";
import { daysBetween, helsinkiToday, parseDate } from "../../lib/dates";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** percentile_cont as PostgreSQL computes it: linear interpolation between the closest ranks. */
function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/**
 * A small known world, driven through the engine with explicit clocks (two weeks ago onwards):
 * course A (BASIC, 2 seats, 72 h offers), course B (FAST, 1 seat, confirms on referral) and course
 * C (LITERACY, 4 seats), all in a municipality of their own. Seven clients pass through A: offered,
 * declined, expired, no-show, interrupted, confirmed and one open offer; on B one starts and one
 * waits; on C a client of another office holds an offer.
 */
async function knownWorld() {
  const municipality = `Raporttila ${uniqueSuffix()}`;
  const w = await makeWorld();
  const other = await makeWorld();
  const base = Date.now() - 14 * DAY;
  const at = (ms: number) => new Date(base + ms);
  const A = await makeCourse(w.provider.id, 2, { municipality, studyPath: "BASIC", offerResponseHours: 72 });
  const B = await makeCourse(w.provider.id, 1, { municipality, studyPath: "FAST", confirmOnReferral: true });
  const C = await makeCourse(w.provider.id, 4, { municipality, studyPath: "LITERACY" });
  const official = staff(w.official);
  const provider = staff(w.providerStaff);
  const refer = async (courseId: string, now: Date, actor = official, officeId = w.office.id) => {
    const r = await referClient({ actor, clientId: (await makeClient(officeId)).id, courseId, now });
    if (!r.ok) throw new Error(r.code);
    return r.enrolment.id;
  };
  const ok = async (p: Promise<{ ok: boolean }>) => expect((await p).ok).toBe(true);

  const c1 = await refer(A.id, at(0));
  const c2 = await refer(A.id, at(1 * HOUR));
  const c3 = await refer(A.id, at(2 * HOUR));
  const c4 = await refer(A.id, at(3 * HOUR));
  const c5 = await refer(A.id, at(4 * HOUR));
  const c6 = await refer(A.id, at(5 * HOUR));
  await ok(acceptOffer({ actor: official, enrolmentId: c1, now: at(DAY) }));
  await ok(declineOffer({ actor: official, enrolmentId: c2, now: at(2 * DAY) })); // c3 is offered
  expect(await expireDueOffers(at(2 * DAY + 73 * HOUR), A.id)).toBe(1); // c3 expires, c4 is offered
  await ok(acceptOffer({ actor: official, enrolmentId: c4, now: at(6 * DAY) }));
  await ok(markStarted({ actor: provider, enrolmentId: c1, now: at(8 * DAY) }));
  await ok(markNoShow({ actor: provider, enrolmentId: c4, now: at(9 * DAY) })); // c5 is offered
  await ok(declineOffer({ actor: official, enrolmentId: c5, now: at(10 * DAY) })); // c6 is offered
  await ok(acceptOffer({ actor: official, enrolmentId: c6, now: at(11 * DAY) }));
  await ok(markInterrupted({ actor: provider, enrolmentId: c1, reason: "Moved away", now: at(12 * DAY) }));
  const c7 = await refer(A.id, at(13 * DAY)); // a free seat: offered at once, still open

  const d1 = await refer(B.id, at(DAY)); // confirmed at once, no offer
  const d2 = await refer(B.id, at(DAY + HOUR)); // waits
  await ok(markStarted({ actor: provider, enrolmentId: d1, now: at(3 * DAY) }));

  const x1 = await refer(C.id, at(13 * DAY), staff(other.official), other.office.id);
  return { municipality, w, other, courses: { A, B, C }, ids: { c1, c2, c3, c4, c5, c6, c7, d1, d2, x1 } };
}

type Known = Awaited<ReturnType<typeof knownWorld>>;
let known: Known;
let admin: Actor;
beforeAll(async () => {
  known = await knownWorld();
  const user = await makeUser("ADMIN");
  admin = { userId: user.id, email: user.email, name: user.name, role: "ADMIN", organisationId: null, organisationName: null };
}, 120_000);

async function reportsFor(actor: Actor, filter: Record<string, string> = {}): Promise<Reports> {
  const r = await loadReports(actor, reportFilterSchema.parse(filter));
  if (!r) throw new Error("no reports");
  return r;
}

/** The Finnish calendar day of a moment, and whole calendar days between two moments (the reports' waiting-time unit). */
const calendarDays = (from: Date, to: Date) => daysBetween(helsinkiToday(from), helsinkiToday(to));

/** The same measures counted straight from the enrolment rows and their events. */
async function directCounts(enrolmentIds: string[]) {
  const rows = await testDb().enrolment.findMany({ where: { id: { in: enrolmentIds } }, include: { events: true } });
  const reached = (status: string) => rows.filter((r) => r.events.some((e) => e.toStatus === status)).length;
  const granted = rows.filter((r) => r.events.some((e) => e.toStatus === "OFFERED" || e.toStatus === "CONFIRMED"));
  const offerDays = granted.map((r) => calendarDays(r.referredAt, (r.offeredAt ?? r.confirmedAt)!));
  const startDays = rows.filter((r) => r.startedAt).map((r) => calendarDays(r.referredAt, r.startedAt!));
  return {
    referred: rows.length,
    offers: reached("OFFERED"),
    declined: reached("DECLINED"),
    expired: reached("EXPIRED"),
    confirmed: reached("CONFIRMED"),
    noShow: reached("NO_SHOW"),
    started: reached("STARTED"),
    interrupted: reached("INTERRUPTED"),
    waitlistedNow: rows.filter((r) => r.status === "WAITLISTED").length,
    seatsGranted: granted.length,
    offerMedian: percentileCont(offerDays, 0.5),
    offerP90: percentileCont(offerDays, 0.9),
    startMedian: percentileCont(startDays, 0.5),
    startP90: percentileCont(startDays, 0.9),
  };
}

function expectWaiting(actual: { seatsGranted: number; offerMedian: number | null; offerP90: number | null; started: number; startMedian: number | null; startP90: number | null }, expected: Awaited<ReturnType<typeof directCounts>>) {
  expect(actual.seatsGranted).toBe(expected.seatsGranted);
  expect(actual.started).toBe(expected.started);
  for (const key of ["offerMedian", "offerP90", "startMedian", "startP90"] as const) {
    if (expected[key] === null) expect(actual[key]).toBeNull();
    else expect(actual[key]).toBeCloseTo(expected[key], 6);
  }
}

describe("reports on a known data set", () => {
  it("the official's office: every total matches the direct counts of its own clients' enrolments", async () => {
    const { ids, w } = known;
    const own = [ids.c1, ids.c2, ids.c3, ids.c4, ids.c5, ids.c6, ids.c7, ids.d1, ids.d2];
    const direct = await directCounts(own);
    // The scenario itself, so a broken engine cannot make both sides agree on nonsense.
    expect(direct).toMatchObject({ referred: 9, offers: 7, declined: 2, expired: 1, confirmed: 4, noShow: 1, started: 2, interrupted: 1, waitlistedNow: 1, seatsGranted: 8 });
    const r = await reportsFor(w.official);

    expect(r.outcomes.total).toEqual({
      offers: 7, declined: 2, declinedRate: 2 / 7, expired: 1, expiredRate: 1 / 7,
      confirmed: 4, noShow: 1, noShowRate: 1 / 4, started: 2, interrupted: 1, interruptedRate: 1 / 2,
    });
    expect(r.outcomes.byPath.map((p) => [p.studyPath, p.offers, p.confirmed, p.started])).toEqual([["FAST", 0, 1, 1], ["BASIC", 7, 3, 1]]);

    expect(r.waiting.total.referred).toBe(direct.referred);
    expectWaiting(r.waiting.total, direct);
    expectWaiting(r.waiting.byPath.find((p) => p.studyPath === "BASIC")!, await directCounts([ids.c1, ids.c2, ids.c3, ids.c4, ids.c5, ids.c6, ids.c7]));
    expect(r.waiting.byMunicipality).toHaveLength(1);
    expect(r.waiting.byMonth.reduce((n, m) => n + m.referred, 0)).toBe(9);
    // Twelve months up to today, every one of them (months without referrals as zeros).
    expect(r.waiting.byMonth.length).toBeGreaterThanOrEqual(12);
    expect(r.waiting.byMonth.length).toBeLessThanOrEqual(13);
    expect(r.waiting.byMonth.at(-1)!.month).toBe(r.filter.to.slice(0, 7));

    expect(r.queue.total).toBe(direct.waitlistedNow);
    expect(r.queue.byPath).toEqual([{ studyPath: "FAST", queueNow: 1 }]);
    expect(r.queue.byMunicipality).toEqual([{ municipality: known.municipality, queueNow: 1 }]);

    // Seats the office's clients hold: c6 and c7 on A (2 of 2), d1 on B (1 of 1); none on C.
    const byId = (a: (string | number | null)[], b: (string | number | null)[]) => String(a[0]).localeCompare(String(b[0]));
    expect(r.seatFill.courses.map((c) => [c.courseId, c.seatsHeld, c.capacity, c.fillRate]).sort(byId)).toEqual(
      [[known.courses.A.id, 2, 2, 1], [known.courses.B.id, 1, 1, 1]].sort(byId),
    );
    expect(r.seatFill.total).toEqual({ courses: 2, capacity: 3, seatsHeld: 3, fillRate: 1 });
  });

  it("the provider: its courses with every office's clients; seat fill from the courses' seats", async () => {
    const { ids, w, courses } = known;
    const all = Object.values(ids);
    const direct = await directCounts(all);
    const r = await reportsFor(w.providerStaff);
    expect(r.outcomes.total).toMatchObject({ offers: direct.offers, declined: direct.declined, expired: direct.expired, confirmed: direct.confirmed, noShow: direct.noShow, started: direct.started, interrupted: direct.interrupted });
    expect(r.outcomes.total.offers).toBe(8);
    expect(r.waiting.total.referred).toBe(10);
    expectWaiting(r.waiting.total, direct);
    expect(r.queue.total).toBe(1);
    const held = await testDb().course.findMany({ where: { id: { in: [courses.A.id, courses.B.id, courses.C.id] } }, select: { id: true, seatsHeld: true, capacity: true } });
    expect(r.seatFill.courses.map((c) => ({ id: c.courseId, seatsHeld: c.seatsHeld, capacity: c.capacity })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(held.sort((a, b) => a.id.localeCompare(b.id)));
    expect(r.seatFill.providers).toEqual([{ providerId: w.provider.id, provider: w.providerStaff.organisationName, courses: 3, capacity: 7, seatsHeld: 4, fillRate: 4 / 7 }]);
  });

  it("the administrator sees everyone, narrowed here to the data set's municipality; the study path filter narrows too", async () => {
    const r = await reportsFor(admin, { municipality: known.municipality });
    expect(r.outcomes.total.offers).toBe(8);
    expect(r.waiting.total.referred).toBe(10);
    expect(r.seatFill.total).toEqual({ courses: 3, capacity: 7, seatsHeld: 4, fillRate: 4 / 7 });
    const fast = await reportsFor(admin, { municipality: known.municipality, studyPath: "FAST" });
    expect(fast.waiting.total.referred).toBe(2);
    expect(fast.seatFill.courses.map((c) => c.courseId)).toEqual([known.courses.B.id]);
    expect(fast.queue.total).toBe(1);
  });

  it("the page reads only the first courses of the seat fill by course: the export's first rows, and the count of all", async () => {
    const w = await makeWorld();
    const provider = w.providerStaff;
    // Two share the second start day; by name with numbers as numbers "Kurssi 2" comes before "Kurssi 10".
    const days = ["2099-02-01", "2099-03-01", "2099-03-01", "2099-04-01", "2099-05-01"];
    const names = ["Kurssi 1", "Kurssi 10", "Kurssi 2", "Kurssi 3", "Kurssi 4"];
    for (const [i, day] of days.entries()) await makeCourse(w.provider.id, 2, { name: names[i], startsOn: parseDate(day), endsOn: parseDate("2099-09-01") });
    const all = (await loadReports(provider, {}))!;
    expect(all.seatFill.courses.map((c) => c.course)).toEqual(["Kurssi 1", "Kurssi 2", "Kurssi 10", "Kurssi 3", "Kurssi 4"]);
    for (const limit of [1, 2, 3, 5, 9]) {
      const page = (await loadReports(provider, {}, { courseRows: limit }))!;
      expect(page.seatFill.courses).toEqual(all.seatFill.courses.slice(0, limit));
      expect(page.seatFill.providers).toEqual(all.seatFill.providers);
      expect(page.seatFill.total).toEqual(all.seatFill.total);
      expect(reportTables(page).fillByCourse.rowCount).toBe(5);
    }
  });

  it("the referral-date range counts Finnish calendar days, both ends included", async () => {
    const d1 = await testDb().enrolment.findUniqueOrThrow({ where: { id: known.ids.d1 } });
    const day = helsinkiToday(d1.referredAt);
    const r = await reportsFor(known.w.official, { from: day, to: day });
    // Referred that Finnish day: d1 and d2, and those of the first referrals that were after midnight in Finland.
    const own = await testDb().enrolment.findMany({ where: { client: { officeId: known.w.office.id } }, select: { referredAt: true } });
    const sameDay = own.filter((e) => helsinkiToday(e.referredAt) === day).length;
    expect(sameDay).toBeGreaterThanOrEqual(2);
    expect(sameDay).toBeLessThan(9);
    expect(r.waiting.total.referred).toBe(sameDay);
    expect(r.filter).toMatchObject({ from: day, to: day });
    const before = await reportsFor(known.w.official, { from: "2000-01-01", to: "2000-12-31" });
    expect(before.waiting.total.referred).toBe(0);
    expect(before.outcomes.total.offers).toBe(0);
    expect(before.outcomes.total.declinedRate).toBeNull();
  });

  it("an official of another office sees only their own client's enrolment, a provider of another provider none of it", async () => {
    const o = await reportsFor(known.other.official);
    expect(o.waiting.total.referred).toBe(1);
    expect(o.outcomes.total).toMatchObject({ offers: 1, declined: 0, confirmed: 0 });
    expect(o.queue.total).toBe(0);
    expect(o.seatFill.courses.map((c) => [c.courseId, c.seatsHeld, c.capacity])).toEqual([[known.courses.C.id, 1, 4]]);

    const p = await reportsFor(known.other.providerStaff);
    expect(p.waiting.total.referred).toBe(0);
    expect(p.outcomes.total.offers).toBe(0);
    expect(p.queue.total).toBe(0);
    expect(p.seatFill.courses).toEqual([]);
    expect(p.seatFill.providers).toEqual([]);
    // Even when they filter by the data set's municipality.
    const filtered = await reportsFor(known.other.providerStaff, { municipality: known.municipality });
    expect([filtered.waiting.total.referred, filtered.queue.total, filtered.seatFill.courses.length]).toEqual([0, 0, 0]);
  });

  it("no reports for a staff member without an organisation", async () => {
    const orphan: Actor = { ...known.w.official, organisationId: null };
    expect(await loadReports(orphan, {})).toBeNull();
  });

  it("waiting time by kind of referral: a referral to one course and a pooled one, each matching the direct computation", async () => {
    const w: World = await makeWorld();
    const municipality = `Jonola ${uniqueSuffix()}`;
    const official = staff(w.official);
    const base = Date.now() - 20 * DAY;
    const at = (ms: number) => new Date(base + ms);
    const P1 = await makeCourse(w.provider.id, 1, { municipality, studyPath: "BASIC", offerResponseHours: 96 });
    await makeCourse(w.provider.id, 1, { municipality, studyPath: "BASIC", offerResponseHours: 96 }); // P2, which the pools match too
    const direct = await referClient({ actor: official, clientId: (await makeClient(w.office.id)).id, courseId: P1.id, now: at(0) });
    if (!direct.ok) throw new Error(direct.code);
    const criteria = { studyPath: "BASIC" as const, levelFit: false, municipalities: [municipality], includeRemote: false, schedule: null, instructionLanguage: null, startFrom: null, startTo: null };
    const pool = async (now: Date) => {
      const r = await referToPool({ actor: official, clientId: (await makeClient(w.office.id)).id, criteria, rankedCourseIds: [], now });
      if (!r.ok) throw new Error(r.code);
      return r.entry.places;
    };
    const first = await pool(at(HOUR)); // offered on P2 at once, waits on P1
    const second = await pool(at(2 * HOUR)); // waits on both
    expect(first.map((p) => p.status).sort()).toEqual(["OFFERED", "WAITLISTED"]);
    expect(second.map((p) => p.status)).toEqual(["WAITLISTED", "WAITLISTED"]);
    expect((await declineOffer({ actor: official, enrolmentId: direct.enrolment.id, now: at(3 * DAY) })).ok).toBe(true); // P1 goes to the second pool
    const offeredOnP2 = first.find((p) => p.status === "OFFERED")!;
    expect((await acceptOffer({ actor: official, enrolmentId: offeredOnP2.enrolmentId, now: at(4 * DAY) })).ok).toBe(true);
    expect((await markStarted({ actor: staff(w.providerStaff), enrolmentId: offeredOnP2.enrolmentId, now: at(6 * DAY) })).ok).toBe(true);

    const r = await reportsFor(w.official, { municipality });
    const ids = [direct.enrolment.id, ...first.map((p) => p.enrolmentId), ...second.map((p) => p.enrolmentId)];
    const rows = await testDb().enrolment.findMany({ where: { id: { in: ids } }, select: { id: true, queueEntryId: true } });
    const directIds = rows.filter((e) => !e.queueEntryId).map((e) => e.id);
    const pooledIds = rows.filter((e) => e.queueEntryId).map((e) => e.id);
    expect([directIds.length, pooledIds.length]).toEqual([1, 4]);
    const [directCount, pooledCount, all] = await Promise.all([directCounts(directIds), directCounts(pooledIds), directCounts(ids)]);
    // The scenario itself: the direct referral was offered at once; the pools were given a seat at once and after three days.
    expect([directCount.seatsGranted, pooledCount.seatsGranted, pooledCount.started]).toEqual([1, 2, 1]);
    expect(r.waiting.byKind.map((k) => k.kind)).toEqual(["DIRECT", "POOLED"]);
    expectWaiting(r.waiting.byKind[0]!, directCount);
    expectWaiting(r.waiting.byKind[1]!, pooledCount);
    expect(r.waiting.byKind.map((k) => k.referred)).toEqual([1, 4]);
    expectWaiting(r.waiting.total, all);
    const table = reportTables(r).waitingByKind;
    expect(table.rows.map((row) => row.slice(0, 2))).toEqual([["DIRECT", 1], ["POOLED", 2]]);
    expect(table.total!.slice(0, 2)).toEqual(["", 3]);
  });

  it("reflects every enrolment change at once, and the same before and after the minute job folds them", async () => {
    const w: World = await makeWorld();
    const municipality = `Muutosla ${uniqueSuffix()}`;
    const course = await makeCourse(w.provider.id, 1, { municipality, studyPath: "SLOW" });
    const official = staff(w.official);
    const filter = { municipality };
    const refer = async () => {
      const r = await referClient({ actor: official, clientId: (await makeClient(w.office.id)).id, courseId: course.id });
      if (!r.ok) throw new Error(r.code);
      return r.enrolment.id;
    };
    expect((await reportsFor(admin, filter)).waiting.total.referred).toBe(0);
    const first = await refer(); // offered at once
    const second = await refer(); // waits
    let r = await reportsFor(admin, filter);
    expect([r.waiting.total.referred, r.waiting.total.seatsGranted, r.queue.total, r.outcomes.total.offers, r.seatFill.total.seatsHeld]).toEqual([2, 1, 1, 1, 1]);
    expect((await reportsFor(w.official)).seatFill.courses.map((c) => [c.courseId, c.seatsHeld])).toEqual([[course.id, 1]]);

    expect((await declineOffer({ actor: official, enrolmentId: first })).ok).toBe(true); // the second is offered
    r = await reportsFor(admin, filter);
    expect([r.queue.total, r.outcomes.total.offers, r.outcomes.total.declined, r.waiting.total.seatsGranted]).toEqual([0, 2, 1, 2]);
    expect(r.queue.byMunicipality).toEqual([]);
    await foldReportChanges();
    expect(await reportsFor(admin, filter)).toEqual({ ...r, computedAt: expect.any(Date) });

    expect((await acceptOffer({ actor: official, enrolmentId: second })).ok).toBe(true);
    expect((await markStarted({ actor: staff(w.providerStaff), enrolmentId: second })).ok).toBe(true);
    r = await reportsFor(w.providerStaff, filter);
    const direct = await directCounts([first, second]);
    expect(r.outcomes.total).toMatchObject({ offers: direct.offers, declined: direct.declined, confirmed: direct.confirmed, started: direct.started });
    expectWaiting(r.waiting.total, direct);
    // The provider moves the course to another study path: its enrolments move with it.
    await testDb().course.update({ where: { id: course.id }, data: { studyPath: "FAST" } });
    expect((await reportsFor(admin, { ...filter, studyPath: "SLOW" })).waiting.total.referred).toBe(0);
    expect((await reportsFor(admin, { ...filter, studyPath: "FAST" })).waiting.byPath.map((p) => [p.studyPath, p.referred])).toEqual([["FAST", 2]]);
  });
});

describe("report export", () => {
  it("writes the page's table as CSV and XLSX, with labels and a totals row, and audits it", async () => {
    const text = { title: "Outcomes", header: (c: string) => c, label: (_k: string, v: string) => `<${v}>`, total: "All", decimal: "," as const };
    const input = reportExportSchema.parse({ table: "outcomesByPath", format: "csv", municipality: known.municipality });
    const csv = await exportReportTable(known.w.providerStaff, input, text);
    const lines = csv!.body.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("studyPath;offers;declined;declinedRate;expired;expiredRate;confirmed;noShow;noShowRate;started;interrupted;interruptedRate");
    expect(lines.at(-1)).toBe('All;8;2;25;1;"12,5";4;1;25;2;1;50');
    expect(lines.slice(1, -1).map((l) => l.split(";")[0])).toEqual(["<FAST>", "<BASIC>", "<LITERACY>"]);
    const audit = await testDb().auditEvent.findFirst({ where: { actorUserId: known.w.providerStaff.userId, action: "report.export" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ entityId: "outcomesByPath", organisationId: known.w.provider.id, details: { format: "csv", rows: 3 } });

    const xlsx = await exportReportTable(known.w.providerStaff, { ...input, table: "fillByCourse", format: "xlsx" }, text);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx!.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([undefined, "course", "provider", "startsOn", "municipality", "capacity", "seatsHeld", "fillRate"]);
    expect([2, 3, 4].map((n) => sheet.getRow(n).getCell(7).value).sort()).toEqual([100, 100, 25]);
  });

  it("the page's tables and the export come from one definition", async () => {
    const r = await reportsFor(known.w.official);
    const tables = reportTables(r);
    expect(tables.queueByPath.rows).toEqual([["FAST", 1]]);
    expect(tables.outcomesByPath.total).toEqual(["", 7, 2, 2 / 7, 1, 1 / 7, 4, 1, 1 / 4, 2, 1, 1 / 2]);
  });
});
