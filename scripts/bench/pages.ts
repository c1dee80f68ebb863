// npm run bench:pages — p50/p95 of the official's busiest pages (client search, client page, course
// finder) under 20 concurrent users, against the production server and the data of `npm run
// seed:load` in DATABASE_URL (default postgres://postgres@127.0.0.1:5432/koulutusportti_load).
// A user pauses between pages (BENCH_THINK_MS, 1 000 ms on average: a brisk official); a second run
// without pauses (20 connections back to back) shows how many pages per second the machine serves.
// Load generator: Debian's wrk. Writes bench/results/pages-<date>.json. A benchmark: asserts nothing.
import { cpus } from "node:os";
import pg from "pg";
import { requireWrk, sessionCookie, startProductionServer, loadDatabaseEnvironment, wrkPages, writeResults, type Measured } from "./harness";

const PORT = Number(process.env.BENCH_PORT ?? 3410);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const USERS = Number(process.env.BENCH_USERS ?? 20);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const say = (m: string) => console.log(`[bench:pages] ${m}`);
const url = loadDatabaseEnvironment(PORT);
requireWrk("bench:pages");

// The first office's official, and what they would look for: names, numbers, e-mails; their clients' pages and finders.
const sql = new pg.Client(url);
await sql.connect();
const { rows: [official] } = await sql.query<{ id: string; email: string; name: string; organisationId: string }>(
  `SELECT u.id, u.email, u.name, u."organisationId" FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId" WHERE u.role = 'OFFICIAL' ORDER BY o.name LIMIT 1`,
);
if (!official) throw new Error("No official in the database: run `npm run seed:load` first.");
const { rows: clients } = await sql.query<{ id: string; clientNumber: number; lastName: string; firstName: string; email: string | null }>(
  `SELECT id, "clientNumber", "lastName", "firstName", email FROM "Client" WHERE "officeId" = $1 ORDER BY md5(id::text) LIMIT 2000`,
  [official.organisationId],
);
// A server in use has its tables and indexes in memory; a freshly loaded database does not, and
// its first reads would measure the disk. Warm the cache first (pg_prewarm ships with PostgreSQL).
await sql.query("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
const { rows: warmed } = await sql.query<{ pages: string }>(
  `SELECT sum(pg_prewarm(c.oid))::text AS pages FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')`,
);
say(`warmed ${warmed[0]?.pages ?? 0} pages into the cache`);
const counts = (await sql.query(`SELECT (SELECT count(*) FROM "Client") AS clients, (SELECT count(*) FROM "Course") AS courses, (SELECT count(*) FROM "Enrolment") AS enrolments`)).rows[0];
await sql.end();
say(`data: ${JSON.stringify(counts)}; acting as ${official.email}`);

const enc = encodeURIComponent;
const scenarios: Record<string, string[]> = {
  // The framework's floor: a signed-in page with no database work beyond the session's user.
  floor: ["/accessibility"],
  clientSearch: clients.flatMap((c, i) => [
    `/official/clients?q=${enc(c.lastName.split("-")[0]!.slice(0, 3 + (i % 4)).toLowerCase())}`,
    `/official/clients?q=${c.clientNumber}`,
    `/official/clients?q=${enc(`${c.firstName.toLowerCase()} ${c.lastName.slice(0, 4).toLowerCase()}`)}`,
    ...(c.email ? [`/official/clients?q=${enc(c.email)}`] : []),
    `/official/clients?placement=waiting&page=${1 + (i % 20)}`,
  ]),
  clientPage: clients.map((c) => `/official/clients/${c.id}`),
  courseFinder: clients.map((c, i) => `/official/clients/${c.id}/courses${i % 3 === 0 ? "?remote=include&schedule=DAY" : ""}`),
};

const cookie = await sessionCookie({ ...official, role: "OFFICIAL" });

function wrk(paths: string[], seconds: number, connections: number, thinkMs = 0): Measured {
  return wrkPages({ port: PORT, paths, cookie, seconds, connections, thinkMs });
}

const stopServer = await startProductionServer(PORT, say);
const probe = await fetch(`http://127.0.0.1:${PORT}${scenarios.clientPage![0]}`, { headers: { cookie }, redirect: "manual" });
if (probe.status !== 200) throw new Error(`The signed-in probe answered ${probe.status}: check NEXTAUTH_SECRET`);

const results: Record<string, Measured> = {};
const saturation: Record<string, Measured> = {};
try {
  for (const [name, paths] of Object.entries(scenarios)) {
    say(`${name}: warm-up`);
    wrk(paths.slice(-200), 3, 4);
    say(`${name}: ${USERS} concurrent users pausing ~${THINK_MS} ms between pages, ${SECONDS} s`);
    results[name] = wrk(paths, SECONDS, USERS, THINK_MS);
    say(`${name}: p50 ${results[name]!.p50} ms, p95 ${results[name]!.p95} ms, ${results[name]!.rps} req/s, non-2xx ${results[name]!.non2xx}`);
    saturation[name] = wrk(paths, Math.min(SECONDS, 10), USERS);
    say(`${name} without pauses: ${saturation[name]!.rps} req/s, p95 ${saturation[name]!.p95} ms`);
  }
} finally {
  await stopServer();
}

const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  data: counts,
  users: USERS,
  thinkMs: THINK_MS,
  seconds: SECONDS,
  target: "p95 < 150 ms per page",
  note: "floor = a static signed-in page: what rendering the shell costs before any of the page's own queries",
  results,
  saturation,
};
const file = writeResults("pages", report);
console.table(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { p50: v.p50, p95: v.p95, rps: v.rps, non2xx: v.non2xx, "max req/s (no pauses)": saturation[k]!.rps }])));
say(`wrote ${file}`);
process.exit(0);
