// npm run simulate — replays a synthetic year of referrals through the real enrolment engine twice
// (A: per-course queues; B: pooled referrals with conditional acceptance), each on a fresh database,
// and compares the two. Writes bench/results/simulate.{json,md,svg} and prints the table.
// The model: docs/simulation.md. Scale: SIM_CLIENTS, SIM_COURSES, SIM_MONTHS, SIM_MUNICIPALITIES; SIM_SEED;
// SIM_NAME names the result files (default simulate).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { DEFAULT_CONFIG, simulate, type SimulationConfig } from "../server/simulation";
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
};

const name = process.env.SIM_NAME || "simulate";
if (!/^[a-z0-9-]+$/.test(name)) {
  console.error(`[simulate] SIM_NAME=${name}: lower-case letters, digits and - only`);
  process.exit(1);
}

// The scratch databases go on DATABASE_URL's server, else on a local PostgreSQL; neither: in-memory PGlite.
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
say(`seed ${config.seed}: ${config.clients} clients, ${config.courses} courses, ${config.months} months, ${config.municipalities} municipalities`);
const began = performance.now();
const loadBefore = loadavg()[0]!;
const report = await simulate(config, {
  serverUrl,
  databaseName: (policy) => `koulutusportti_sim_${policy === "PER_COURSE" ? "a" : "b"}`,
  progress: say,
});
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
