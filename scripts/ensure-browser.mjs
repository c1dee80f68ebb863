// Finds a Chromium for the browser tests, or gets one:
//   1. CHROMIUM_PATH, or Debian's /usr/bin/chromium;
//   2. Playwright's own download (where the internet allows it);
//   3. as root, Debian's chromium package via apt-get.
// Prints the path of the browser to use ("" for Playwright's own) on the last line of stdout.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const say = (m) => console.error(`[browser] ${m}`);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] }).status === 0;

export function findBrowser() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    say(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  say("No Debian chromium; trying Playwright's own browser download…");
  if (run("npx", ["playwright", "install", "chromium"])) return "";
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    say("Download failed; installing Debian's chromium with apt-get…");
    if (run("apt-get", ["update", "-qq"]) && run("apt-get", ["install", "-y", "-qq", "chromium"]) && existsSync("/usr/bin/chromium")) {
      return "/usr/bin/chromium";
    }
  }
  say("No browser for the end-to-end tests. Do one of these, then run `npm test` again:");
  say("  - Debian/Ubuntu: sudo apt-get install chromium");
  say("  - with internet access: npx playwright install chromium");
  say("  - or point CHROMIUM_PATH at a Chromium or Chrome executable.");
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = findBrowser();
  if (path === null) process.exit(1);
  console.log(path);
}
