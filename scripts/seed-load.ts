// npm run seed:load — a national-size data set for measuring the official's pages: 100 000 clients,
// 5 000 courses and 1 000 000 enrolments (with their events), written with set-based SQL
// (generate_series), so it loads in minutes. It RECREATES the database named by DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/koulutusportti_load); never point it at real data.
//   LOAD_CLIENTS, LOAD_COURSES, LOAD_ENROLMENTS, LOAD_OFFICES scale it down for a quick try.
import pg from "pg";
import { applyMigrations } from "../server/db/migrations";
import { makeIdentityCode } from "../lib/identity-code";

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 100_000);
const COURSES = Number(process.env.LOAD_COURSES ?? 5_000);
const ENROLMENTS = Number(process.env.LOAD_ENROLMENTS ?? 1_000_000);
const OFFICES = Number(process.env.LOAD_OFFICES ?? 4);
const PROVIDERS = 30;
const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/koulutusportti_load";
// The server modules it reuses (identity-code encryption) validate the environment they read.
process.env.DATABASE_URL = url;
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 3).toString("base64");
process.env.NEXTAUTH_SECRET ??= "load-secret-load-secret-load-secret-0123456";
const started = Date.now();
const say = (m: string) => console.log(`[seed:load ${((Date.now() - started) / 1000).toFixed(0)} s] ${m}`);

const target = new URL(url);
const name = decodeURIComponent(target.pathname.slice(1));
if (!/load|bench/i.test(name)) throw new Error(`Refusing to recreate "${name}": the database name must contain "load" or "bench".`);
const adminUrl = new URL(url);
adminUrl.pathname = "/postgres";
const admin = new pg.Client(adminUrl.toString());
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();
say(`database ${name} created; migrating`);
await applyMigrations(url);

const sql = new pg.Client(url);
await sql.connect();
const q = async (label: string, text: string, values: unknown[] = []) => {
  const t0 = Date.now();
  const r = await sql.query(text, values);
  say(`${label}: ${r.rowCount ?? 0} rows in ${Date.now() - t0} ms`);
  return r;
};

await q("offices", `INSERT INTO "Organisation" (id, type, name, municipality, "updatedAt")
  SELECT gen_random_uuid(), 'EMPLOYMENT_AUTHORITY', 'Load office ' || g, (ARRAY['Helsinki','Espoo','Vantaa','Tampere','Turku','Oulu'])[1 + g % 6], now()
  FROM generate_series(1, ${OFFICES}) g`);
await q("providers", `INSERT INTO "Organisation" (id, type, name, municipality, "updatedAt")
  SELECT gen_random_uuid(), 'TRAINING_PROVIDER', 'Load provider ' || g, 'Helsinki', now() FROM generate_series(1, ${PROVIDERS}) g`);
await q("officials", `INSERT INTO "User" (id, email, name, role, "organisationId", "updatedAt")
  SELECT gen_random_uuid(), 'load.official' || row_number() OVER (ORDER BY name) || '@example.fi', 'Load Official ' || row_number() OVER (ORDER BY name), 'OFFICIAL', id, now()
  FROM "Organisation" WHERE type = 'EMPLOYMENT_AUTHORITY'`);
// A coordinator per provider and an administrator, so the reports can be measured for each role.
await q("provider staff and an administrator", `INSERT INTO "User" (id, email, name, role, "organisationId", "updatedAt")
  SELECT gen_random_uuid(), 'load.provider' || row_number() OVER (ORDER BY name) || '@example.fi', 'Load Coordinator ' || row_number() OVER (ORDER BY name), 'PROVIDER_STAFF'::"Role", id, now()
  FROM "Organisation" WHERE type = 'TRAINING_PROVIDER'
  UNION ALL SELECT gen_random_uuid(), 'load.admin@example.fi', 'Load Administrator', 'ADMIN'::"Role", NULL, now()`);

