import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface Secrets {
  NEXTAUTH_SECRET: string;
  DATA_ENCRYPTION_KEY: string;
}

/**
 * Secrets for a local (non-production) run: taken from the environment when set, otherwise
 * generated once and kept in <dataDir>/secrets.json (mode 600) so sessions and encrypted identity
 * codes survive restarts. Under NODE_ENV=production nothing is generated: missing means stop.
 */
export async function resolveSecrets(
  dataDir: string,
  environment: Record<string, string | undefined> = process.env,
): Promise<Secrets> {
  const given = {
    NEXTAUTH_SECRET: environment.NEXTAUTH_SECRET,
    DATA_ENCRYPTION_KEY: environment.DATA_ENCRYPTION_KEY,
  };
  if (given.NEXTAUTH_SECRET && given.DATA_ENCRYPTION_KEY) return given as Secrets;
  if (environment.NODE_ENV === "production") {
    const missing = Object.entries(given).filter(([, v]) => !v).map(([k]) => k);
    throw new Error(`NODE_ENV=production: set ${missing.join(" and ")} (see README, "Configuration").`);
  }
  const file = join(dataDir, "secrets.json");
  let stored: Partial<Secrets> = {};
  try {
    stored = JSON.parse(await readFile(file, "utf8")) as Partial<Secrets>;
  } catch {
    stored = {};
  }
  const secrets: Secrets = {
    NEXTAUTH_SECRET: given.NEXTAUTH_SECRET ?? stored.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEY: given.DATA_ENCRYPTION_KEY ?? stored.DATA_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  };
  if (secrets.NEXTAUTH_SECRET !== stored.NEXTAUTH_SECRET || secrets.DATA_ENCRYPTION_KEY !== stored.DATA_ENCRYPTION_KEY) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
