// npm run bench:enrol — referral throughput and latency, against a PostgreSQL (DATABASE_URL, default:
// a fresh database on 127.0.0.1:5432), with the production server and Debian's wrk as load generator.
// Prints a table and writes bench/results/enrol-<date>.json. A benchmark, not a test: it asserts nothing.
import { execFileSync } from "node:child_process";
import pg from "pg";
import { benchDatabase, dropDatabase } from "./database";
import { hasCommand, requireWrk, scratchFile, startProductionServer, wrk as runWrk, writeResults, type Measured } from "./harness";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const COURSES_PER_PHASE = 50;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 40_000);
const say = (m: string) => console.log(`[bench] ${m}`);

const { databaseUrl, ownDatabase } = await benchDatabase("koulutusportti_bench");
say(`database ${new URL(databaseUrl).pathname.slice(1)}, migrated`);

// Data: one office and provider, 3 phases × 50 courses of 20 seats, many clients.
const sql = new pg.Client(databaseUrl);
await sql.connect();
const { rows: [office] } = await sql.query(`INSERT INTO "Organisation" (id, type, name, municipality, "updatedAt") VALUES (gen_random_uuid(), 'EMPLOYMENT_AUTHORITY', 'Bench office', 'Helsinki', now()) RETURNING id`);
const { rows: [provider] } = await sql.query(`INSERT INTO "Organisation" (id, type, name, municipality, "updatedAt") VALUES (gen_random_uuid(), 'TRAINING_PROVIDER', 'Bench provider', 'Helsinki', now()) RETURNING id`);
const { rows: [official] } = await sql.query(`INSERT INTO "User" (id, email, name, role, "organisationId", "updatedAt") VALUES (gen_random_uuid(), 'bench.official@example.fi', 'Bench Official', 'OFFICIAL', $1, now()) RETURNING id`, [office.id]);
const { rows: courses } = await sql.query<{ id: string }>(
  `INSERT INTO "Course" (id, "providerId", name, "instructionLanguage", "studyPath", "levelFrom", "levelTo", municipality, schedule, "startsOn", "endsOn", capacity, status, "updatedAt")
   SELECT gen_random_uuid(), $1, 'Bench ' || g, 'FI', 'BASIC', 'A0', 'A1_3', 'Helsinki', 'DAY', current_date + 30, current_date + 150, 20, 'PUBLISHED', now()
   FROM generate_series(1, ${3 * COURSES_PER_PHASE}) g RETURNING id`,
  [provider.id],
);
const { rows: clients } = await sql.query<{ id: string }>(
  `INSERT INTO "Client" (id, "officeId", "firstName", "lastName", "dateOfBirth", "studyPath", email, "updatedAt")
   SELECT gen_random_uuid(), $1, 'Bench', 'Client ' || g, '1990-01-01', 'BASIC', 'bench' || g || '@example.com', now()
   FROM generate_series(1, ${CLIENTS}) g RETURNING id`,
  [office.id],
);
await sql.query("ANALYZE");
say(`seeded ${clients.length} clients and ${courses.length} courses`);

const { issueApiToken } = await import("../../server/auth/api-token");
const { createPrismaClient } = await import("../../server/db/client");
const prisma = createPrismaClient(databaseUrl, 2);
const { token } = await issueApiToken(prisma, official.id, "bench");
await prisma.$disconnect();

/** Distinct (course, client) pairs for one phase: every client once, spread over the phase's courses. */
function pairsFor(phase: number): [string, string][] {
  const phaseCourses = courses.slice(phase * COURSES_PER_PHASE, (phase + 1) * COURSES_PER_PHASE);
  return clients.map((c, i) => [phaseCourses[i % phaseCourses.length]!.id, c.id]);
}
function pairsFile(phase: number): string {
  return scratchFile(`pairs-${phase}.txt`, pairsFor(phase).map(([course, client]) => `${course} ${client}`));
}

function wrk(script: string, path: string, connections: number, env: Record<string, string> = {}): Measured {
  return runWrk({ port: PORT, script, path, seconds: SECONDS, connections, env: { BENCH_TOKEN: token, ...env } });
}

function pgbenchTps(): number | null {
  if (!hasCommand("pgbench")) return null;
  const db = `koulutusportti_pgbench_${Date.now()}`;
  execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", `CREATE DATABASE "${db}"`]);
  try {
    execFileSync("pgbench", ["-h", "127.0.0.1", "-U", "postgres", "-i", "-q", "-s", "5", db], { stdio: "ignore" });
    const out = execFileSync("pgbench", ["-h", "127.0.0.1", "-U", "postgres", "-c", "16", "-j", "2", "-T", String(SECONDS), db], { encoding: "utf8" });
    return Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  } finally {
    execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", `DROP DATABASE "${db}" WITH (FORCE)`]);
  }
}