// Clients: common Finnish-register surnames and first names, so a name search hits hundreds of rows.
await q("clients", `
  WITH offices AS (SELECT array_agg(id ORDER BY name) AS ids FROM "Organisation" WHERE type = 'EMPLOYMENT_AUTHORITY'),
  names AS (SELECT
    ARRAY['Ahmad','Rania','Andrii','Svetlana','Ali','Rebin','Thi Lan','Daniel','Wei','Mehmet','Yousef','Shirin','Tesfaye','Olena','Maria','Fatima','Omar','Hassan','Amina','Igor','Anna','Nadia','Samir','Leila','Juan','Ana','Mohammed','Aisha','Dmytro','Iryna','Farah','Kofi','Ngoc','Li','Sara','Yusuf','Zainab','Pedro','Lucia','Ivan'] AS firsts,
    ARRAY['Khalil','Haddad','Melnyk','Ivanova','Jafari','Aziz','Nguyen','Mensah','Zhang','Yilmaz','Nasser','Mustafa','Alemu','Shevchenko','Kovalenko','Bondarenko','Hussein','Ali','Mohamed','Ahmed','Abdullah','Hassan','Ibrahim','Rahimi','Karimi','Hosseini','Tran','Le','Pham','Wang','Li','Chen','Garcia','Rodriguez','Lopez','Martinez','Petrov','Smirnov','Popov','Sokolov','Kuznetsova','Novak','Kaya','Demir','Celik','Sahin','Okafor','Adeyemi','Mwangi','Otieno','Silva','Santos','Costa','Pereira','Kumar','Singh','Sharma','Patel','Gupta','Das'] AS lasts)
  INSERT INTO "Client" (id, "officeId", "firstName", "lastName", "dateOfBirth", email, phone, municipality, "preferredLanguage", "nativeLanguage",
    literacy, "yearsOfSchooling", "languageLevel", "placementTestOn", "studyPath", "integrationPlanStartsOn", "integrationPlanEndsOn", "updatedAt")
  SELECT gen_random_uuid(), offices.ids[1 + g % ${OFFICES}],
    names.firsts[1 + (g * 7) % array_length(names.firsts, 1)],
    names.lasts[1 + (g * 13) % array_length(names.lasts, 1)] || CASE WHEN g % 5 = 0 THEN '-' || names.lasts[1 + (g * 3) % array_length(names.lasts, 1)] ELSE '' END,
    date '1960-01-01' + (g * 37) % 15000,
    'client' || g || '@example.com', '+35840' || lpad((g % 10000000)::text, 7, '0'),
    (ARRAY['Helsinki','Espoo','Vantaa','Tampere','Turku','Oulu'])[1 + g % 6],
    (ARRAY['fi','sv','en','ru','uk','ar'])[1 + g % 6]::"ClientLanguage", 'kieli ' || (g % 40),
    (ARRAY['LATIN_SCRIPT','OTHER_SCRIPT','NOT_LITERATE'])[1 + g % 3]::"Literacy", g % 18,
    (ARRAY['A0','A1_1','A1_2','A1_3','A2_1','A2_2'])[1 + g % 6]::"LanguageLevel", current_date - (g % 400),
    (ARRAY['FAST','BASIC','BASIC','SLOW','LITERACY'])[1 + g % 5]::"StudyPath",
    current_date - (g % 1000), current_date - (g % 1000) + 1095, now()
  FROM generate_series(1, ${CLIENTS}) g, offices, names`);

// Identity codes for every other client (encrypted and keyed-hashed like the app does).
const { encryptIdentityCode, identityCodeHmac } = await import("../server/crypto");
const { rows: withDates } = await sql.query<{ id: string; dob: string; n: number }>(
  `SELECT id, to_char("dateOfBirth", 'YYYY-MM-DD') AS dob, "clientNumber" AS n FROM "Client" WHERE "clientNumber" % 2 = 0`,
);
for (let i = 0; i < withDates.length; i += 5000) {
  const batch = withDates.slice(i, i + 5000);
  const codes = batch.map((c) => makeIdentityCode(c.dob, 2 + (c.n % 897)));
  await sql.query(
    `UPDATE "Client" c SET "identityCodeCiphertext" = v.ct, "identityCodeHmac" = v.h FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, ct, h) WHERE c.id = v.id`,
    [batch.map((c) => c.id), codes.map((c) => encryptIdentityCode(c)), codes.map((c) => identityCodeHmac(c))],
  );
}
say(`identity codes for ${withDates.length} clients`);

