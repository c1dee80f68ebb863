// Service settings: one row, defaults until first saved, every change audited with before and after,
// and the database refuses a second row or a value outside the form's range.
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "./testing/db";
import { makeUser, makeWorld } from "./testing/factories";
import { courseSchema } from "../lib/schemas/course";
import { loadActor } from "./auth/actor";
import { createCourse } from "./courses/courses";
import { sql } from "./db/client";
import { DEFAULT_SETTINGS, getSettings, settingsFor, updateSettings } from "./settings";

const original = getSettings();
afterAll(async () => {
  await testDb().serviceSettings.upsert({ where: { id: 1 }, create: { id: 1, ...(await original) }, update: await original });
});

describe("service settings", () => {
  it("are changed by an administrator, audited with the values before and after, and read by getSettings()", async () => {
    const admin = (await loadActor(testDb(), (await makeUser("ADMIN")).id))!;
    const before = await getSettings();
    expect(await updateSettings(admin, { defaultOfferResponseHours: 48, retentionMonths: 36 })).toEqual({ ok: true });
    expect(await getSettings()).toEqual({ defaultOfferResponseHours: 48, retentionMonths: 36 });
    expect(await settingsFor(admin)).toMatchObject({ defaultOfferResponseHours: 48, retentionMonths: 36, updatedBy: admin.name });
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { actorUserId: admin.userId, action: "settings.update" } });
    expect(event.details).toEqual({ before, after: { defaultOfferResponseHours: 48, retentionMonths: 36 } });
  });

  it("give a new course its offer response time when the provider leaves it out", async () => {
    const admin = (await loadActor(testDb(), (await makeUser("ADMIN")).id))!;
    const w = await makeWorld();
    await updateSettings(admin, { defaultOfferResponseHours: 36, retentionMonths: 24 });
    const base = { name: "Suomi A", studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Espoo", schedule: "DAY", startsOn: "2099-01-01", endsOn: "2099-02-01", capacity: 5 };
    const implicit = await createCourse(w.providerStaff, courseSchema.parse(base));
    const explicit = await createCourse(w.providerStaff, courseSchema.parse({ ...base, offerResponseHours: 100 }));
    expect([implicit.ok && implicit.course.offerResponseHours, explicit.ok && explicit.course.offerResponseHours]).toEqual([36, 100]);
  });

  it("default to 72 hours and 24 months, and the database keeps one row inside the allowed ranges", async () => {
    expect(DEFAULT_SETTINGS).toEqual({ defaultOfferResponseHours: 72, retentionMonths: 24 });
    const pool = sql();
    await expect(pool.query(`INSERT INTO "ServiceSettings" (id, "updatedAt") VALUES (2, now())`)).rejects.toMatchObject({ code: "23514" });
    await pool.query(`INSERT INTO "ServiceSettings" (id, "updatedAt") VALUES (1, now()) ON CONFLICT DO NOTHING`);
    await expect(pool.query(`UPDATE "ServiceSettings" SET "defaultOfferResponseHours" = 0 WHERE id = 1`)).rejects.toMatchObject({ code: "23514" });
    await expect(pool.query(`UPDATE "ServiceSettings" SET "retentionMonths" = 121 WHERE id = 1`)).rejects.toMatchObject({ code: "23514" });
  });
});
