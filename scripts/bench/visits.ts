// npm run bench:visits — the advice points' visit log at national size: 1 000 000 visits over three
// years at 30 advice points (with their topics and referral destinations), written with set-based
// SQL. Measures, against the production server, saving a visit (POST /api/v1/visits, an adviser's
// token) and the statistics page (/advice/stats for a year, signed in as an adviser; and the
// administrator's all-points view), for one user and for ten at once. Debian's wrk is the load
// generator. Prints the numbers and writes bench/results/visits-<date>.json. A benchmark, not a
// test: it asserts nothing. Targets (issue "Advice points"): save p95 < 100 ms, stats p95 < 300 ms.
//   BENCH_VISITS (default 1 000 000), BENCH_SECONDS (10), DATABASE_URL (default: a fresh database).
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { benchDatabase, dropDatabase } from "./database";
import { requireWrk, scratchFile, sessionCookie, startProductionServer, wrk, wrkPages, writeResults, type Measured } from "./harness";
import { addDays, helsinkiToday } from "../../lib/dates";

const PORT = Number(process.env.BENCH_PORT ?? 3430);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const VISITS = Number(process.env.BENCH_VISITS ?? 1_000_000);
const POINTS = 30;
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const started = Date.now();
const say = (m: string) => console.log(`[bench:visits ${((Date.now() - started) / 1000).toFixed(0)} s] ${m}`);
requireWrk("bench:visits");
// Ten advisers sharing one token would meet the per-token limit, which is not what is measured.
process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";

const { databaseUrl, ownDatabase } = await benchDatabase("koulutusportti_visits_bench");
process.env.NEXTAUTH_URL = `http://127.0.0.1:${PORT}`;
const sql = new pg.Client(databaseUrl);
await sql.connect();

// 30 advice points, one adviser each, and an administrator.
await sql.query(`INSERT INTO "Organisation" (id, type, operator, name, municipality, "updatedAt")
  SELECT gen_random_uuid(), 'ADVICE_POINT', CASE WHEN g % 3 = 0 THEN 'NGO' ELSE 'MUNICIPALITY' END::"AdvicePointOperator",
         'Neuvontapiste ' || lpad(g::text, 2, '0'), (ARRAY['Helsinki','Espoo','Vantaa','Tampere','Turku','Oulu'])[1 + g % 6], now()
  FROM generate_series(1, ${POINTS}) g`);
await sql.query(`INSERT INTO "User" (id, email, name, role, "organisationId", "updatedAt")
  SELECT gen_random_uuid(), 'neuvoja' || row_number() OVER (ORDER BY name) || '@bench.example.fi', 'Neuvoja ' || name, 'ADVISER', id, now()
  FROM "Organisation" WHERE type = 'ADVICE_POINT'`);
