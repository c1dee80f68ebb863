// npm run simulate — replays a synthetic year of referrals through the real enrolment engine twice
// (A: per-course queues; B: pooled referrals with conditional acceptance), each on a fresh database,
// and compares the two. Writes bench/results/simulate.{json,md,svg} and prints the table.
// The model: docs/simulation.md. Scale: SIM_CLIENTS, SIM_COURSES, SIM_MONTHS, SIM_MUNICIPALITIES; SIM_SEED;
// SIM_OFFICIAL=diligent|preference: how the per-course official picks a course (world.ts);
// SIM_POOL=favourites|soonest: how the pooled run's client ranks courses (world.ts);
// SIM_NAME names the result files (default simulate). The two runs are independent (a database each)
// and run in two child processes at once; SIM_PARALLEL=0 runs them one after the other in this one.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CONFIG, simulate, type Policy, type SimulationConfig, type SimulationReport } from "../server/simulation";
import { renderMarkdown, renderSvg, textTable, verdict } from "../server/simulation/report";

process.env.LOG_LEVEL ??= "warn";
const say = (m: string) => console.log(`[simulate] ${m}`);

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`[simulate] ${name}=${raw}: a positive number is needed`);
    process.exit(1);
  }
  return value;
}

const config: SimulationConfig = {
  ...DEFAULT_CONFIG,
  seed: process.env.SIM_SEED || DEFAULT_CONFIG.seed,
  clients: Math.round(numberFrom("SIM_CLIENTS", DEFAULT_CONFIG.clients)),
  courses: Math.round(numberFrom("SIM_COURSES", DEFAULT_CONFIG.courses)),
  months: numberFrom("SIM_MONTHS", DEFAULT_CONFIG.months),
  municipalities: Math.round(numberFrom("SIM_MUNICIPALITIES", DEFAULT_CONFIG.municipalities)),
  official: process.env.SIM_OFFICIAL === "preference" ? "PREFERENCE" : "DILIGENT",
  pool: process.env.SIM_POOL === "soonest" ? "SOONEST" : "FAVOURITES",
};
if (process.env.SIM_POOL && !["favourites", "soonest"].includes(process.env.SIM_POOL)) {
  console.error(`[simulate] SIM_POOL=${process.env.SIM_POOL}: favourites or soonest`);
  process.exit(1);
}
if (process.env.SIM_OFFICIAL && !["diligent", "preference"].includes(process.env.SIM_OFFICIAL)) {
  console.error(`[simulate] SIM_OFFICIAL=${process.env.SIM_OFFICIAL}: diligent or preference`);
  process.exit(1);
}

const name = process.env.SIM_NAME || "simulate";
if (!/^[a-z0-9-]+$/.test(name)) {
  console.error(`[simulate] SIM_NAME=${name}: lower-case letters, digits and - only`);
  process.exit(1);
}

// The scratch databases go on DATABASE_URL's server, else on a local PostgreSQL; neither: in-memory PGlite.
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const POLICIES: Policy[] = ["PER_COURSE", "POOLED"];
const options = {
  serverUrl,
  databaseName: (policy: Policy) => `koulutusportti_sim_${policy === "PER_COURSE" ? "a" : "b"}`,
  progress: say,
};

// A child: one policy, its report to the file the parent named.
const childPolicy = process.env.SIM_POLICY as Policy | undefined;
if (childPolicy) {
  if (!POLICIES.includes(childPolicy)) throw new Error(`SIM_POLICY=${childPolicy}: one of ${POLICIES.join(", ")}`);
  const report = await simulate(config, { ...options, policies: [childPolicy] });
  writeFileSync(process.env.SIM_RESULT_FILE!, JSON.stringify(report));
  process.exit(0);
}

/** Runs this script again for one policy and reads its report. */
function runChild(policy: Policy, dir: string): Promise<SimulationReport> {
  const file = join(dir, `${policy}.json`);
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: { ...process.env, SIM_POLICY: policy, SIM_RESULT_FILE: file },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(readFileSync(file, "utf8")) as SimulationReport) : reject(new Error(`the ${policy} run failed (exit ${code})`))));
  });
}

say(`seed ${config.seed}: ${config.clients} clients, ${config.courses} courses, ${config.months} months, ${config.municipalities} municipalities`);
const began = performance.now();
const loadBefore = loadavg()[0]!;
let report: SimulationReport;
if (process.env.SIM_PARALLEL === "0") {
  report = await simulate(config, options);
} else {
  const dir = mkdtempSync(join(tmpdir(), "kp-simulate-"));
  try {
    const reports = await Promise.all(POLICIES.map((policy) => runChild(policy, dir)));
    report = { ...reports[0]!, runs: reports.flatMap((r) => r.runs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const totalSeconds = Math.round((performance.now() - began) / 1000);
const machine = `${cpus().length} cores, load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end`;
const generatedAt = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";

mkdirSync("bench/results", { recursive: true });
writeFileSync(`bench/results/${name}.json`, JSON.stringify({ generatedAt, machine, totalSeconds, verdict: verdict(report), ...report }, null, 2) + "\n");
writeFileSync(`bench/results/${name}.md`, renderMarkdown(report, { generatedAt, totalSeconds, machine, chart: `${name}.svg` }));
writeFileSync(`bench/results/${name}.svg`, renderSvg(report));

console.log("");
console.log(textTable(report));
console.log("");
const v = verdict(report);
if (v.medianCut !== null) {
  say(`median wait cut by ${(v.medianCut * 100).toFixed(1)} %, fill rate ${v.fillDelta! >= 0 ? "+" : ""}${(v.fillDelta! * 100).toFixed(1)} points: target (≥ 30 %, fill not lower) ${v.met ? "met" : "not met"}`);
}
for (const run of report.runs) {
  if (run.log.errors.length) say(`${run.policy}: ${run.log.errors.length} engine exceptions, see bench/results/${name}.md`);
  if (Object.values(run.invariants).some((ids) => ids.length)) say(`${run.policy}: INVARIANTS BROKEN, see bench/results/${name}.json`);
}
say(`wrote bench/results/${name}.{json,md,svg} in ${totalSeconds} s (${machine})`);
