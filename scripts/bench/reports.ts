// npm run bench:reports — p50/p95 of /reports for an administrator, an official and a provider's
// coordinator under 20 concurrent users, against the production server and the data of `npm run
// seed:load` in DATABASE_URL (default postgres://postgres@127.0.0.1:5432/koulutusportti_load).
// Each user pauses about a second between pages (BENCH_THINK_MS) and moves through the filters
// (none, each study path, each municipality). Nothing is cached: every request computes its figures
// from the report cells (server/reports/basis.ts). A second measurement runs the same pages without
// pauses (the machine's page rate), and a third gives every request a referral range of its own, one
// user at a time ("varied ranges"), so no two requests ask the database the same question.
// Load generator: Debian's wrk. Writes bench/results/reports-<date>.json. Asserts nothing.
//
// It signs in as the first office's official, the first provider's coordinator and an administrator.
// Load data made before those users existed in seed:load has no coordinator or administrator:
// BENCH_ADD_USERS=1 adds them (two rows in "User"); never do that on a database others measure.
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { requireWrk, sessionCookie, startProductionServer, loadDatabaseEnvironment, wrkPages, writeResults, type Measured } from "./harness";
import { addDays, helsinkiToday } from "../../lib/dates";

const PORT = Number(process.env.BENCH_PORT ?? 3420);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const USERS = Number(process.env.BENCH_USERS ?? 20);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const say = (m: string) => console.log(`[bench:reports] ${m}`);
const url = loadDatabaseEnvironment(PORT);
requireWrk("bench:reports");

interface Person { id: string; email: string; name: string; role: "ADMIN" | "OFFICIAL" | "PROVIDER_STAFF"; organisationId: string | null }
const sql = new pg.Client(url);
await sql.connect();
const person = async (role: string, orgType: string | null) =>
  (
    await sql.query<Person>(
      orgType
        ? `SELECT u.id, u.email, u.name, u.role, u."organisationId" FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId" WHERE u.role = $1 AND o.type = $2 ORDER BY o.name, u.email LIMIT 1`
        : `SELECT id, email, name, role, "organisationId" FROM "User" WHERE role = $1 ORDER BY email LIMIT 1`,
      orgType ? [role, orgType] : [role],
    )
  ).rows[0];
if (process.env.BENCH_ADD_USERS === "1") {
  await sql.query(`INSERT INTO "User" (id, email, name, role, "organisationId", "updatedAt")
    SELECT gen_random_uuid(), 'load.provider1@example.fi', 'Load Coordinator 1', 'PROVIDER_STAFF'::"Role", (SELECT id FROM "Organisation" WHERE type = 'TRAINING_PROVIDER' ORDER BY name LIMIT 1), now()
    UNION ALL SELECT gen_random_uuid(), 'load.admin@example.fi', 'Load Administrator', 'ADMIN'::"Role", NULL, now()
    ON CONFLICT (email) DO NOTHING`);
}
const people = { admin: await person("ADMIN", null), official: await person("OFFICIAL", "EMPLOYMENT_AUTHORITY"), provider: await person("PROVIDER_STAFF", "TRAINING_PROVIDER") };
for (const [name, p] of Object.entries(people)) {
  if (!p) throw new Error(`No ${name} in the database: run \`npm run seed:load\` (or BENCH_ADD_USERS=1 on a copy of older load data).`);
}
const { rows: places } = await sql.query<{ municipality: string }>(`SELECT DISTINCT municipality FROM "Course" ORDER BY municipality`);
// A server in use has its tables and indexes in memory (see bench:pages).
await sql.query("CREATE EXTENSION IF NOT EXISTS pg_prewarm").catch(() => undefined);
const { rows: warmed } = await sql.query<{ pages: string }>(
  `SELECT sum(pg_prewarm(c.oid))::text AS pages FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')`,
);
const counts = (await sql.query(`SELECT (SELECT count(*) FROM "Client") AS clients, (SELECT count(*) FROM "Course") AS courses, (SELECT count(*) FROM "Enrolment") AS enrolments`)).rows[0];
await sql.end();
say(`warmed ${warmed[0]?.pages ?? 0} pages; data: ${JSON.stringify(counts)}`);

const filters = ["", ...["FAST", "BASIC", "SLOW", "LITERACY"].map((p) => `studyPath=${p}`), ...places.map((p) => `municipality=${encodeURIComponent(p.municipality)}`)];
const warmPaths = filters.map((f) => `/reports${f ? `?${f}` : ""}`);
// Varied ranges: every request its own range (a different start day), one to two years back.
const today = helsinkiToday(new Date());
const variedPaths = Array.from({ length: 3000 }, (_, i) => {
  const from = addDays(today, -(365 + (i % 3000)));
  return `/reports?from=${from}${i % 3 === 0 ? "" : `&${filters[1 + (i % (filters.length - 1))]}`}`;
});

function wrk(paths: string[], cookie: string, seconds: number, connections: number, thinkMs = 0): Measured {
  return wrkPages({ port: PORT, paths, cookie, seconds, connections, thinkMs });
}

const stopServer = await startProductionServer(PORT, say);

const loadBefore = loadavg();
const results: Record<string, { users: Measured; saturation: Measured; varied: Measured }> = {};
try {
  // BENCH_ROLES=admin,provider measures only those.
  const roles = process.env.BENCH_ROLES?.split(",");
  for (const [name, p] of Object.entries(people).filter(([name]) => !roles || roles.includes(name))) {
    const cookie = await sessionCookie(p!);
    const probe = await fetch(`http://127.0.0.1:${PORT}/reports`, { headers: { cookie }, redirect: "manual" });
    if (probe.status !== 200) throw new Error(`The signed-in probe for ${name} answered ${probe.status}: check NEXTAUTH_SECRET`);
    // Warm-up: the server's code paths and the database's plans, once per filter.
    say(`${name} (${p!.email}): warming up on ${warmPaths.length} filters`);
    for (const path of warmPaths) await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie } });
    wrk(warmPaths, cookie, 3, 4);
    say(`${name}: ${USERS} users pausing ~${THINK_MS} ms, ${filters.length} filters, ${SECONDS} s`);
    const users = wrk(warmPaths, cookie, SECONDS, USERS, THINK_MS);
    say(`${name}: p50 ${users.p50} ms, p95 ${users.p95} ms, ${users.rps} req/s, non-2xx ${users.non2xx}`);
    const saturation = wrk(warmPaths, cookie, Math.min(SECONDS, 10), USERS);
    say(`${name} without pauses: ${saturation.rps} req/s, p95 ${saturation.p95} ms`);
    const varied = wrk(variedPaths, cookie, Math.min(SECONDS, 15), 1);
    say(`${name} varied ranges (one user, a range of its own on every request): p50 ${varied.p50} ms, p95 ${varied.p95} ms, ${varied.rps} req/s`);
    results[name] = { users, saturation, varied };
  }
} finally {
  await stopServer();
}

const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: loadavg() },
  data: counts,
  users: USERS,
  thinkMs: THINK_MS,
  seconds: SECONDS,
  filters: filters.length,
  target: "p95 < 300 ms for /reports per role",
  note: "no cache: every request computes its figures from the report cells; users = 20 users pausing ~1 s over 11 filters; saturation = the same without pauses; varied = one user, a referral range of its own on every request",
  results,
};
const file = writeResults("reports", report);
console.table(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { p50: v.users.p50, p95: v.users.p95, "varied p50": v.varied.p50, "varied p95": v.varied.p95, "max req/s": v.saturation.rps }])));
say(`wrote ${file}`);
process.exit(0);
