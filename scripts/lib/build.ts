import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

// What a production build is made of. When any of it changes, `npm start` builds again, so a
// pulled change is never served from a stale build.
const SOURCES = ["app", "components", "lib", "server", "messages", "emails", "i18n", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "next.config.js", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const HASH_FILE = ".next/koulutusportti-source-hash";

async function* files(path: string): AsyncGenerator<string> {
  if (!existsSync(path)) return;
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    yield path;
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(e.name) || e.name.endsWith(".test.ts") || e.name.endsWith(".test.tsx")) continue;
    if (e.isDirectory()) yield* files(join(path, e.name));
    else yield join(path, e.name);
  }
}

export async function sourceHash(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for await (const file of files(join(root, source))) {
      hash.update(relative(root, file)).update("\0").update(await readFile(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

export async function buildIsCurrent(root: string): Promise<boolean> {
  if (!existsSync(join(root, ".next/BUILD_ID"))) return false;
  const stored = await readFile(join(root, HASH_FILE), "utf8").catch(() => "");
  return stored === (await sourceHash(root));
}

export function nextBin(): string {
  return createRequire(import.meta.url).resolve("next/dist/bin/next");
}

export async function buildApp(root: string): Promise<void> {
  const hash = await sourceHash(root);
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [nextBin(), "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (code) => (code === 0 ? resolvePromise() : reject(new Error(`next build exited with ${code}`))));
  });
  await writeFile(join(root, HASH_FILE), hash);
}
