-- Official's workspace (issue 5). Client register search: names are searched as "contains, case-insensitive" over
-- "lastName firstName"; a trigram index keeps that fast with 100 000 clients. Hand-written: Prisma's
-- schema language cannot express an expression GIN index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Client_name_trgm_idx" ON "Client" USING gin ((lower("lastName" || ' ' || "firstName")) gin_trgm_ops);

-- The home page's "integration time ending" list reads by office and end date.
CREATE INDEX "Client_officeId_integrationPlanEndsOn_idx" ON "Client" ("officeId", "integrationPlanEndsOn");

-- The course finder's waiting-time estimate counts, per course, the seats handed to people who had
-- waited (offered or confirmed after the referral) in the last 90 days: an index-only count.
CREATE INDEX "Enrolment_courseId_seatGrantedAt_idx" ON "Enrolment" ("courseId", (coalesce("offeredAt", "confirmedAt"))) INCLUDE ("referredAt")
  WHERE coalesce("offeredAt", "confirmedAt") IS NOT NULL;

-- The home page's "recent events that need action": the newest declines, expiries and no-shows.
CREATE INDEX "Enrolment_needsAction_updatedAt_idx" ON "Enrolment" ("updatedAt")
  WHERE status IN ('DECLINED', 'EXPIRED', 'NO_SHOW');