await q("courses", `
  WITH providers AS (SELECT array_agg(id ORDER BY name) AS ids FROM "Organisation" WHERE type = 'TRAINING_PROVIDER')
  INSERT INTO "Course" (id, "providerId", name, "instructionLanguage", "studyPath", "levelFrom", "levelTo", municipality, remote, schedule,
    "startsOn", "endsOn", "hoursPerWeek", capacity, "referralOpensOn", "referralClosesOn", "offerResponseHours", status, "updatedAt")
  SELECT gen_random_uuid(), providers.ids[1 + g % ${PROVIDERS}], 'Kurssi ' || g,
    CASE WHEN g % 10 = 0 THEN 'SV' ELSE 'FI' END::"InstructionLanguage",
    (ARRAY['FAST','BASIC','BASIC','SLOW','LITERACY'])[1 + g % 5]::"StudyPath",
    (ARRAY['A0','A0','A1_1','A1_2','A1_3'])[1 + g % 5]::"LanguageLevel", (ARRAY['A1_3','A2_1','A2_2','B1_1','B1_1'])[1 + g % 5]::"LanguageLevel",
    (ARRAY['Helsinki','Espoo','Vantaa','Tampere','Turku','Oulu'])[1 + (g / 7) % 6], g % 9 = 0,
    CASE WHEN g % 3 = 0 THEN 'EVENING' ELSE 'DAY' END::"Schedule",
    current_date - 180 + (g * 11) % 540, current_date - 180 + (g * 11) % 540 + 150, 20, 10 + g % 11,
    current_date - 180 + (g * 11) % 540 - 90, current_date - 180 + (g * 11) % 540 + 30, 72,
    CASE WHEN g % 20 = 0 THEN 'DRAFT' WHEN g % 25 = 0 THEN 'CLOSED' ELSE 'PUBLISHED' END::"CourseStatus", now()
  FROM generate_series(1, ${COURSES}) g, providers`);

// The reports' basis is rebuilt once at the end (set-based) rather than kept row by row by its
// triggers while a million enrolments are written.
const REPORT_TRIGGERS = ["Enrolment_track_report_cells", "Enrolment_track_report_cells_update", "Enrolment_track_seats_by_office"];
await sql.query(REPORT_TRIGGERS.map((t) => `ALTER TABLE "Enrolment" DISABLE TRIGGER "${t}";`).join("\n"));

await sql.query(`CREATE TEMP TABLE cl AS SELECT row_number() OVER (ORDER BY "clientNumber") AS n, id FROM "Client"`);
await sql.query(`CREATE TEMP TABLE co AS SELECT row_number() OVER (ORDER BY name) - 1 AS n, id, capacity FROM "Course"`);
await sql.query(`CREATE INDEX ON cl (n); CREATE INDEX ON co (n); ANALYZE cl; ANALYZE co`);

// 1. Held seats: client k holds one seat on course k mod COURSES (at most 8 per course, within capacity).
const held = Math.min(CLIENTS, COURSES * 8, Math.floor(ENROLMENTS * 0.04));
await q("held seats (OFFERED/CONFIRMED/STARTED)", `
  INSERT INTO "Enrolment" (id, "clientId", "courseId", status, priority, "queueOrder", "referredAt", "offeredAt", "offerExpiresAt", "confirmedAt", "startedAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), cl.id, co.id, s.status::"EnrolmentStatus", 'NORMAL', extract(epoch FROM t.at) * 1000, t.at,
    t.at + interval '20 days', CASE WHEN s.status = 'OFFERED' THEN now() + interval '2 days' END,
    CASE WHEN s.status <> 'OFFERED' THEN t.at + interval '21 days' END, CASE WHEN s.status = 'STARTED' THEN t.at + interval '40 days' END, t.at, now()
  FROM generate_series(1, ${held}) g
  JOIN cl ON cl.n = g JOIN co ON co.n = g % ${COURSES}
  CROSS JOIN LATERAL (SELECT (ARRAY['OFFERED','CONFIRMED','CONFIRMED','STARTED'])[1 + g % 4] AS status) s
  CROSS JOIN LATERAL (SELECT now() - ((g % 150) || ' days')::interval - interval '20 days' AS at) t`);

