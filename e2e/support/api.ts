import { execFileSync } from "node:child_process";
import { E2E_DATA_DIR, e2eDatabaseUrl } from "./environment";

/** A real API token from the real command, for the e2e server's database. */
export function apiToken(email: string): string {
  const url = e2eDatabaseUrl();
  const output = execFileSync("npm", ["run", "--silent", "api-token", "--", email], {
    env: { ...process.env, ...(url ? { DATABASE_URL: url } : { DATA_DIR: E2E_DATA_DIR }) },
    encoding: "utf8",
  });
  return output.trim().split("\n").at(-1)!;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
