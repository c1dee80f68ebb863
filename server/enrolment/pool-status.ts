import "server-only";
import { db } from "../db/client";
import type { EnrolmentStatus, QueueEntryStatus } from "../db/generated/enums";
import { formatDate, helsinkiToday } from "../../lib/dates";
import type { PoolCriteria } from "../../lib/schemas/pool";
import { findMatches } from "./pool-matching";
import { queuePositions } from "./queue";
import type { Tx } from "./transaction";

// The read model of pooled referrals: what the official's and the client's pages show.

export interface PoolPlace {
  enrolmentId: string;
  courseId: string;
  courseName: string;
  status: EnrolmentStatus;
  preferenceRank: number | null;
  conditional: boolean;
  queuePosition: number | null;
}

export interface PoolStatus {
  id: string;
  status: QueueEntryStatus;
  referredAt: Date;
  priority: "NORMAL" | "URGENT";
  criteria: PoolCriteria;
  rankedCourses: { courseId: string; courseName: string; rank: number }[];
  /** The places the pool holds, best-ranked first. */
  places: PoolPlace[];
  /** Courses that match now but are not joined yet (their referral period opens later, or the minute job has not run). */
  pendingCourses: { courseId: string; courseName: string }[];
}

/** The places of these pools, best-ranked first within each pool, with their queue positions: three queries whatever the count. */
export async function poolPlaces(reader: Pick<Tx, "enrolment" | "$queryRaw">, entryIds: string[]): Promise<Map<string, PoolPlace[]>> {
  const rows = await reader.enrolment.findMany({
    where: { queueEntryId: { in: entryIds } },
    select: { id: true, queueEntryId: true, courseId: true, status: true, preferenceRank: true, conditional: true, course: { select: { name: true, startsOn: true } } },
  });
  rows.sort((a, b) => (a.preferenceRank ?? Infinity) - (b.preferenceRank ?? Infinity) || a.course.startsOn.getTime() - b.course.startsOn.getTime());
  const positions = await queuePositions(reader, rows.filter((r) => r.status === "WAITLISTED").map((r) => r.id));
  const places = new Map<string, PoolPlace[]>(entryIds.map((id) => [id, []]));
  for (const r of rows) {
    places.get(r.queueEntryId!)!.push({
      enrolmentId: r.id,
      courseId: r.courseId,
      courseName: r.course.name,
      status: r.status,
      preferenceRank: r.preferenceRank,
      conditional: r.conditional,
      queuePosition: positions.get(r.id) ?? null,
    });
  }
  return places;
}

/**
 * The client's pooled referrals, newest first, with their places and standing in each: for the
 * official's client page and the client's own page. The caller has checked the client is theirs.
 */
export async function poolStatusOfClient(clientId: string, now = new Date()): Promise<PoolStatus[]> {
  const entries = await db().queueEntry.findMany({
    where: { clientId },
    orderBy: { referredAt: "desc" },
    include: { courses: { orderBy: { rank: "asc" }, select: { courseId: true, rank: true, course: { select: { name: true } } } } },
  });
  if (entries.length === 0) return [];
  // Only an active pool has pending matches (one per client at a time).
  const [places, pending] = await Promise.all([
    poolPlaces(db(), entries.map((e) => e.id)),
    entries.some((e) => e.status === "ACTIVE") ? findMatches(db(), helsinkiToday(now), { clientId }) : Promise.resolve([]),
  ]);
  return entries.map((entry) => ({
    id: entry.id,
    status: entry.status,
    referredAt: entry.referredAt,
    priority: entry.priority,
    criteria: {
      studyPath: entry.studyPath,
      levelFit: entry.levelFit,
      municipalities: entry.municipalities,
      includeRemote: entry.includeRemote,
      schedule: entry.schedule,
      instructionLanguage: entry.instructionLanguage,
      startFrom: formatDate(entry.startFrom),
      startTo: formatDate(entry.startTo),
    },
    rankedCourses: entry.courses.map((c) => ({ courseId: c.courseId, courseName: c.course.name, rank: c.rank })),
    places: places.get(entry.id) ?? [],
    pendingCourses: pending.filter((m) => m.entryId === entry.id).map((m) => ({ courseId: m.courseId, courseName: m.courseName })),
  }));
}
