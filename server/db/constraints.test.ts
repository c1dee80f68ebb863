// Proves that the database itself refuses what must never happen, whatever the application does.
// Uses plain pg so each assertion names the exact PostgreSQL error and constraint.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueSuffix } from "../testing/db";

let pool: pg.Pool;
const s = uniqueSuffix();

beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
afterAll(() => pool.end());

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await pool.query(sql, params);
  return rows[0] as T;
}

async function organisation(type: string): Promise<string> {
  const r = await one<{ id: string }>(
    `INSERT INTO "Organisation" (id, type, name, municipality, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Helsinki', now()) RETURNING id`,
    [type, `${type} ${s} ${Math.random()}`],
  );
  return r.id;
}

async function client(officeId: string): Promise<string> {
  const r = await one<{ id: string }>(
    `INSERT INTO "Client" (id, "officeId", "firstName", "lastName", "dateOfBirth", "studyPath", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Test', 'Client', '1990-01-01', 'BASIC', now()) RETURNING id`,
    [officeId],
  );
  return r.id;
}

async function course(providerId: string, capacity: number): Promise<string> {
  const r = await one<{ id: string }>(
    `INSERT INTO "Course" (id, "providerId", name, "instructionLanguage", "studyPath", "levelFrom", "levelTo", municipality,
       schedule, "startsOn", "endsOn", capacity, status, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Suomi 1', 'FI', 'BASIC', 'A0', 'A1_3', 'Helsinki', 'DAY', '2027-01-10', '2027-06-01', $2, 'PUBLISHED', now())
     RETURNING id`,
    [providerId, capacity],
  );
  return r.id;
}

async function enrol(clientId: string, courseId: string, status: string): Promise<string> {
  const deadline = status === "OFFERED" ? new Date(Date.now() + 72 * 3600_000) : null;
  const r = await one<{ id: string }>(
    `INSERT INTO "Enrolment" (id, "clientId", "courseId", status, "queueOrder", "offerExpiresAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) RETURNING id`,
    [clientId, courseId, status, Date.now(), deadline],
  );
  return r.id;
}

async function seatsHeld(courseId: string): Promise<number> {
  return (await one<{ seatsHeld: number }>(`SELECT "seatsHeld" FROM "Course" WHERE id = $1`, [courseId])).seatsHeld;
}

function rejection(promise: Promise<unknown>) {
  return expect(promise).rejects;
}

