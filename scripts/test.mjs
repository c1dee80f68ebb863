// npm test: lint, typecheck, unit + integration tests (vitest, real database), end-to-end tests
// (Playwright, real browser, axe). Ends with one line "N passed, N failed[, N skipped]".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { findBrowser } from "./ensure-browser.mjs";

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep = null;

function step(name, cmd, args, env = {}) {
  if (failedStep) return;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { status } = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${status === 0 ? "ok" : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  if (status !== 0) failedStep = name;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

rmSync(".test-reports", { recursive: true, force: true });
mkdirSync(".test-reports", { recursive: true });

const browser = findBrowser();
if (browser === null) process.exit(1);
console.log(`Database for tests: ${process.env.TEST_DATABASE_URL ? "TEST_DATABASE_URL" : "embedded PGlite (set TEST_DATABASE_URL for PostgreSQL)"}`);
console.log(`Browser: ${browser || "Playwright's own Chromium"}`);

step("lint", "npx", ["eslint", "--max-warnings=0", "."]);
step("typecheck", "npx", ["tsc", "--noEmit"]);
step("unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.test-reports/unit.json"]);
const unit = readJson(".test-reports/unit.json");
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + unit.numTodoTests;
}
step("end-to-end tests", "npx", ["playwright", "test"], browser ? { CHROMIUM_PATH: browser } : {});
const e2e = readJson(".test-reports/e2e.json");
if (e2e && !failedStep?.startsWith("unit")) {
  totals.passed += e2e.stats.expected + e2e.stats.flaky;
  totals.failed += e2e.stats.unexpected;
  totals.skipped += e2e.stats.skipped;
}

console.log("");
if (failedStep) console.log(`Stopped at: ${failedStep}`);
if (failedStep && totals.failed === 0) totals.failed = 1; // a failed lint/typecheck/runner counts
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedStep ? 1 : 0);
