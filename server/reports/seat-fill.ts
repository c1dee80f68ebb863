import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { courseFilter, type ReportFilter, type ReportScope } from "./scope";
import { formatDate, helsinkiToday } from "../../lib/dates";

export interface FillRow {
  capacity: number;
  seatsHeld: number;
  /** seatsHeld ÷ capacity (0–1); null when the capacity is 0. */
  fillRate: number | null;
}
export interface CourseFill extends FillRow {
  courseId: string;
  course: string;
  provider: string;
  startsOn: string;
  municipality: string;
}
export interface ProviderFill extends FillRow {
  providerId: string;
  provider: string;
  courses: number;
}
export interface SeatFillReport {
  courses: CourseFill[];
  providers: ProviderFill[];
  total: FillRow & { courses: number };
}

type Seats = { capacity: bigint | number | null; seatsHeld: bigint | number | null };
/** A provider's sums (grouping 0) or the total (grouping 1). */
type GroupRow = Seats & { grouping: number; providerId: string | null; provider: string | null; courses: bigint };
type CourseRow = Seats & { courseId: string; course: string; provider: string; startsOn: Date; municipality: string };

/** Finnish order with numbers as numbers ("Kurssi 2" before "Kurssi 10"); one collator, not one per comparison. */
const names = new Intl.Collator("fi", { numeric: true });
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const rate = (held: number, capacity: number) => (capacity > 0 ? held / capacity : null);

/**
 * Seat fill now: seats held (OFFERED + CONFIRMED + STARTED) ÷ capacity, on the courses that hand
 * out seats today (PUBLISHED or CLOSED for referrals, not yet ended). Drafts, cancelled and ended
 * courses do not count. A snapshot: the referral-date range does not apply; study path and
 * municipality (of the course) do. Per course, per provider (sums of its courses) and in total.
 * An official counts only the seats their own office's clients hold, on the courses where they
 * hold at least one: "the share of this course's seats our clients have".
 *
 * `courseLimit` keeps only the first courses in the page's order (the page shows 50 of the
 * country's thousands; reading every row into JavaScript cost more than the query itself).
 */
export async function seatFillReport(scope: ReportScope, filter: ReportFilter, now = new Date(), courseLimit?: number): Promise<SeatFillReport> {
  const today = helsinkiToday(now);
  // An official: the seats their office's clients hold (kept per course and office by a trigger).
  const held =
    scope.kind === "OFFICE"
      ? Prisma.sql`(SELECT s."seatsHeld" FROM "CourseOfficeSeats" s WHERE s."courseId" = k.id AND s."officeId" = ${scope.organisationId}::uuid)`
      : Prisma.sql`k."seatsHeld"`;
  const current = Prisma.sql`
    WITH current AS (
      SELECT k.id, k.name, k."providerId", k."startsOn", k.municipality, k.capacity, ${held} AS held
      FROM "Course" k
      WHERE k.status IN ('PUBLISHED', 'CLOSED') AND k."endsOn" >= ${today}::date AND ${scope.courses} AND ${courseFilter(filter, "k")}
    )`;
  // Courses are ordered by start date first, so the first N are among those starting no later than
  // the Nth start date; the name order within that day is settled below.
  const firstCourses =
    courseLimit === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`c."startsOn" <= COALESCE((SELECT "startsOn" FROM current ORDER BY "startsOn" OFFSET ${courseLimit - 1} LIMIT 1), 'infinity'::date)`;
  const [groups, courseRows] = await Promise.all([
    db().$queryRaw<GroupRow[]>`${current}
      SELECT GROUPING(c."providerId") AS grouping, c."providerId", min(p.name) AS provider,
        count(*) AS courses, sum(c.capacity) AS capacity, sum(c.held) AS "seatsHeld"
      FROM current c JOIN "Organisation" p ON p.id = c."providerId"
      GROUP BY GROUPING SETS ((c."providerId"), ())`,
    db().$queryRaw<CourseRow[]>`${current}
      SELECT c.id AS "courseId", c.name AS course, p.name AS provider, c."startsOn", c.municipality, c.capacity, c.held AS "seatsHeld"
      FROM current c JOIN "Organisation" p ON p.id = c."providerId"
      WHERE ${firstCourses}`,
  ]);
  const fillOf = (r: Seats) => {
    const capacity = Number(r.capacity ?? 0);
    const seatsHeld = Number(r.seatsHeld ?? 0);
    return { capacity, seatsHeld, fillRate: rate(seatsHeld, capacity) };
  };
  const courses: CourseFill[] = courseRows.map((r) => ({
    ...fillOf(r), courseId: r.courseId, course: r.course, provider: r.provider, startsOn: formatDate(r.startsOn), municipality: r.municipality,
  }));
  const providers: ProviderFill[] = [];
  let total: SeatFillReport["total"] = { courses: 0, capacity: 0, seatsHeld: 0, fillRate: null };
  for (const r of groups) {
    if (r.grouping === 0) providers.push({ ...fillOf(r), providerId: r.providerId!, provider: r.provider!, courses: Number(r.courses) });
    else total = { ...fillOf(r), courses: Number(r.courses) };
  }
  courses.sort((a, b) => byText(a.startsOn, b.startsOn) || names.compare(a.course, b.course) || byText(a.courseId, b.courseId));
  providers.sort((a, b) => names.compare(a.provider, b.provider) || byText(a.providerId, b.providerId));
  return { courses: courseLimit === undefined ? courses : courses.slice(0, courseLimit), providers, total };
}
