import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { E2E_DATA_DIR, e2eDatabaseUrl } from "./environment";

// Advice points, advisers and visits written straight into the e2e server's database, for specs
// that need them before the demo data has any (the visit form has its own journeys).

/** The e2e server's database: the PostgreSQL one, or the embedded one the server is running. */
export function e2eDatabase(): string {
  return e2eDatabaseUrl() ?? (JSON.parse(readFileSync(join(E2E_DATA_DIR, "embedded-database.json"), "utf8")) as { url: string }).url;
}

export interface E2eVisit {
  occurredAt: Date;
  channel: string;
  outcome?: string;
  languages?: string[];
  topicCodes?: string[];
}

/** An advice point with one adviser (who signs in with the demo password) and the visits given. */
export async function adviceWorld(name: string, visits: E2eVisit[]): Promise<{ pointId: string; pointName: string; adviserEmail: string }> {
  const client = new pg.Client(e2eDatabase());
  await client.connect();
  try {
    const suffix = randomUUID().slice(0, 8);
    const pointId = randomUUID();
    const adviserEmail = `neuvoja.${suffix}@example.fi`;
    await client.query("BEGIN");
    const pointName = `${name} ${suffix}`;
    await client.query(`INSERT INTO "Organisation" (id, type, name, municipality, operator, "updatedAt") VALUES ($1, 'ADVICE_POINT', $2, 'Helsinki', 'MUNICIPALITY', now())`, [pointId, pointName]);
    // The demo password's hash, taken from a demo account rather than computed here.
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "organisationId", "passwordHash", "updatedAt")
       SELECT $1, $2, 'Neuvoja Testinen', 'ADVISER', $3, "passwordHash", now() FROM "User" WHERE email = 'virkailija@example.fi'`,
      [randomUUID(), adviserEmail, pointId],
    );
    const topics = new Map((await client.query<{ id: string; code: string }>(`SELECT id, code FROM "VisitListEntry" WHERE kind = 'TOPIC' AND code IS NOT NULL`)).rows.map((r) => [r.code, r.id]));
    for (const v of visits) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "AdviceVisit" (id, "advicePointId", "occurredAt", channel, languages, outcome, "updatedAt") VALUES ($1, $2, $3, $4::"VisitChannel", $5, $6::"VisitOutcome", now())`,
        [id, pointId, v.occurredAt, v.channel, v.languages ?? ["fi"], v.outcome ?? "ANSWERED"],
      );
      for (const code of v.topicCodes ?? []) await client.query(`INSERT INTO "AdviceVisitTopic" ("visitId", "topicId") VALUES ($1, $2)`, [id, topics.get(code)]);
    }
    await client.query("COMMIT");
    return { pointId, pointName, adviserEmail };
  } finally {
    await client.end();
  }
}
