// "Takes referrals today" means the day in Finland everywhere: between midnight and 02:00/03:00
// Finnish time the UTC date is still yesterday, and every page that offers a course must agree
// with the engine that takes the referral.
import { describe, expect, it } from "vitest";
import { parseDate } from "../../lib/dates";
import { uniqueSuffix } from "../testing/db";
import { makeClient, makeCourse, makeWorld, type World } from "../testing/factories";
import { referClient, staff } from "../enrolment";
import { coursePage, providerHome } from "../provider/workspace";
import { findCoursesForClient } from "./finder";
import { poolReferralForm } from "./pool";
import { bulkReferralPage } from "./referrals";

// The referral period: from Monday 15 March 2027 (Finnish winter time, UTC+2) to Thursday 10 June
// 2027 (summer time, UTC+3).
const OPENS = "2027-03-15";
const CLOSES = "2027-06-10";
const TOWN = `Päiväraja ${uniqueSuffix()}`;

/** What every part of the portal says about the course at `now`. */
async function verdicts(w: World, courseId: string, now: Date) {
  const client = await makeClient(w.office.id);
  const bulk = await bulkReferralPage(w.official, [], now);
  // The course's own town and no remote courses: the finder lists a page, and other test files' courses share the database.
  const finder = await findCoursesForClient(w.official, client.id, { municipality: TOWN, remote: "exclude" }, { now });
  const pool = await poolReferralForm(w.official, client.id, now);
  const home = await providerHome(w.providerStaff, now);
  const page = await coursePage(w.providerStaff, courseId, now);
  const referral = await referClient({ actor: staff(w.official), clientId: client.id, courseId, now });
  return {
    bulkList: bulk!.courses.some((c) => c.id === courseId),
    finder: finder!.courses.find((c) => c.id === courseId)?.referralOpen ?? false,
    poolForm: pool!.courses.some((c) => c.id === courseId),
    providerHome: home!.courses.find((c) => c.id === courseId)?.takesReferrals,
    providerCourse: page!.course.takesReferrals,
    engine: referral.ok ? "accepted" : referral.code,
  };
}

const open = { bulkList: true, finder: true, poolForm: true, providerHome: true, providerCourse: true, engine: "accepted" };
const closed = { bulkList: false, finder: false, poolForm: false, providerHome: false, providerCourse: false, engine: "REFERRAL_PERIOD_NOT_OPEN" };

describe("takes referrals today, at the edges of a Finnish day", () => {
  it("opens at midnight in Finland, closes at the next midnight after the closing day, and every view agrees with the engine", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 50, {
      startsOn: parseDate("2027-08-02"),
      endsOn: parseDate("2027-12-17"),
      referralOpensOn: parseDate(OPENS),
      referralClosesOn: parseDate(CLOSES),
      municipality: TOWN,
    });
    const seen: Record<string, Awaited<ReturnType<typeof verdicts>>> = {};
    // 23:59 on Sunday 14 March in Helsinki: not yet.
    seen["23:59 the evening before"] = await verdicts(w, course.id, new Date("2027-03-14T21:59:00Z"));
    // 00:30 on the opening day in Helsinki is 22:30 UTC the day before.
    seen["00:30 on the opening day"] = await verdicts(w, course.id, new Date("2027-03-14T22:30:00Z"));
    // 23:30 on the closing day in Helsinki (20:30 UTC): still open.
    seen["23:30 on the closing day"] = await verdicts(w, course.id, new Date("2027-06-10T20:30:00Z"));
    // 00:30 the day after in Helsinki is 21:30 UTC on the closing day: closed everywhere.
    seen["00:30 the day after"] = await verdicts(w, course.id, new Date("2027-06-10T21:30:00Z"));
    expect(seen).toEqual({
      "23:59 the evening before": closed,
      "00:30 on the opening day": open,
      "23:30 on the closing day": open,
      "00:30 the day after": closed,
    });
  });
});