await sql.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES (gen_random_uuid(), 'admin@bench.example.fi', 'Bench Admin', 'ADMIN', now())`);

// The visits: three years back from today, weekdays in office hours, more in autumn and January,
// fewer in July; 1–2 topics each; a quarter referred on to one or two destinations.
say(`writing ${VISITS.toLocaleString("en")} visits`);
// A bulk load: the counts' row triggers off while writing (a desk writes one visit at a time), then
// every count at once by the migration's own function.
await sql.query("SET session_replication_role = replica");
await sql.query(`CREATE TEMP TABLE topic AS SELECT id, row_number() OVER (ORDER BY "sortOrder") - 1 AS n FROM "VisitListEntry" WHERE kind = 'TOPIC'`);
await sql.query(`CREATE TEMP TABLE destination AS SELECT id, row_number() OVER (ORDER BY "sortOrder") - 1 AS n FROM "VisitListEntry" WHERE kind = 'DESTINATION'`);
await sql.query(`CREATE TEMP TABLE point AS SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM "Organisation" WHERE type = 'ADVICE_POINT'`);
const BATCH = 200_000;
// Weekends and most of July are left out, so more numbers are drawn than visits kept, until there are enough.
let written = 0;
for (let from = 0; written < VISITS; from += BATCH) {
  const to = from + BATCH;
  const inserted = await sql.query(`
    INSERT INTO "AdviceVisit" (id, "advicePointId", "occurredAt", channel, languages, interpreter, outcome, "durationMinutes", "ageBand", gender, "firstVisit", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), p.id, v.at,
           (ARRAY['WALK_IN','WALK_IN','WALK_IN','PHONE','PHONE','EMAIL','CHAT','OUTREACH'])[1 + (g * 7) % 8]::"VisitChannel",
           CASE WHEN g % 5 = 0 THEN ARRAY[(ARRAY['ar','so','ru','uk','fa','en','ku','ti'])[1 + g % 8], 'fi'] ELSE ARRAY[(ARRAY['ar','so','ru','uk','fa','en','fi','sv','ku','ti'])[1 + (g * 3) % 10]] END,
           (ARRAY['NONE','NONE','NONE','STAFF','PHONE'])[1 + g % 5]::"InterpreterKind",
           (ARRAY['ANSWERED','ANSWERED','HELPED_WITH_FORM','APPOINTMENT_BOOKED','REFERRED'])[1 + (g * 11) % 5]::"VisitOutcome",
           5 + (g * 13) % 40,
           CASE WHEN g % 3 = 0 THEN (ARRAY['AGE_18_29','AGE_30_44','AGE_45_64','AGE_65_PLUS'])[1 + g % 4]::"AgeBand" END,
           CASE WHEN g % 3 = 0 THEN (ARRAY['FEMALE','MALE','NOT_STATED'])[1 + g % 3]::"VisitorGender" END,
           CASE WHEN g % 4 = 0 THEN g % 8 = 0 END,
           v.at, v.at
    FROM generate_series(${from}, ${to - 1}) g
    JOIN point p ON p.n = (g * 2654435761::bigint % ${POINTS})
    CROSS JOIN LATERAL (
      -- A weekday within the last three years, 8–16 Finnish time; a seasonal shape by thinning July.
      SELECT date_trunc('day', now() - make_interval(days => ((g * 48271::bigint) % 1095)::int)) + make_interval(hours => 6 + (g % 8), mins => (g * 7) % 60) AS at
    ) v
    WHERE extract(isodow FROM v.at) < 6 AND NOT (extract(month FROM v.at) = 7 AND g % 3 <> 0)
    LIMIT ${VISITS} - ${written}`);
  written += inserted.rowCount ?? 0;
  say(`  ${written.toLocaleString("en")} visits written`);
}
await sql.query(`INSERT INTO "AdviceVisitTopic" ("visitId", "topicId")
  SELECT v.id, t.id FROM "AdviceVisit" v JOIN topic t ON t.n = (abs(hashtext(v.id::text)) % 15)`);
await sql.query(`INSERT INTO "AdviceVisitTopic" ("visitId", "topicId")
  SELECT v.id, t.id FROM "AdviceVisit" v JOIN topic t ON t.n = ((abs(hashtext(v.id::text)) / 15 + 1) % 15)
  WHERE abs(hashtext(v.id::text)) % 3 = 0 AND t.n <> abs(hashtext(v.id::text)) % 15 ON CONFLICT DO NOTHING`);
await sql.query(`INSERT INTO "AdviceVisitDestination" ("visitId", "destinationId")
  SELECT v.id, d.id FROM "AdviceVisit" v JOIN destination d ON d.n = (abs(hashtext(v.id::text)) % 12) WHERE v.outcome = 'REFERRED'`);
await sql.query("SET session_replication_role = DEFAULT");
say(`  written in ${((Date.now() - started) / 1000).toFixed(0)} s; counting them`);
const rebuildStarted = Date.now();
await sql.query("SELECT rebuild_visit_counts()");
const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;
const dayCounts = Number((await sql.query(`SELECT count(*) AS n FROM "VisitDayCount"`)).rows[0].n);
say(`  ${dayCounts.toLocaleString("en")} day counts in ${rebuildSeconds.toFixed(0)} s`);
await sql.query("VACUUM ANALYZE");
const counts = (await sql.query(`SELECT (SELECT count(*) FROM "AdviceVisit")::int AS visits, (SELECT count(*) FROM "AdviceVisitTopic")::int AS topics, (SELECT count(*) FROM "AdviceVisitDestination")::int AS destinations`)).rows[0];
say(`data: ${JSON.stringify(counts)}`);

const { rows: [adviser] } = await sql.query<{ id: string; email: string; name: string; organisationId: string }>(
  `SELECT id, email, name, "organisationId" FROM "User" WHERE role = 'ADVISER' ORDER BY email LIMIT 1`,
);
const { rows: [admin] } = await sql.query<{ id: string; email: string; name: string }>(`SELECT id, email, name FROM "User" WHERE role = 'ADMIN' LIMIT 1`);
const { rows: topics } = await sql.query<{ id: string }>(`SELECT id FROM topic ORDER BY n LIMIT 2`);
await sql.end();

const { createPrismaClient } = await import("../../server/db/client");
const { issueApiToken } = await import("../../server/auth/api-token");
const prisma = createPrismaClient(databaseUrl, 2);
const { token } = await issueApiToken(prisma, adviser!.id, "bench");
await prisma.$disconnect();

const today = helsinkiToday(new Date());
const yearAgo = addDays(today, -365);
const body = JSON.stringify({ channel: "WALK_IN", languages: ["ar"], interpreter: "NONE", topicIds: topics.map((t) => t.id), outcome: "ANSWERED", referredToIds: [], durationMinutes: 10 });
const bodyFile = scratchFile("visit.json", [body]);
const adviserCookie = await sessionCookie({ ...adviser!, role: "ADVISER" });
const adminCookie = await sessionCookie({ ...admin!, role: "ADMIN", organisationId: null });
const statsPaths = (by: string[]) => by.map((b) => `/advice/stats?from=${yearAgo}&to=${today}&by=${b}`);
const adviserStats = statsPaths(["topic", "language", "channel", "outcome", "destination", "month"]);
// Administrators read the same statistics in the reports' "Advice points" tab (/advice/stats is the advisers' own page).
const adminStats = ["topic", "advicePoint", "month"].map((b) => `/reports/advice?from=${yearAgo}&to=${today}&by=${b}`);

const stopServer = await startProductionServer(PORT, say);
const results: Record<string, Measured> = {};
try {
  const probe = await fetch(`http://127.0.0.1:${PORT}/api/v1/visits`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
  if (probe.status !== 201) throw new Error(`POST /api/v1/visits answered ${probe.status}: ${await probe.text()}`);
  const page = await fetch(`http://127.0.0.1:${PORT}${adviserStats[0]}`, { headers: { cookie: adviserCookie }, redirect: "manual" });
  if (page.status !== 200) throw new Error(`/advice/stats answered ${page.status}`);
  for (const users of [1, 10]) {
    say(`save a visit, ${users} user(s), ${SECONDS} s`);
    results[`save_${users}`] = wrk({ port: PORT, script: "scripts/bench/wrk-visit.lua", path: "/api/v1/visits", seconds: SECONDS, connections: users, env: { BENCH_TOKEN: token, BENCH_BODY: bodyFile } });
    say(`  p50 ${results[`save_${users}`]!.p50} ms, p95 ${results[`save_${users}`]!.p95} ms, ${results[`save_${users}`]!.rps} req/s, non-2xx ${results[`save_${users}`]!.non2xx ?? 0}`);
    say(`adviser's statistics page (a year, one point), ${users} user(s), ${SECONDS} s`);
    wrkPages({ port: PORT, paths: adviserStats, cookie: adviserCookie, seconds: 2, connections: users });
    results[`stats_${users}`] = wrkPages({ port: PORT, paths: adviserStats, cookie: adviserCookie, seconds: SECONDS, connections: users });
    say(`  p50 ${results[`stats_${users}`]!.p50} ms, p95 ${results[`stats_${users}`]!.p95} ms, non-2xx ${results[`stats_${users}`]!.non2xx ?? 0}`);
    if (users === 1) {
      // The whole page: every table of the year and its comparison in one request.
      results.statsWholePage_1 = wrkPages({ port: PORT, paths: [`/advice/stats?from=${yearAgo}&to=${today}`], cookie: adviserCookie, seconds: SECONDS, connections: 1 });
      say(`  the whole statistics page (every table): p50 ${results.statsWholePage_1!.p50} ms, p95 ${results.statsWholePage_1!.p95} ms`);
    }
    if (users > 1) {
      // Ten people at ten desks are not ten connections sending back to back: each pauses (about a
      // second here, far busier than a desk, where a visit takes minutes) between requests.
      say(`save a visit and read the statistics, ${users} users pausing ~${THINK_MS} ms, ${SECONDS} s each`);
      results[`save_${users}_paced`] = wrk({ port: PORT, script: "scripts/bench/wrk-visit.lua", path: "/api/v1/visits", seconds: SECONDS, connections: users, env: { BENCH_TOKEN: token, BENCH_BODY: bodyFile, BENCH_THINK_MS: String(THINK_MS) } });
      results[`stats_${users}_paced`] = wrkPages({ port: PORT, paths: adviserStats, cookie: adviserCookie, seconds: SECONDS, connections: users, thinkMs: THINK_MS });
      say(`  save p95 ${results[`save_${users}_paced`]!.p95} ms (${results[`save_${users}_paced`]!.rps} req/s), statistics p95 ${results[`stats_${users}_paced`]!.p95} ms (${results[`stats_${users}_paced`]!.rps} req/s)`);
    }
    say(`administrator's statistics (a year, all ${POINTS} points), ${users} user(s), ${SECONDS} s`);
    results[`adminStats_${users}`] = wrkPages({ port: PORT, paths: adminStats, cookie: adminCookie, seconds: SECONDS, connections: users });
    say(`  p50 ${results[`adminStats_${users}`]!.p50} ms, p95 ${results[`adminStats_${users}`]!.p95} ms, non-2xx ${results[`adminStats_${users}`]!.non2xx ?? 0}`);
  }
} finally {
  await stopServer();
  if (ownDatabase && process.env.BENCH_KEEP !== "1") await dropDatabase(databaseUrl);
}

const report = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, loadavg: loadavg() },
  data: counts,
  counts: { dayCounts, rebuildSeconds },
  targets: { saveP95Ms: 100, statsP95Ms: 300 },
  results,
  met: {
    oneUser: { save: results.save_1!.p95 < 100, stats: results.stats_1!.p95 < 300, wholePage: results.statsWholePage_1!.p95 < 300, allPoints: results.adminStats_1!.p95 < 300 },
    tenUsersPaced: { save: results.save_10_paced!.p95 < 100, stats: results.stats_10_paced!.p95 < 300 },
    tenUsersBackToBack: { save: results.save_10!.p95 < 100, stats: results.stats_10!.p95 < 300, allPoints: results.adminStats_10!.p95 < 300 },
  },
};
console.table(Object.fromEntries(Object.entries(results).map(([k, m]) => [k, { p50: m.p50, p95: m.p95, p99: m.p99, rps: m.rps, non2xx: m.non2xx ?? 0 }])));
say(`written to ${writeResults("visits", report)}`);
process.exit(0);
