import "server-only";
import { Prisma } from "../db/generated/client";
import { db } from "../db/client";
import { helsinkiToday } from "../../lib/dates";
import { fillFreeSeats } from "./hand-over";
import { lockClient, lockCourse } from "./locks";
import { actorColumns } from "./transitions";
import { inTransaction, type Tx } from "./transaction";
import type { EngineActor } from "./types";

// Which courses a pooled referral matches, and joining them: a pool is materialised as a
// WAITLISTED place on every course it matches (docs/decisions/005-pooled-queue.md), so each course
// keeps one queue in one order and every rule of the engine applies unchanged. New matches (a
// course published later, a referral period opening) are joined by syncPools.

/**
 * SQL: course `k` matches pool entry `q` of client `c` today and the pool has no place on it yet.
 * A course matches if the client ranked it, or if it meets the pool's criteria; either way it must
 * take referrals today. A client on a conditional seat joins only courses ranked above that seat.
 */
function matchesPool(today: string): Prisma.Sql {
  return Prisma.sql`
    q.status = 'ACTIVE' AND c."anonymisedAt" IS NULL
    AND course_takes_referrals(k.status, k."referralOpensOn", k."referralClosesOn", k."endsOn", ${today}::date)
    AND (
      r.rank IS NOT NULL
      OR (q."studyPath" IS NOT NULL AND k."studyPath" = q."studyPath"
        AND (NOT q."levelFit" OR c."languageLevel" IS NULL OR c."languageLevel" BETWEEN k."levelFrom" AND k."levelTo")
        AND ((cardinality(q.municipalities) = 0 AND NOT q."includeRemote") OR k.municipality = ANY(q.municipalities) OR (q."includeRemote" AND k.remote))
        AND (q.schedule IS NULL OR k.schedule = q.schedule)
        AND (q."instructionLanguage" IS NULL OR k."instructionLanguage" = q."instructionLanguage")
        AND (q."startFrom" IS NULL OR k."startsOn" >= q."startFrom")
        AND (q."startTo" IS NULL OR k."startsOn" <= q."startTo"))
    )
    AND NOT EXISTS (SELECT 1 FROM "Enrolment" p WHERE p."queueEntryId" = q.id AND p."courseId" = k.id)
    AND NOT EXISTS (SELECT 1 FROM "Enrolment" l WHERE l."clientId" = q."clientId" AND l."courseId" = k.id
                      AND enrolment_is_live(l.status))
    AND NOT EXISTS (SELECT 1 FROM "Enrolment" s WHERE s."clientId" = q."clientId" AND s.status = 'CONFIRMED' AND s.conditional
                      AND COALESCE(r.rank, 2147483647) >= COALESCE(s."preferenceRank", 2147483647))`;
}

export interface Match {
  entryId: string;
  courseId: string;
  courseName: string;
  rank: number | null;
}

/** Pairs of (pool, course) to join, best-ranked and soonest-starting first within each pool. */
export async function findMatches(tx: Pick<Tx, "$queryRaw">, today: string, filter: { entryId?: string; courseId?: string; clientId?: string }): Promise<Match[]> {
  return tx.$queryRaw<Match[]>`
    SELECT q.id AS "entryId", k.id AS "courseId", k.name AS "courseName", r.rank
    FROM "QueueEntry" q
    JOIN "Client" c ON c.id = q."clientId"
    JOIN "Course" k ON true
    LEFT JOIN "QueueEntryCourse" r ON r."queueEntryId" = q.id AND r."courseId" = k.id
    WHERE ${filter.entryId ? Prisma.sql`q.id = ${filter.entryId}::uuid` : filter.clientId ? Prisma.sql`q."clientId" = ${filter.clientId}::uuid` : Prisma.sql`q.status = 'ACTIVE'`}
      AND ${filter.courseId ? Prisma.sql`k.id = ${filter.courseId}::uuid` : Prisma.sql`true`}
      AND ${matchesPool(today)}
    ORDER BY q."referredAt", q.id, r.rank NULLS LAST, k."startsOn", k.id`;
}

/**
 * Joins pools to the courses they newly match (a course published, a referral period opened, a
 * pool just made), then offers free seats in queue order. Run by referToPool, after a course is
 * published, and every minute by the job runner. Returns how many places were joined.
 */
export async function syncPools(now = new Date(), options: { entryId?: string; courseId?: string; actor?: EngineActor } = {}): Promise<number> {
  const today = helsinkiToday(now);
  const matches = await findMatches(db(), today, options);
  const touched = new Set<string>();
  for (const match of matches) {
    if (await joinPoolCourse(match, today, now, options.actor ?? { kind: "SYSTEM" })) touched.add(match.courseId);
  }
  for (const courseId of touched) await fillFreeSeats(courseId, now);
  return matches.length;
}

/** One pool joins one course's queue: locks course, then client (the engine's order), re-checks the match, writes the place and its event. */
async function joinPoolCourse(match: Match, today: string, now: Date, actor: EngineActor): Promise<boolean> {
  return inTransaction(async (tx) => {
    const course = await lockCourse(tx, match.courseId);
    const entry = await tx.queueEntry.findUnique({ where: { id: match.entryId } });
    if (!course || !entry) return false;
    const client = await lockClient(tx, entry.clientId);
    if (!client) return false;
    const [still] = await findMatches(tx, today, { entryId: entry.id, courseId: course.id });
    if (!still) return false;
    // The pool's referral time keeps one fair order across the courses it joins, but never ahead of
    // someone already told their place in this queue (a pool joining a course after others queued).
    const [{ key }] = await tx.$queryRaw<[{ key: number }]>`SELECT queue_key_behind(${course.id}::uuid, ${entry.priority}::"QueuePriority", ${entry.referredAt}) AS key`;
    const enrolment = await tx.enrolment.create({
      data: {
        clientId: client.id,
        courseId: course.id,
        status: "WAITLISTED",
        priority: entry.priority,
        priorityReason: entry.priorityReason,
        queueOrder: key,
        referredAt: entry.referredAt,
        referredById: entry.referredById,
        referralNote: entry.note,
        queueEntryId: entry.id,
        preferenceRank: still.rank,
      },
      select: { id: true },
    });
    await tx.enrolmentEvent.create({
      data: {
        enrolmentId: enrolment.id,
        at: now,
        ...actorColumns(actor),
        fromStatus: null,
        toStatus: "WAITLISTED",
        reason: "Pooled referral matches this course",
        data: { referral: true, pooled: true, queueEntryId: entry.id, preferenceRank: still.rank },
      },
    });
    return true;
  });
}
