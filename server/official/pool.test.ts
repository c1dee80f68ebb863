// The official's and the provider's view of a pooled referral: the form's choices and defaults,
// the referral told as what it means, the client page's pool panel and markers, and the provider's
// marks on pooled candidates and conditional seats. (Every engine code's sentence: server/api/http.test.ts.)
import { describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeClient, makeCourse, makeWorld } from "../testing/factories";
import { poolReferralSchema } from "../../lib/schemas/pool";
import { clientRegisterFilterSchema } from "../../lib/schemas/official";
import { acceptOffer, cancelEnrolment, referClient, staff } from "../enrolment";
import { coursePage } from "../provider/workspace";
import { clientPage } from "./client-page";
import { endPoolReferral, makePoolReferral, poolReferralForm } from "./pool";
import { searchClientRegister } from "./register";
import { parseDate } from "../../lib/dates";

/** A course with one seat, taken by someone referred first, so later referrals queue. */
async function fullCourse(w: Awaited<ReturnType<typeof makeWorld>>, data: Parameters<typeof makeCourse>[2] = {}) {
  const course = await makeCourse(w.provider.id, 1, data);
  const holder = await makeClient(w.office.id, { firstName: "Holder" });
  const r = await referClient({ actor: staff(w.official), clientId: holder.id, courseId: course.id });
  if (!r.ok) throw new Error(r.code);
  return { course, holderEnrolment: r.enrolment.id };
}

const rankedOnly = (clientId: string, rankedCourseIds: string[]) =>
  poolReferralSchema.parse({ clientId, criteria: { studyPath: null }, rankedCourseIds });

