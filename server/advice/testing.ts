// Test helpers for the visit statistics: visits written straight into the database (the visit
// form and its API are tested on their own), the built-in managed lists, and random visits.
import { randomUUID } from "node:crypto";
import { loadActor, type Actor } from "../auth/actor";
import type { AgeBand, InterpreterKind, TimeInFinlandBand, VisitChannel, VisitOutcome, VisitorGender } from "../db/generated/enums";
import { testDb } from "../testing/db";

export interface TestVisit {
  advicePointId: string;
  occurredAt: Date;
  channel?: VisitChannel;
  languages?: string[];
  interpreter?: InterpreterKind;
  outcome?: VisitOutcome;
  topicIds?: string[];
  destinationIds?: string[];
  ageBand?: AgeBand | null;
  gender?: VisitorGender | null;
  timeInFinland?: TimeInFinlandBand | null;
  firstVisit?: boolean | null;
}

/** Writes the visits with their topics and destinations; returns their ids in order. */
export async function insertVisits(visits: TestVisit[]): Promise<string[]> {
  const rows = visits.map((v) => ({ ...v, id: randomUUID() }));
  await testDb().adviceVisit.createMany({
    data: rows.map((v) => ({
      id: v.id,
      advicePointId: v.advicePointId,
      occurredAt: v.occurredAt,
      channel: v.channel ?? "WALK_IN",
      languages: v.languages ?? ["fi"],
      interpreter: v.interpreter ?? "NONE",
      outcome: v.outcome ?? "ANSWERED",
      ageBand: v.ageBand ?? null,
      gender: v.gender ?? null,
      timeInFinland: v.timeInFinland ?? null,
      firstVisit: v.firstVisit ?? null,
    })),
  });
  const topics = rows.flatMap((v) => [...new Set(v.topicIds ?? [])].map((topicId) => ({ visitId: v.id, topicId })));
  const destinations = rows.flatMap((v) => [...new Set(v.destinationIds ?? [])].map((destinationId) => ({ visitId: v.id, destinationId })));
  if (topics.length) await testDb().adviceVisitTopic.createMany({ data: topics });
  if (destinations.length) await testDb().adviceVisitDestination.createMany({ data: destinations });
  return rows.map((v) => v.id);
}

/** The built-in topics and destinations (the migration's rows, with their codes). */
export async function builtInLists() {
  const entries = await testDb().visitListEntry.findMany({ where: { code: { not: null } }, orderBy: { sortOrder: "asc" } });
  return { topics: entries.filter((e) => e.kind === "TOPIC"), destinations: entries.filter((e) => e.kind === "DESTINATION") };
}

/** The acting user as the pages and the API load them. */
export async function actorOf(userId: string): Promise<Actor> {
  return (await loadActor(testDb(), userId))!;
}

export { seededRandom } from "../../lib/random";