describe("database-enforced invariants", () => {
  let office: string;
  let provider: string;
  beforeAll(async () => {
    office = await organisation("EMPLOYMENT_AUTHORITY");
    provider = await organisation("TRAINING_PROVIDER");
  });

  it("counts held seats from the enrolments themselves", async () => {
    const c = await course(provider, 3);
    const a = await enrol(await client(office), c, "OFFERED");
    await enrol(await client(office), c, "CONFIRMED");
    await enrol(await client(office), c, "WAITLISTED");
    expect(await seatsHeld(c)).toBe(2);
    await pool.query(`UPDATE "Enrolment" SET status = 'DECLINED' WHERE id = $1`, [a]);
    expect(await seatsHeld(c)).toBe(1);
  });

  it("refuses a held seat beyond capacity (CHECK)", async () => {
    const c = await course(provider, 1);
    await enrol(await client(office), c, "OFFERED");
    const other = await client(office);
    await rejection(enrol(other, c, "CONFIRMED")).toMatchObject({
      code: "23514",
      constraint: "Course_seats_held_within_capacity",
    });
    // A waitlisted enrolment takes no seat, and promoting it is refused while the course is full.
    const waiting = await enrol(other, c, "WAITLISTED");
    await rejection(
      pool.query(`UPDATE "Enrolment" SET status = 'STARTED' WHERE id = $1`, [waiting]),
    ).toMatchObject({ constraint: "Course_seats_held_within_capacity" });
    expect(await seatsHeld(c)).toBe(1);
  });

  it("refuses lowering capacity below the seats held", async () => {
    const c = await course(provider, 2);
    await enrol(await client(office), c, "OFFERED");
    await enrol(await client(office), c, "OFFERED");
    await rejection(pool.query(`UPDATE "Course" SET capacity = 1 WHERE id = $1`, [c])).toMatchObject({
      constraint: "Course_seats_held_within_capacity",
    });
  });

  it("refuses a second live enrolment of one client on one course (partial unique index)", async () => {
    const c = await course(provider, 5);
    const who = await client(office);
    await enrol(who, c, "WAITLISTED");
    await rejection(enrol(who, c, "WAITLISTED")).toMatchObject({
      code: "23505",
      constraint: "Enrolment_one_live_per_client_course",
    });
  });

  it("allows a new enrolment once the earlier one has ended", async () => {
    const c = await course(provider, 5);
    const who = await client(office);
    const first = await enrol(who, c, "WAITLISTED");
    await pool.query(`UPDATE "Enrolment" SET status = 'CANCELLED' WHERE id = $1`, [first]);
    await expect(enrol(who, c, "WAITLISTED")).resolves.toBeTruthy();
  });

  it("refuses a second held seat for one client across courses", async () => {
    const who = await client(office);
    await enrol(who, await course(provider, 5), "CONFIRMED");
    await rejection(enrol(who, await course(provider, 5), "OFFERED")).toMatchObject({
      code: "23505",
      constraint: "Enrolment_one_held_seat_per_client",
    });
  });

  it("refuses state values outside the state machine", async () => {
    await rejection(enrol(await client(office), await course(provider, 5), "PENDING")).toMatchObject({
      code: "22P02",
    });
  });

  it("refuses an offer without a deadline and an urgent place without a reason", async () => {
    const c = await course(provider, 5);
    const who = await client(office);
    await rejection(
      pool.query(
        `INSERT INTO "Enrolment" (id, "clientId", "courseId", status, "queueOrder", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'OFFERED', 1, now())`,
        [who, c],
      ),
    ).toMatchObject({ constraint: "Enrolment_offer_has_deadline" });
    await rejection(
      pool.query(
        `INSERT INTO "Enrolment" (id, "clientId", "courseId", status, priority, "queueOrder", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'WAITLISTED', 'URGENT', 1, now())`,
        [who, c],
      ),
    ).toMatchObject({ constraint: "Enrolment_urgent_has_reason" });
  });

  it("keeps enrolment events and audit events append-only", async () => {
    const e = await enrol(await client(office), await course(provider, 5), "WAITLISTED");
    const ev = await one<{ id: string }>(
      `INSERT INTO "EnrolmentEvent" ("enrolmentId", "actorKind", "toStatus") VALUES ($1, 'SYSTEM', 'WAITLISTED') RETURNING id`,
      [e],
    );
    await rejection(pool.query(`UPDATE "EnrolmentEvent" SET reason = 'x' WHERE id = $1`, [ev.id])).toMatchObject({ code: "42501" });
    await rejection(pool.query(`DELETE FROM "EnrolmentEvent" WHERE id = $1`, [ev.id])).toMatchObject({ code: "42501" });
    await rejection(pool.query(`TRUNCATE "EnrolmentEvent" CASCADE`)).toMatchObject({ code: "42501" });
    const au = await one<{ id: string }>(`INSERT INTO "AuditEvent" (action) VALUES ('test.append_only') RETURNING id`);
    await rejection(pool.query(`UPDATE "AuditEvent" SET action = 'x' WHERE id = $1`, [au.id])).toMatchObject({ code: "42501" });
    await rejection(pool.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [au.id])).toMatchObject({ code: "42501" });
  });

  it("keeps user e-mail addresses lower-case and staff inside an organisation", async () => {
    await rejection(
      pool.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES (gen_random_uuid(), $1, 'X', 'ADMIN', now())`, [`Upper.${s}@Example.fi`]),
    ).toMatchObject({ constraint: "User_email_lower_case" });
    await rejection(
      pool.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES (gen_random_uuid(), $1, 'X', 'OFFICIAL', now())`, [`noorg.${s}@example.fi`]),
    ).toMatchObject({ constraint: "User_staff_belong_to_organisation" });
  });
});