describe("pooled referral, official's side", () => {
  it("prefills the criteria from the client and offers the courses that fit the client's path and level and take referrals", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const town = `Kylä ${uniqueSuffix()}`;
    const client = await makeClient(w.office.id, { municipality: town, eveningOnly: true, languageLevel: "A1_2", studyPath: "SLOW" });
    const fits = await makeCourse(w.provider.id, 5, { studyPath: "SLOW", municipality: town, levelFrom: "A1_1", levelTo: "A1_3" });
    const wrongLevel = await makeCourse(w.provider.id, 5, { studyPath: "SLOW", levelFrom: "A2_1", levelTo: "A2_2" });
    const draft = await makeCourse(w.provider.id, 5, { studyPath: "SLOW", status: "DRAFT" });
    const closedPeriod = await makeCourse(w.provider.id, 5, { studyPath: "SLOW", referralClosesOn: parseDate("2020-01-01") });

    const form = await poolReferralForm(w.official, client.id);
    expect(form).not.toBeNull();
    expect(form!.defaults).toEqual({ studyPath: "SLOW", levelFit: true, municipalities: [town], includeRemote: false, schedule: "EVENING", instructionLanguage: null, startFrom: null, startTo: null });
    const ids = form!.courses.map((c) => c.id);
    expect(ids).toContain(fits.id);
    for (const id of [wrongLevel.id, draft.id, closedPeriod.id]) expect(ids).not.toContain(id);
    expect(form!.courses.find((c) => c.id === fits.id)).toMatchObject({ freeSeats: 5, queueLength: 0, municipality: town });
    expect(form!.municipalities).toContain(town);
    expect(form!.activePool).toBeNull();
    expect(await poolReferralForm(other.official, client.id)).toBeNull();
    expect(await poolReferralForm(w.providerStaff, client.id)).toBeNull();
  });

  it("refers to two full courses in rank order, refuses a second pool and other offices, and shows the pool on the client page", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const a = await fullCourse(w);
    const b = await fullCourse(w);
    const client = await makeClient(w.office.id);

    const made = await makePoolReferral(w.official, rankedOnly(client.id, [a.course.id, b.course.id]));
    expect(made).toMatchObject({ ok: true, waiting: 2, offered: [], confirmed: [] });
    expect(await makePoolReferral(w.official, rankedOnly(client.id, [a.course.id]))).toEqual({ ok: false, code: "ALREADY_IN_POOL" });
    expect(await makePoolReferral(other.official, rankedOnly(client.id, [a.course.id]))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await poolReferralForm(w.official, client.id))!.activePool).toBe(made.ok && made.queueEntryId);

    const page = await clientPage(w.official, client.id);
    expect(page!.pools).toHaveLength(1);
    const [pool] = page!.pools;
    expect(pool).toMatchObject({ status: "ACTIVE", criteria: { studyPath: null }, rankedCourses: [{ courseId: a.course.id, rank: 1 }, { courseId: b.course.id, rank: 2 }] });
    expect(pool!.places.map((p) => [p.courseId, p.preferenceRank, p.status, p.queuePosition])).toEqual([
      [a.course.id, 1, "WAITLISTED", 1],
      [b.course.id, 2, "WAITLISTED", 1],
    ]);
    expect(page!.enrolments.map((e) => e.pooled?.rank).sort()).toEqual([1, 2]);
  });

  it("marks pooled clients in the office's register and filters them, until the pool ends", async () => {
    const w = await makeWorld();
    const a = await fullCourse(w);
    const surname = `Pooled${uniqueSuffix()}`;
    const pooled = await makeClient(w.office.id, { lastName: surname, firstName: "Aino" });
    const direct = await makeClient(w.office.id, { lastName: surname, firstName: "Bea" });
    const made = await makePoolReferral(w.official, rankedOnly(pooled.id, [a.course.id]));
    if (!made.ok) throw new Error(made.code);
    if (!(await referClient({ actor: staff(w.official), clientId: direct.id, courseId: a.course.id })).ok) throw new Error("referral");
    const search = (placement?: string) => searchClientRegister(w.official, clientRegisterFilterSchema.parse({ q: surname, placement }));

    expect((await search())!.rows.map((r) => [r.firstName, r.pooled, r.live])).toEqual([["Aino", true, ["WAITLISTED"]], ["Bea", false, ["WAITLISTED"]]]);
    expect((await search("pooled"))!.rows.map((r) => r.id)).toEqual([pooled.id]);
    expect((await search("waiting"))!.total).toBe(2);

    expect(await endPoolReferral(w.official, made.queueEntryId, "Moved away")).toMatchObject({ ok: true });
    expect((await search("pooled"))!.total).toBe(0);
    expect((await search())!.rows.map((r) => [r.firstName, r.pooled])).toEqual([["Aino", false], ["Bea", false]]);
  });

  it("an offer on the second choice can be accepted on condition; the client page says so, and the provider sees the marks", async () => {
    const w = await makeWorld();
    const a = await fullCourse(w);
    const b = await fullCourse(w);
    const client = await makeClient(w.office.id);
    const made = await makePoolReferral(w.official, rankedOnly(client.id, [a.course.id, b.course.id]));
    if (!made.ok) throw new Error(made.code);

    // The provider sees a pooled candidate with the client's rank for this course.
    const queued = await coursePage(w.providerStaff, b.course.id);
    expect(queued!.queue.map((q) => [q.client.lastName, q.queueEntryId !== null, q.preferenceRank])).toEqual([[client.lastName, true, 2]]);

    // A seat frees on B: the offer there may be accepted on condition, keeping the place on A.
    expect(await cancelEnrolment({ actor: staff(w.providerStaff), enrolmentId: b.holderEnrolment, reason: "Moved away" })).toMatchObject({ ok: true });
    let page = await clientPage(w.official, client.id);
    const offer = page!.enrolments.find((e) => e.course.id === b.course.id)!;
    expect(offer).toMatchObject({ status: "OFFERED", pooled: { rank: 2 }, conditional: false });
    expect(offer.conditionalFor).toEqual([a.course.name]);
    expect(page!.enrolments.find((e) => e.course.id === a.course.id)!.conditionalFor).toEqual([]);

    expect(await acceptOffer({ actor: staff(w.official), enrolmentId: offer.id, conditional: true })).toMatchObject({ ok: true, enrolment: { status: "CONFIRMED" } });
    page = await clientPage(w.official, client.id);
    expect(page!.pools[0]!.places.map((p) => [p.courseId, p.status, p.conditional])).toEqual([
      [a.course.id, "WAITLISTED", false],
      [b.course.id, "CONFIRMED", true],
    ]);
    expect(page!.enrolments.find((e) => e.course.id === b.course.id)).toMatchObject({ conditional: true, conditionalFor: [] });
    const seats = await coursePage(w.providerStaff, b.course.id);
    expect(seats!.seats.find((s) => s.id === offer.id)).toMatchObject({ conditional: true, preferenceRank: 2 });

    // The official ends the pool: the place on A is withdrawn, the seat on B stays.
    expect(await endPoolReferral(w.official, made.queueEntryId, "")).toEqual({ ok: false, code: "REASON_REQUIRED" });
    const other = await makeWorld();
    expect(await endPoolReferral(other.official, made.queueEntryId, "Not ours")).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await endPoolReferral(w.official, made.queueEntryId, "The client chose this course")).toEqual({ ok: true, withdrawn: 1 });
    page = await clientPage(w.official, client.id);
    expect(page!.pools[0]!.status).toBe("CLOSED");
    expect(page!.enrolments.find((e) => e.course.id === b.course.id)!.status).toBe("CONFIRMED");
    expect(await testDb().enrolment.count({ where: { clientId: client.id, status: "WAITLISTED" } })).toBe(0);
  });
});
