-- Client register search (issue 5): names are searched as "contains, case-insensitive" over
-- "lastName firstName"; a trigram index keeps that fast with 100 000 clients. Hand-written: Prisma's
-- schema language cannot express an expression GIN index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Client_name_trgm_idx" ON "Client" USING gin ((lower("lastName" || ' ' || "firstName")) gin_trgm_ops);

-- Client number prefix and e-mail lookups stay on their unique/btree indexes; the home page's
-- "integration time ending" list reads by office and end date.
CREATE INDEX "Client_officeId_integrationPlanEndsOn_idx" ON "Client" ("officeId", "integrationPlanEndsOn");
