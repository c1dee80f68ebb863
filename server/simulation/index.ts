import "server-only";
import { closeDb } from "../db/client";
import { scratchDatabase, pointServerAt } from "./database";
import { checkInvariants, readMetrics, type InvariantReport, type RunMetrics } from "./metrics";
import { runPolicy, type Policy, type RunLog } from "./run";
import { seedWorld } from "./seed";
import { buildWorld, dayString, type SimulationConfig, type World } from "./world";

// `npm run simulate` (scripts/simulate.ts) and its test: one synthetic world, replayed through the
// real engine once per policy, each on a fresh database. docs/simulation.md describes the model.

export { DEFAULT_CONFIG, RATES, buildWorld, type SimulationConfig, type World } from "./world";
export type { Policy } from "./run";
export type { RunMetrics, InvariantReport } from "./metrics";

export interface PolicyRun {
  policy: Policy;
  database: "postgresql" | "pglite";
  seconds: number;
  metrics: RunMetrics;
  invariants: InvariantReport;
  log: Omit<RunLog, "leftClients">;
}

export interface SimulationReport {
  config: SimulationConfig;
  world: {
    firstDay: string;
    lastArrivalDay: string;
    lastDay: string;
    clients: number;
    courses: number;
    seats: number;
    municipalities: string[];
    clientsByPath: Record<string, number>;
    coursesByPath: Record<string, number>;
    remoteCourses: number;
    swedishCourses: number;
    eveningCourses: number;
  };
  runs: PolicyRun[];
}

export interface SimulateOptions {
  /** A PostgreSQL server to create the scratch databases on; null or unreachable: in-memory PGlite. */
  serverUrl: string | null;
  /** Scratch database names per policy (on PostgreSQL). */
  databaseName: (policy: Policy) => string;
  /** Drop the scratch databases afterwards (the script keeps them to look at). */
  dropDatabases?: boolean;
  policies?: Policy[];
  progress?: (message: string) => void;
}

export async function simulate(config: SimulationConfig, options: SimulateOptions): Promise<SimulationReport> {
  const world = buildWorld(config);
  const runs: PolicyRun[] = [];
  for (const policy of options.policies ?? (["PER_COURSE", "POOLED"] as const)) {
    const database = await scratchDatabase(options.databaseName(policy), options.serverUrl);
    try {
      await pointServerAt(database);
      const began = performance.now();
      await seedWorld(world);
      const log = await runPolicy(world, policy, { progress: options.progress });
      const seconds = Math.round((performance.now() - began) / 100) / 10;
      const metrics = await readMetrics(world, log);
      const invariants = await checkInvariants();
      runs.push({ policy, database: database.kind, seconds, metrics, invariants, log: withoutClients(log) });
      options.progress?.(`${policy}: ${seconds} s`);
    } finally {
      await closeDb();
      if (options.dropDatabases || database.kind === "pglite") await database.dispose();
    }
  }
  return { config, world: describeWorld(world), runs };
}

function withoutClients(log: RunLog): PolicyRun["log"] {
  const rest: Partial<RunLog> = { ...log };
  delete rest.leftClients;
  return rest as PolicyRun["log"];
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function describeWorld(world: World): SimulationReport["world"] {
  const last = world.clients.at(-1);
  return {
    firstDay: dayString(world, 0),
    lastArrivalDay: last ? dayString(world, Math.floor(last.arrivalMs / 86_400_000)) : dayString(world, 0),
    lastDay: dayString(world, world.endDay),
    clients: world.clients.length,
    courses: world.courses.length,
    seats: world.courses.reduce((sum, c) => sum + c.capacity, 0),
    municipalities: [...new Set(world.offices.map((o) => o.municipality))],
    clientsByPath: countBy(world.clients, (c) => c.studyPath),
    coursesByPath: countBy(world.courses, (c) => c.studyPath),
    remoteCourses: world.courses.filter((c) => c.remote).length,
    swedishCourses: world.courses.filter((c) => c.instructionLanguage === "SV").length,
    eveningCourses: world.courses.filter((c) => c.schedule === "EVENING").length,
  };
}
