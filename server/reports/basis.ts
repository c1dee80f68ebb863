import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";

// The reports' basis (docs/reports.md, "Speed"): "ReportCell" counts the enrolments that share
// every attribute a report reads (referral day, office, the course's provider, study path and
// municipality, status, offer and confirmation made, waiting times in calendar days, direct or
// pooled referral). Triggers on
// "Enrolment" (and on the course and client attributes a cell reads) append each change to
// "ReportCellChange" as -1 for the old cell and +1 for the new one; the minute job folds those into
// "ReportCell". A report reads both in one statement, so it counts every committed change exactly
// once whether or not it has been folded yet.

const COLUMNS = Prisma.raw(`"referredOn", "officeId", "providerId", "studyPath", "municipality", "status", "offered", "confirmed", "offerDays", "startDays", "pooled", "enrolments"`);

/** The report cells as of this statement (folded and not yet folded), as a FROM item aliased `c`. */
export const reportCells = Prisma.sql`(SELECT ${COLUMNS} FROM "ReportCell" UNION ALL SELECT ${COLUMNS} FROM "ReportCellChange") c`;

/** Cell r is summed cell s (the unique key "ReportCell_key", null waiting times as one value). */
const sameCell = Prisma.sql`r."referredOn" = s."referredOn" AND r."officeId" = s."officeId" AND r."providerId" = s."providerId"
  AND r."studyPath" = s."studyPath" AND r."municipality" = s."municipality" AND r."status" = s."status" AND r."offered" = s."offered"
  AND r."confirmed" = s."confirmed" AND coalesce(r."offerDays", -1) = coalesce(s."offerDays", -1) AND coalesce(r."startDays", -1) = coalesce(s."startDays", -1) AND r."pooled" = s."pooled"`;

/** Any constant: one folding transaction at a time across every app instance. */
const FOLD_LOCK = 7_203_001;

/**
 * Moves the appended changes into "ReportCell" (summed per cell) and drops cells that became
 * empty. One instance at a time (an advisory lock; another instance skips its turn). Returns the
 * number of changes folded. Reports read the same numbers before and after.
 */
export async function foldReportChanges(): Promise<number> {
  return db().$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}) AS locked`;
    if (!lock?.locked) return 0;
    // A cell that exists takes the sum (an INSERT … ON CONFLICT would check a negative sum against
    // the cell's CHECK before finding the conflict); a new one is inserted.
    const [moved] = await tx.$queryRaw<{ changes: bigint }[]>`
      WITH moved AS (DELETE FROM "ReportCellChange" RETURNING ${COLUMNS}),
      summed AS (
        SELECT "referredOn", "officeId", "providerId", "studyPath", "municipality", "status", "offered", "confirmed", "offerDays", "startDays", "pooled",
          sum("enrolments")::int AS "enrolments", count(*) AS changes
        FROM moved GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
      ),
      updated AS (
        UPDATE "ReportCell" r SET "enrolments" = r."enrolments" + s."enrolments", "updatedAt" = now()
        FROM summed s
        WHERE ${sameCell}
        RETURNING r.id
      ),
      inserted AS (
        INSERT INTO "ReportCell" (${COLUMNS})
        SELECT "referredOn", "officeId", "providerId", "studyPath", "municipality", "status", "offered", "confirmed", "offerDays", "startDays", "pooled", "enrolments"
        FROM summed s WHERE NOT EXISTS (SELECT 1 FROM "ReportCell" r WHERE ${sameCell})
        RETURNING id
      )
      SELECT coalesce(sum(changes), 0) AS changes FROM summed`;
    await tx.$executeRaw`DELETE FROM "ReportCell" WHERE "enrolments" = 0`;
    return Number(moved?.changes ?? 0);
  });
}