// 2. Queues: about 12 % waiting, each client in up to two queues on distinct courses.
const waiting = Math.floor(ENROLMENTS * 0.12);
await q("queue places (WAITLISTED)", `
  INSERT INTO "Enrolment" (id, "clientId", "courseId", status, priority, "priorityReason", "queueOrder", "referredAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), cl.id, co.id, 'WAITLISTED', CASE WHEN g % 17 = 0 THEN 'URGENT' ELSE 'NORMAL' END::"QueuePriority",
    CASE WHEN g % 17 = 0 THEN 'Kotoutumisaika päättymässä' END, extract(epoch FROM t.at) * 1000, t.at, t.at, now()
  FROM generate_series(0, ${waiting - 1}) g
  JOIN cl ON cl.n = 1 + g % ${CLIENTS}
  JOIN co ON co.n = ((1 + g % ${CLIENTS}) * 31 + (1 + g / ${CLIENTS}) * 997) % ${COURSES}
  CROSS JOIN LATERAL (SELECT now() - ((g % 200) || ' days')::interval - ((g % 1440) || ' minutes')::interval AS at) t
  WHERE g / ${CLIENTS} < 2 AND co.n <> (1 + g % ${CLIENTS}) % ${COURSES}
  ON CONFLICT DO NOTHING`);

// 3. History: the rest ended (completed, interrupted, no-show, declined, expired, cancelled, withdrawn).
const soFar = (await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Enrolment"`)).rows[0]!.n;
const ended = ENROLMENTS - Number(soFar);
await q("ended enrolments", `
  INSERT INTO "Enrolment" (id, "clientId", "courseId", status, priority, "queueOrder", "referredAt", "offeredAt", "offerExpiresAt", "endedAt", "statusReason", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), cl.id, co.id, s.status::"EnrolmentStatus", 'NORMAL', extract(epoch FROM t.at) * 1000, t.at,
    t.at + interval '10 days', t.at + interval '13 days', t.at + interval '14 days',
    CASE WHEN s.status IN ('CANCELLED','INTERRUPTED') THEN 'Muutti toiselle paikkakunnalle' END, t.at, t.at + interval '14 days'
  FROM generate_series(1::bigint, ${ended}) g
  JOIN cl ON cl.n = 1 + (g * 7) % ${CLIENTS}
  JOIN co ON co.n = (g * 7919) % ${COURSES}
  CROSS JOIN LATERAL (SELECT (ARRAY['COMPLETED','COMPLETED','INTERRUPTED','NO_SHOW','DECLINED','EXPIRED','CANCELLED','WITHDRAWN'])[1 + g % 8] AS status) s
  CROSS JOIN LATERAL (SELECT now() - ((g % 900) || ' days')::interval - interval '15 days' AS at) t`);

// Events: the referral of each, then one change for those that moved on (seat offers from the queue feed the finder's estimate).
await q("referral events", `
  INSERT INTO "EnrolmentEvent" ("enrolmentId", at, "actorKind", "actorUserId", "fromStatus", "toStatus", reason, data)
  SELECT e.id, e."referredAt", 'USER', u.id, NULL, 'WAITLISTED', e."priorityReason", '{"referral": true}'::jsonb
  FROM "Enrolment" e JOIN "Client" c ON c.id = e."clientId" JOIN "User" u ON u."organisationId" = c."officeId"`);
await q("offer events", `
  INSERT INTO "EnrolmentEvent" ("enrolmentId", at, "actorKind", "fromStatus", "toStatus")
  SELECT id, "offeredAt", 'SYSTEM', 'WAITLISTED', 'OFFERED' FROM "Enrolment" WHERE "offeredAt" IS NOT NULL`);
await q("closing events", `
  INSERT INTO "EnrolmentEvent" ("enrolmentId", at, "actorKind", "fromStatus", "toStatus", reason)
  SELECT id, coalesce("endedAt", "confirmedAt", now()), CASE WHEN status IN ('DECLINED','CONFIRMED') THEN 'CLIENT' ELSE 'SYSTEM' END::"ActorKind",
    'OFFERED', status, "statusReason"
  FROM "Enrolment" WHERE status NOT IN ('WAITLISTED', 'OFFERED')`);
await sql.query(REPORT_TRIGGERS.map((t) => `ALTER TABLE "Enrolment" ENABLE TRIGGER "${t}";`).join("\n"));
await q("reports' basis", "SELECT rebuild_report_basis()");
// VACUUM too: the updates above left dead rows, and autovacuum may be off (it is on our machines).
await q("vacuum and analyze", "VACUUM ANALYZE");
const { rows: [counts] } = await sql.query(
  `SELECT (SELECT count(*) FROM "Client") AS clients, (SELECT count(*) FROM "Course") AS courses, (SELECT count(*) FROM "Enrolment") AS enrolments, (SELECT count(*) FROM "EnrolmentEvent") AS events`,
);
await sql.end();
say(`done: ${JSON.stringify(counts)}`);
