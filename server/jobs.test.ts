import { describe, expect, it } from "vitest";
import { testDb } from "./testing/db";
import { makeClient, makeCourse, makeWorld } from "./testing/factories";
import { referClient, staff } from "./enrolment";
import { offerForgottenSeats, runMinuteJobs } from "./jobs";

describe("minute jobs", () => {
  it("expire overdue offers and hand the seats on", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1);
    const first = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id });
    const second = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id });
    if (!first.ok || !second.ok) throw new Error();
    const result = await runMinuteJobs(new Date(Date.now() + 73 * 3_600_000), [course.id]);
    expect(result).toMatchObject({ expired: 1, offered: 0, joined: 0 });
    // The referrals above appended report changes; folding them is part of the minute (server/reports/basis.test.ts proves it).
    expect(result.reportChanges).toEqual(expect.any(Number));
    expect(result.visitCounts).toEqual(expect.any(Number));
    expect((await testDb().enrolment.findUniqueOrThrow({ where: { id: first.enrolment.id } })).status).toBe("EXPIRED");
    expect((await testDb().enrolment.findUniqueOrThrow({ where: { id: second.enrolment.id } })).status).toBe("OFFERED");
  });

  it("offer a seat that a crashed process left free while an eligible client waits", async () => {
    const w = await makeWorld();
    const course = await makeCourse(w.provider.id, 1);
    await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id });
    const waiting = await referClient({ actor: staff(w.official), clientId: (await makeClient(w.office.id)).id, courseId: course.id });
    if (!waiting.ok) throw new Error();
    // Simulate a crash between a capacity change and its follow-up: capacity raised, nobody offered.
    await testDb().course.update({ where: { id: course.id }, data: { capacity: 2 } });
    expect(await offerForgottenSeats(new Date(), [course.id])).toBe(1);
    expect((await testDb().enrolment.findUniqueOrThrow({ where: { id: waiting.enrolment.id } })).status).toBe("OFFERED");
  });
});
