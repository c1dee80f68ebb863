// What the benchmarks share: the production server (built when stale, jobs off), Debian's wrk as the
// load generator, and a signed-in session cookie without going through the sign-in form.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import type { Role } from "../../server/db/generated/enums";
import { buildApp, buildIsCurrent, nextBin } from "../lib/build";
import { helsinkiToday } from "../../lib/dates";

/** Exits, saying what to install, when a command the benchmark needs is missing; true when it is there. */
export function hasCommand(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

export function requireWrk(tag: string): void {
  if (hasCommand("wrk")) return;
  console.error(`[${tag}] wrk is needed: apt-get install wrk`);
  process.exit(1);
}

/**
 * The environment the server code reads, for the data of `npm run seed:load` in DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/koulutusportti_load), served on this port. Returns the URL.
 */
export function loadDatabaseEnvironment(port: number): string {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/koulutusportti_load";
  Object.assign(process.env, {
    DATABASE_URL: url,
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "load-secret-load-secret-load-secret-0123456",
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? Buffer.alloc(32, 3).toString("base64"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "warn",
  });
  return url;
}

/** Writes bench/results/<name>-<YYYY-MM-DD>.json and returns its path. */
export function writeResults(name: string, report: unknown, date = new Date()): string {
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${name}-${helsinkiToday(date)}.json`;
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  return file;
}

export interface Measured { requests: number; rps: number; p50: number; p95: number; p99: number; max?: number; non2xx?: number; socketErrors?: number }

/**
 * Builds the app if its sources changed, starts `next start` on the port with the current
 * environment and waits for /api/health. BENCH_PROFILE=<dir> makes the server write a V8 CPU
 * profile there when it stops (open it in Chrome's DevTools). Returns a function that stops it.
 */
export async function startProductionServer(port: number, say: (m: string) => void): Promise<() => Promise<void>> {
  if (!(await buildIsCurrent(process.cwd()))) {
    say("building the app");
    await buildApp(process.cwd());
  }
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const server = spawn(process.execPath, [...profile, nextBin(), "start", "--port", String(port)], {
    env: { ...process.env, JOBS: "off", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  };
}

/** A next-auth session cookie for this user, signed with NEXTAUTH_SECRET. */
export async function sessionCookie(user: { id: string; role: Role; organisationId: string | null; email: string; name: string }): Promise<string> {
  // Signed in now; the stamps of server/auth/lifetime.ts (a run renews nothing: wrk keeps no cookies, and
  // a role's measurement takes minutes, well inside the 30-minute idle limit).
  const now = Math.floor(Date.now() / 1000);
  const token = { sub: user.id, uid: user.id, role: user.role, organisationId: user.organisationId, email: user.email, name: user.name, signedInAt: now, activeAt: now };
  return `next-auth.session-token=${await encode({ token, secret: process.env.NEXTAUTH_SECRET!, maxAge: 8 * 60 * 60 })}`;
}

const workDir = join(tmpdir(), `kp-bench-${process.pid}`);

/** Runs wrk with one of scripts/bench/*.lua against the server; the script's last line is the JSON report. */
export function wrk(options: { port: number; script: string; path?: string; seconds: number; connections: number; env?: Record<string, string> }): Measured {
  const threads = Math.min(2, options.connections);
  const out = execFileSync(
    "wrk",
    ["-t", String(threads), "-c", String(options.connections), "-d", `${options.seconds}s`, "--timeout", "10s", "-s", options.script, `http://127.0.0.1:${options.port}${options.path ?? "/"}`],
    { env: { ...process.env, BENCH_THREADS: String(threads), ...options.env }, encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as Measured;
}

/** GETs these pages in turn, signed in with the cookie; with thinkMs each connection pauses between pages as a person does. */
export function wrkPages(options: { port: number; paths: string[]; cookie: string; seconds: number; connections: number; thinkMs?: number }): Measured {
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, `paths-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, options.paths.join("\n") + "\n");
  return wrk({
    port: options.port,
    script: "scripts/bench/wrk-pages.lua",
    seconds: options.seconds,
    connections: options.connections,
    env: { BENCH_PATHS: file, BENCH_COOKIE: options.cookie, BENCH_THINK_MS: String(options.thinkMs ?? 0) },
  });
}

/** A file in the run's scratch folder, for data wrk's Lua scripts read. */
export function scratchFile(name: string, lines: string[]): string {
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}
