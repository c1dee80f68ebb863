import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { E2E_DATA_DIR, e2eDatabaseUrl } from "./environment";

// Advice points and advisers for the journeys, written straight into the e2e server's database, so
// that a journey starts with an empty log. An adviser the database already has is used as it is. Each adviser signs in with the demo password (the hash is copied from the
// demo official, so no password hashing is needed here).

function databaseUrl(): string {
  const url = e2eDatabaseUrl();
  if (url) return url;
  const file = join(E2E_DATA_DIR, "embedded-database.json");
  if (!existsSync(file)) throw new Error("The e2e server's embedded database is not running");
  return (JSON.parse(readFileSync(file, "utf8")) as { url: string }).url;
}

export interface AdviserAccount {
  email: string;
  name: string;
  point: string;
  operator?: "MUNICIPALITY" | "NGO";
  municipality?: string;
}

/** Makes sure each adviser exists with an advice point of their own; answers each one's advice point id. */
export async function ensureAdvisers(accounts: AdviserAccount[]): Promise<Record<string, string>> {
  const client = new pg.Client(databaseUrl());
  await client.connect();
  const points: Record<string, string> = {};
  try {
    for (const a of accounts) {
      const existing = await client.query<{ organisationId: string }>(`SELECT "organisationId" FROM "User" WHERE email = $1`, [a.email]);
      if (existing.rows[0]) {
        points[a.email] = existing.rows[0].organisationId;
        continue;
      }
      const point = await client.query<{ id: string }>(
        `INSERT INTO "Organisation" (id, type, name, municipality, operator, "updatedAt")
         VALUES (gen_random_uuid(), 'ADVICE_POINT', $1, $2, $3, now()) RETURNING id`,
        [a.point, a.municipality ?? "Helsinki", a.operator ?? "MUNICIPALITY"],
      );
      await client.query(
        `INSERT INTO "User" (id, email, name, role, "organisationId", "passwordHash", locale, "updatedAt")
         SELECT gen_random_uuid(), $1, $2, 'ADVISER', $3, "passwordHash", 'fi', now() FROM "User" WHERE email = 'virkailija@example.fi'`,
        [a.email, a.name, point.rows[0]!.id],
      );
      points[a.email] = point.rows[0]!.id;
    }
  } finally {
    await client.end();
  }
  return points;
}

/**
 * The journeys' own advisers, each at an advice point of their own, whose desks start empty
 * whatever the demo data (neuvoja@example.fi, neuvoja2@example.fi) or the access matrix logs.
 */
export const ADVISERS = {
  queue: { email: "neuvoja.jono@example.fi", name: "Jonna Jononen", point: "Neuvontapiste Kallio (e2e)", operator: "NGO", municipality: "Helsinki" },
  notes: { email: "neuvoja.muistio@example.fi", name: "Mikko Muistio", point: "Neuvontapiste Espoo (e2e)", operator: "MUNICIPALITY", municipality: "Espoo" },
} as const satisfies Record<string, AdviserAccount>;
