// The reports' basis: the triggers keep "ReportCell" (with the changes not yet folded) equal to the
// enrolments themselves through every kind of change, folding changes nothing a report reads, and
// the per-office seat counts equal the held seats.
import { describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import {
  acceptOffer, cancelEnrolment, changeCapacity, declineOffer, expireDueOffers, markCompleted, markInterrupted, markNoShow, markStarted, referClient, referToPool, staff,
} from "../enrolment";
import { foldReportChanges } from "./basis";
import { daysBetween, helsinkiToday } from "../../lib/dates";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Rows where the basis and a count straight from the enrolments disagree, over the whole database,
 * in one statement (one snapshot), so other test files writing at the same time cannot skew it.
 */
async function disagreements(): Promise<{ cells: number; seats: number }> {
  const [row] = await testDb().$queryRaw<{ cells: bigint; seats: bigint }[]>`
    WITH basis AS (
      SELECT "referredOn", "officeId", "providerId", "studyPath", "municipality", "status", "offered", "confirmed", "offerDays", "startDays", "pooled", sum("enrolments")::bigint AS n
      FROM (SELECT "referredOn", "officeId", "providerId", "studyPath", "municipality", "status", "offered", "confirmed", "offerDays", "startDays", "pooled", "enrolments" FROM "ReportCell"
            UNION ALL SELECT "referredOn", "officeId", "providerId", "studyPath", "municipality", "status", "offered", "confirmed", "offerDays", "startDays", "pooled", "enrolments" FROM "ReportCellChange") x
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 HAVING sum("enrolments") <> 0
    ),
    direct AS (
      SELECT c.*, count(*) AS n FROM "Enrolment" e, report_cell_of(e) c GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ),
    seats AS (SELECT "courseId", "officeId", "seatsHeld"::bigint AS n FROM "CourseOfficeSeats" WHERE "seatsHeld" > 0),
    held AS (
      SELECT e."courseId", cl."officeId", count(*) AS n FROM "Enrolment" e JOIN "Client" cl ON cl.id = e."clientId"
      WHERE e.status IN ('OFFERED', 'CONFIRMED', 'STARTED') GROUP BY 1, 2
    )
    SELECT
      (SELECT count(*) FROM ((SELECT * FROM basis EXCEPT SELECT * FROM direct) UNION ALL (SELECT * FROM direct EXCEPT SELECT * FROM basis)) d) AS cells,
      (SELECT count(*) FROM ((SELECT * FROM seats EXCEPT SELECT * FROM held) UNION ALL (SELECT * FROM held EXCEPT SELECT * FROM seats)) d) AS seats`;
  return { cells: Number(row!.cells), seats: Number(row!.seats) };
}

/** The cells of one course's municipality (each world here has a municipality of its own). */
async function cellsIn(municipality: string) {
  return testDb().$queryRaw<{ status: string; offerDays: number | null; startDays: number | null; n: number }[]>`
    SELECT status, "offerDays", "startDays", sum(enrolments)::int AS n
    FROM (SELECT status, "offerDays", "startDays", enrolments, municipality FROM "ReportCell" UNION ALL SELECT status, "offerDays", "startDays", enrolments, municipality FROM "ReportCellChange") c
    WHERE municipality = ${municipality} GROUP BY 1, 2, 3 HAVING sum(enrolments) <> 0 ORDER BY 1, 2, 3`;
}

describe("the reports' basis", () => {
  it("follows every kind of enrolment change, a course's new attributes and a client's new office, folded or not", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const municipality = `Perustala ${uniqueSuffix()}`;
    const official = staff(w.official);
    const provider = staff(w.providerStaff);
    const base = Date.now() - 10 * DAY;
    const at = (ms: number) => new Date(base + ms);
    const A = await makeCourse(w.provider.id, 2, { municipality, studyPath: "BASIC", offerResponseHours: 48 });
    const B = await makeCourse(w.provider.id, 1, { municipality, studyPath: "FAST", confirmOnReferral: true });
    const refer = async (courseId: string, now: Date) => {
      const r = await referClient({ actor: official, clientId: (await makeClient(w.office.id)).id, courseId, now });
      if (!r.ok) throw new Error(r.code);
      return r.enrolment.id;
    };
    const ok = async (p: Promise<{ ok: boolean }>) => expect((await p).ok).toBe(true);

    const a1 = await refer(A.id, at(0)); // offered at once
    const a2 = await refer(A.id, at(HOUR)); // offered at once
    await refer(A.id, at(2 * HOUR)); // waits
    const a4 = await refer(A.id, at(3 * HOUR)); // waits
    const b1 = await refer(B.id, at(0)); // confirmed at once
    expect(await disagreements()).toEqual({ cells: 0, seats: 0 });

    await ok(acceptOffer({ actor: official, enrolmentId: a1, now: at(DAY) }));
    await ok(declineOffer({ actor: official, enrolmentId: a2, now: at(2 * DAY) })); // a3 is offered
    expect(await expireDueOffers(at(2 * DAY + 49 * HOUR), A.id)).toBe(1); // a3 expires, a4 is offered
    await ok(markStarted({ actor: provider, enrolmentId: a1, now: at(5 * DAY) }));
    await ok(markNoShow({ actor: provider, enrolmentId: b1, now: at(5 * DAY) }));
    await ok(changeCapacity({ actor: provider, courseId: A.id, capacity: 3, now: at(6 * DAY) }));
    await ok(cancelEnrolment({ actor: official, enrolmentId: a4, reason: "Muutti", now: at(6 * DAY) }));
    expect(await disagreements()).toEqual({ cells: 0, seats: 0 });
    const beforeFold = await cellsIn(municipality);
    await foldReportChanges();
    expect(await cellsIn(municipality)).toEqual(beforeFold);
    expect(await disagreements()).toEqual({ cells: 0, seats: 0 });

    await ok(markInterrupted({ actor: provider, enrolmentId: a1, reason: "Muutti", now: at(7 * DAY) }));
    const a5 = await refer(A.id, at(8 * DAY));
    await ok(acceptOffer({ actor: official, enrolmentId: a5, now: at(8 * DAY + HOUR) }));
    await ok(markStarted({ actor: provider, enrolmentId: a5, now: at(9 * DAY) }));
    await ok(markCompleted({ actor: provider, enrolmentId: a5, now: at(9 * DAY + HOUR) }));
    // The provider moves course A to another municipality and study path; the client of a5 moves office.
    await testDb().course.update({ where: { id: A.id }, data: { municipality: `${municipality} 2`, studyPath: "SLOW" } });
    const a5row = await testDb().enrolment.findUniqueOrThrow({ where: { id: a5 } });
    await testDb().client.update({ where: { id: a5row.clientId }, data: { officeId: other.office.id } });
    expect(await disagreements()).toEqual({ cells: 0, seats: 0 });
    await foldReportChanges();
    expect(await disagreements()).toEqual({ cells: 0, seats: 0 });

    // What is left in the first municipality is course B's no-show: confirmed the day of referral.
    expect(await cellsIn(municipality)).toEqual([{ status: "NO_SHOW", offerDays: 0, startDays: null, n: 1 }]);
    const moved = await cellsIn(`${municipality} 2`);
    expect(moved.map((c) => c.status).sort()).toEqual(["CANCELLED", "COMPLETED", "DECLINED", "EXPIRED", "INTERRUPTED"]);
    // a1 was referred at base, offered at once and started five days later (calendar days, Finnish time).
    const a1row = await testDb().enrolment.findUniqueOrThrow({ where: { id: a1 } });
    const days = (from: Date, to: Date) => daysBetween(helsinkiToday(from), helsinkiToday(to));
    expect(moved.find((c) => c.status === "INTERRUPTED")).toEqual({ status: "INTERRUPTED", offerDays: 0, startDays: days(a1row.referredAt, a1row.startedAt!), n: 1 });
  });

  it("follows pooled referrals: places on every matching course, a conditional acceptance and its release", async () => {
    const w = await makeWorld();
    const municipality = `Poolila ${uniqueSuffix()}`;
    const official = staff(w.official);
    const [A, B, C] = [await makeCourse(w.provider.id, 1, { municipality }), await makeCourse(w.provider.id, 1, { municipality }), await makeCourse(w.provider.id, 1, { municipality })];
    const holder = await referClient({ actor: official, clientId: (await makeClient(w.office.id)).id, courseId: A.id });
    if (!holder.ok) throw new Error(holder.code);
    const client = await makeClient(w.office.id);
    const criteria = { studyPath: "BASIC" as const, levelFit: false, municipalities: [municipality], includeRemote: false, schedule: null, instructionLanguage: null, startFrom: null, startTo: null };
    // A is the most wanted (and full), then B, then C.
    const pool = await referToPool({ actor: official, clientId: client.id, criteria, rankedCourseIds: [A.id, B.id, C.id] });
    if (!pool.ok) throw new Error(pool.code);
    const onB = pool.entry.places.find((p) => p.courseId === B.id)!;
    expect(onB.status).toBe("OFFERED");
    expect((await acceptOffer({ actor: official, enrolmentId: onB.enrolmentId, conditional: true })).ok).toBe(true); // keeps A, withdraws C
    expect(await disagreements()).toEqual({ cells: 0, seats: 0 });
    expect((await declineOffer({ actor: official, enrolmentId: holder.enrolment.id })).ok).toBe(true); // A is offered to the pool
    const onA = await testDb().enrolment.findFirstOrThrow({ where: { clientId: client.id, courseId: A.id } });
    expect(onA.status).toBe("OFFERED");
    expect((await acceptOffer({ actor: official, enrolmentId: onA.id })).ok).toBe(true); // releases B
    expect(await disagreements()).toEqual({ cells: 0, seats: 0 });
    const pooled = await testDb().$queryRaw<{ pooled: boolean; n: number }[]>`
      SELECT pooled, sum(enrolments)::int AS n FROM (SELECT pooled, enrolments, municipality FROM "ReportCell" UNION ALL SELECT pooled, enrolments, municipality FROM "ReportCellChange") c
      WHERE municipality = ${municipality} GROUP BY 1 HAVING sum(enrolments) <> 0 ORDER BY 1`;
    expect(pooled).toEqual([{ pooled: false, n: 1 }, { pooled: true, n: 3 }]);
  });

  it("refuses a negative count in a cell or a course's office seats", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1);
    await expect(testDb().$executeRaw`INSERT INTO "CourseOfficeSeats" ("courseId", "officeId", "seatsHeld") VALUES (${course.id}::uuid, ${w.office.id}::uuid, -1)`).rejects.toThrow(/CourseOfficeSeats_seats_nonnegative/);
    await expect(
      testDb().$executeRaw`INSERT INTO "ReportCell" ("referredOn", "officeId", "providerId", "studyPath", "municipality", "status", "offered", "confirmed", "pooled", "enrolments")
        VALUES ('2001-01-01', ${w.office.id}::uuid, ${w.provider.id}::uuid, 'BASIC', 'Nowhere', 'WAITLISTED', false, false, false, -1)`,
    ).rejects.toThrow(/ReportCell_enrolments_nonnegative/);
  });
});
