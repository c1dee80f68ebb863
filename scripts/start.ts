// npm start — the whole service in one command.
//   No DATABASE_URL: starts the embedded PostgreSQL (PGlite, data in .data/), applies migrations,
//   seeds the demo data once, builds if the build is missing or stale, serves on PORT (3000).
//   DATABASE_URL set: the same against that PostgreSQL; nothing embedded starts, nothing is seeded.
// Ctrl-C / SIGTERM stops the web server first, then closes the database so everything is flushed.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createPrismaClient } from "../server/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../server/db/embedded";
import { applyMigrations } from "../server/db/migrations";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../server/demo/data";
import { seedDemoData } from "../server/demo/seed";
import { startMailCatcher, type MailCatcher } from "../server/notifications/catcher";
import { buildApp, buildIsCurrent, nextBin } from "./lib/build";
import { embeddedUrlFile } from "./lib/database-url";
import { resolveSecrets } from "./lib/secrets";

const root = process.cwd();
const dataDir = resolve(process.env.DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const say = (message: string) => console.log(`[koulutusportti] ${message}`);

let embedded: EmbeddedPostgres | null = null;
let server: ChildProcess | null = null;
let catcher: MailCatcher | null = null;
let stopping = false;
let stopped: Promise<void> | undefined;

/** Idempotent: a second signal (Ctrl-C pressed twice, or a signal to the whole process group) waits for the first. */
async function shutdown(code: number): Promise<never> {
  stopping = true;
  stopped ??= (async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      say("Stopping the web server…");
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await catcher?.close();
    if (embedded) {
      rmSync(embeddedUrlFile(dataDir), { force: true });
      say("Closing the embedded database…");
      await embedded.stop();
    }
    say("Stopped.");
  })();
  await stopped;
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !stopping) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  const started = Date.now();
  const secrets = await resolveSecrets(dataDir);
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    say(`Starting the embedded PostgreSQL (PGlite) with data in ${dataDir}/pgdata…`);
    embedded = await startEmbeddedPostgres({ dataDir: resolve(dataDir, "pgdata") });
    databaseUrl = embedded.url;
    writeFileSync(embeddedUrlFile(dataDir), JSON.stringify({ url: embedded.url, pid: process.pid }));
  }
  const applied = await applyMigrations(databaseUrl);
  say(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

  if (embedded) {
    process.env.DATA_ENCRYPTION_KEY = secrets.DATA_ENCRYPTION_KEY;
    const prisma = createPrismaClient(databaseUrl, 2);
    const { created } = await seedDemoData(prisma, { encryptionKey: secrets.DATA_ENCRYPTION_KEY });
    await prisma.$disconnect();
    say(created ? "Demo data created." : "Demo data already present; kept as it is.");
  }

  if (!(await buildIsCurrent(root))) {
    say("Building the app (first start or changed sources; this takes a minute or two)…");
    await buildApp(root);
  }

  // No SMTP_URL: e-mails go to a local SMTP server and can be read at /mailbox (demo only).
  let mail: Record<string, string> = {};
  if (!process.env.SMTP_URL) {
    const mailboxDir = resolve(dataDir, "mailbox");
    catcher = await startMailCatcher({ dir: mailboxDir, port: Number(process.env.DEMO_SMTP_PORT ?? 0) });
    mail = { SMTP_URL: catcher.url, DEMO_MAILBOX_DIR: mailboxDir };
    say(`No SMTP_URL: e-mails go to the demo mailbox (${catcher.url}); read them at http://localhost:${port}/mailbox`);
  }

  server = spawn(process.execPath, [nextBin(), "start", "--port", String(port)], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...secrets,
      DATABASE_URL: databaseUrl,
      // One connection on PGlite: its socket server can interleave two connections' protocol
      // messages outside transactions (docs/decisions/001-embedded-pglite.md).
      DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? (embedded ? "1" : "10"),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      ...mail,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  server.on("exit", (code, signal) => {
    if (stopping) return;
    if (signal === "SIGTERM" || signal === "SIGINT") {
      // The whole process group was signalled (Ctrl-C, a process manager): a normal stop.
      void shutdown(0);
    } else {
      say(`The web server exited (${code ?? signal}).`);
      void shutdown(code ?? 1);
    }
  });

  if (!(await waitForHealth(`http://127.0.0.1:${port}/api/health`, 120_000))) {
    say("The web server did not become healthy in time.");
    await shutdown(1);
  }
  say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${port}`);
  if (embedded) {
    say(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) say(`  ${account.email.padEnd(26)} ${account.description}`);
  }
}

main().catch(async (error: unknown) => {
  console.error(`[koulutusportti] Start failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