/** The engine's referClient called in-process from `tasks` concurrent loops for the same duration. */
async function directEngine(phase: number, tasks: number): Promise<Measured> {
  const { referClient, staff } = await import("../../server/enrolment");
  const { loadActor } = await import("../../server/auth/actor");
  const { db } = await import("../../server/db/client");
  const actor = staff((await loadActor(db(), official.id))!);
  const pairs = pairsFor(phase);
  let next = 0;
  const latencies: number[] = [];
  let failed = 0;
  const until = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: tasks }, async () => {
      while (Date.now() < until && next < pairs.length) {
        const [courseId, clientId] = pairs[next++]!;
        const t0 = performance.now();
        const r = await referClient({ actor, courseId, clientId });
        latencies.push(performance.now() - t0);
        if (!r.ok) failed++;
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(2));
  return { requests: latencies.length, rps: Number((latencies.length / seconds).toFixed(1)), p50: pct(50), p95: pct(95), p99: pct(99), non2xx: failed };
}

requireWrk("bench");
const results: Record<string, unknown> = {};
say(`pgbench TPC-B-like, scale 5, 16 clients, ${SECONDS} s`);
const pgbench = pgbenchTps();
results.pgbench = { tps: pgbench };

const stopServer = await startProductionServer(PORT, say);
try {
  // Warm-up: compile routes and fill connection pools.
  wrk("scripts/bench/wrk-me.lua", "/api/v1/me", 8);
  say("floor: GET /api/v1/me at 32 connections");
  results.floor = wrk("scripts/bench/wrk-me.lua", "/api/v1/me", 32);
  say("referrals: POST /api/v1/courses/{id}/enrolments at 32 connections");
  results.referralsHttp = wrk("scripts/bench/wrk-refer.lua", "/", 32, { BENCH_PAIRS: pairsFile(0) });
  say("referral latency at 8 connections");
  results.referralLatency8 = wrk("scripts/bench/wrk-refer.lua", "/", 8, { BENCH_PAIRS: pairsFile(1) });
} finally {
  await stopServer();
}
say("direct engine: referClient from 32 concurrent tasks, no HTTP");
results.directEngine = await directEngine(2, 32);

const rps = (k: string) => (results[k] as Measured).rps;
const ratios = {
  referralOverFloor: rps("referralsHttp") / rps("floor"),
  floorOverPgbench: pgbench ? rps("floor") / pgbench : null,
  directEngineOverPgbench: pgbench ? rps("directEngine") / pgbench : null,
};
const targets = {
  referralOverFloor: ">= 0.6",
  floorOverPgbench: ">= 0.3",
  directEngineOverPgbench: ">= 0.5",
  referralP95At8: "< 60 ms",
};
const report = { date: new Date().toISOString(), machine: { cpus: (await import("node:os")).cpus().length, node: process.version }, seconds: SECONDS, results, ratios, targets };
const file = writeResults("enrol", report);

const row = (name: string, m: Measured) => `${name.padEnd(34)} ${m.rps.toFixed(0).padStart(7)} req/s   p50 ${m.p50.toFixed(1).padStart(6)} ms   p95 ${m.p95.toFixed(1).padStart(6)} ms   p99 ${m.p99.toFixed(1).padStart(6)} ms${m.non2xx ? `   (${m.non2xx} non-2xx)` : ""}`;
console.log("");
console.log(`pgbench (scale 5, 16 clients)      ${pgbench?.toFixed(0) ?? "n/a"} tps`);
console.log(row("GET /api/v1/me, 32 conns (floor)", results.floor as Measured));
console.log(row("POST referral, 32 conns", results.referralsHttp as Measured));
console.log(row("POST referral, 8 conns", results.referralLatency8 as Measured));
console.log(row("referClient direct, 32 tasks", results.directEngine as Measured));
console.log(`referral ÷ floor ${ratios.referralOverFloor.toFixed(2)} (target ≥ 0.6)   floor ÷ pgbench ${ratios.floorOverPgbench?.toFixed(2) ?? "n/a"} (≥ 0.3)   direct ÷ pgbench ${ratios.directEngineOverPgbench?.toFixed(2) ?? "n/a"} (≥ 0.5)   p95 at 8: ${(results.referralLatency8 as Measured).p95.toFixed(1)} ms (< 60)`);
console.log(`written to ${file}`);
await sql.end();
await (await import("../../server/db/client")).closeDb();
if (ownDatabase && process.env.BENCH_KEEP_DB !== "1") {
  // The database this run created is dropped again unless BENCH_KEEP_DB=1.
  await dropDatabase(databaseUrl);
}
process.exit(0);
