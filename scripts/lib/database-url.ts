import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Where `npm start` tells other commands how to reach the embedded database while it runs. */
export const EMBEDDED_URL_FILE = "embedded-database.json";

export function embeddedUrlFile(dataDir = resolve(process.env.DATA_DIR ?? ".data")): string {
  return resolve(dataDir, EMBEDDED_URL_FILE);
}

/** DATABASE_URL, else the embedded database of a running `npm start`, else null. */
export function resolveDatabaseUrl(): string | null {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = embeddedUrlFile();
  if (!existsSync(file)) return null;
  const { url, pid } = JSON.parse(readFileSync(file, "utf8")) as { url: string; pid: number };
  try {
    process.kill(pid, 0);
    return url;
  } catch {
    return null;
  }
}
