-- CreateTable
CREATE TABLE "VisitDayCount" (
    "advicePointId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitDayCount_pkey" PRIMARY KEY ("advicePointId","day","dimension","key")
);

-- CreateTable
CREATE TABLE "VisitMonthCount" (
    "advicePointId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitMonthCount_pkey" PRIMARY KEY ("advicePointId","month","dimension","key")
);

-- CreateTable
CREATE TABLE "VisitCountChange" (
    "id" BIGSERIAL NOT NULL,
    "advicePointId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitCountChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VisitDayCount_day_idx" ON "VisitDayCount"("day");

-- CreateIndex
CREATE INDEX "VisitMonthCount_month_idx" ON "VisitMonthCount"("month");

-- ---------------------------------------------------------------------------------------------
-- Hand-written: the visit statistics' basis (docs/reports.md, "Advice points"). Proven by
-- server/advice/counts.test.ts and the cross-checks in server/advice/stats.test.ts.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "VisitDayCount" ADD CONSTRAINT "VisitDayCount_visits_nonnegative" CHECK ("visits" >= 0);
ALTER TABLE "VisitMonthCount" ADD CONSTRAINT "VisitMonthCount_visits_nonnegative" CHECK ("visits" >= 0);

-- What a visit counts in, with its topics and destinations as they are in the tables now: one row
-- per dimension and value (a language written twice counts once; an empty profile field is
-- NOT_RECORDED), and under "visits": "all", and "topic" / "destination" / "language" when it has
-- at least one. The statistics' dimension names (lib/schemas/advice-stats.ts). PL/pgSQL, not
-- SQL: PostgreSQL 15 fails to plan an inlined version under GROUP BY ("variable not found in
-- subplan target list").
CREATE FUNCTION visit_count_keys(v "AdviceVisit") RETURNS TABLE (dimension text, key text) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT 'visits', 'all'
  UNION ALL SELECT 'channel', v.channel::text
  UNION ALL SELECT 'outcome', v.outcome::text
  UNION ALL SELECT 'ageBand', coalesce(v."ageBand"::text, 'NOT_RECORDED')
  UNION ALL SELECT 'gender', coalesce(v.gender::text, 'NOT_RECORDED')
  UNION ALL SELECT 'timeInFinland', coalesce(v."timeInFinland"::text, 'NOT_RECORDED')
  UNION ALL SELECT 'firstVisit', CASE v."firstVisit" WHEN true THEN 'FIRST_VISIT' WHEN false THEN 'RETURNING' ELSE 'NOT_RECORDED' END
  UNION ALL SELECT DISTINCT 'language', l FROM unnest(v.languages) l
  UNION ALL SELECT 'visits', 'language' WHERE cardinality(v.languages) > 0
  UNION ALL SELECT 'topic', t."topicId"::text FROM "AdviceVisitTopic" t WHERE t."visitId" = v.id
  UNION ALL SELECT 'visits', 'topic' WHERE EXISTS (SELECT 1 FROM "AdviceVisitTopic" t WHERE t."visitId" = v.id)
  UNION ALL SELECT 'destination', d."destinationId"::text FROM "AdviceVisitDestination" d WHERE d."visitId" = v.id
  UNION ALL SELECT 'visits', 'destination' WHERE EXISTS (SELECT 1 FROM "AdviceVisitDestination" d WHERE d."visitId" = v.id);
END $$;

-- A visit logged, corrected or deleted appends -1 for what it counted in and +1 for what it counts
-- in now, on its Finnish day (report_day). Appending takes no lock another desk could wait for.
-- Deleting counts before the row goes, while its topics and destinations are still there (their
-- cascade then finds no visit and appends nothing).
CREATE FUNCTION visit_track_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "VisitCountChange" ("advicePointId", day, dimension, key, visits)
  SELECT OLD."advicePointId", report_day(OLD."occurredAt"), k.dimension, k.key, -1 FROM visit_count_keys(OLD) k WHERE TG_OP <> 'INSERT'
  UNION ALL
  SELECT NEW."advicePointId", report_day(NEW."occurredAt"), k.dimension, k.key, 1 FROM visit_count_keys(NEW) k WHERE TG_OP <> 'DELETE';
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD END;
END $$;

CREATE TRIGGER "AdviceVisit_track_counts" AFTER INSERT ON "AdviceVisit"
  FOR EACH ROW EXECUTE FUNCTION visit_track_counts();
CREATE TRIGGER "AdviceVisit_track_counts_delete" BEFORE DELETE ON "AdviceVisit"
  FOR EACH ROW EXECUTE FUNCTION visit_track_counts();
CREATE TRIGGER "AdviceVisit_track_counts_update"
  AFTER UPDATE OF "advicePointId", "occurredAt", channel, outcome, languages, "ageBand", gender, "timeInFinland", "firstVisit" ON "AdviceVisit"
  FOR EACH ROW
  WHEN ((OLD."advicePointId", OLD."occurredAt", OLD.channel, OLD.outcome, OLD.languages, OLD."ageBand", OLD.gender, OLD."timeInFinland", OLD."firstVisit")
    IS DISTINCT FROM (NEW."advicePointId", NEW."occurredAt", NEW.channel, NEW.outcome, NEW.languages, NEW."ageBand", NEW.gender, NEW."timeInFinland", NEW."firstVisit"))
  EXECUTE FUNCTION visit_track_counts();

-- A visit's topics or destinations written or removed (per statement, with its transition
-- tables): +1 / -1 for each value on the visit's day, and "visits" with at least one moves when a
-- visit gains its first value or loses its last. TG_ARGV: the dimension and the value's column.
CREATE FUNCTION visit_values_track_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT "visitId", %2$I AS value, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT "visitId", %2$I AS value, -1 AS sign FROM removed'
    ELSE 'SELECT "visitId", %2$I AS value, 1 AS sign FROM added UNION ALL SELECT "visitId", %2$I, -1 FROM removed' END;
BEGIN
  EXECUTE format($q$
    WITH r AS (%3$s), per AS (SELECT "visitId", sum(sign)::int AS delta FROM r GROUP BY 1)
    INSERT INTO "VisitCountChange" ("advicePointId", day, dimension, key, visits)
    SELECT v."advicePointId", report_day(v."occurredAt"), %1$L, r.value::text, r.sign FROM r JOIN "AdviceVisit" v ON v.id = r."visitId"
    UNION ALL
    SELECT v."advicePointId", report_day(v."occurredAt"), 'visits', %1$L, CASE WHEN now.n > 0 THEN 1 ELSE -1 END
    FROM per JOIN "AdviceVisit" v ON v.id = per."visitId"
    CROSS JOIN LATERAL (SELECT count(*) AS n FROM %4$I x WHERE x."visitId" = per."visitId") now
    WHERE (now.n > 0) <> (now.n - per.delta > 0)
  $q$, TG_ARGV[0], TG_ARGV[1], format(changed, TG_ARGV[0], TG_ARGV[1]), TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER "AdviceVisitTopic_track_counts_insert" AFTER INSERT ON "AdviceVisitTopic"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION visit_values_track_counts('topic', 'topicId');
CREATE TRIGGER "AdviceVisitTopic_track_counts_delete" AFTER DELETE ON "AdviceVisitTopic"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION visit_values_track_counts('topic', 'topicId');
CREATE TRIGGER "AdviceVisitTopic_track_counts_update" AFTER UPDATE ON "AdviceVisitTopic"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION visit_values_track_counts('topic', 'topicId');
CREATE TRIGGER "AdviceVisitDestination_track_counts_insert" AFTER INSERT ON "AdviceVisitDestination"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION visit_values_track_counts('destination', 'destinationId');
CREATE TRIGGER "AdviceVisitDestination_track_counts_delete" AFTER DELETE ON "AdviceVisitDestination"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION visit_values_track_counts('destination', 'destinationId');
CREATE TRIGGER "AdviceVisitDestination_track_counts_update" AFTER UPDATE ON "AdviceVisitDestination"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION visit_values_track_counts('destination', 'destinationId');

-- Every count again from the visits: the visits already logged, and a bulk load written with the
-- triggers off (scripts/bench/visits.ts).
CREATE FUNCTION rebuild_visit_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "AdviceVisit", "AdviceVisitTopic", "AdviceVisitDestination" IN SHARE MODE;
  TRUNCATE "VisitCountChange", "VisitDayCount", "VisitMonthCount";
  INSERT INTO "VisitDayCount" ("advicePointId", day, dimension, key, visits)
    SELECT v."advicePointId", report_day(v."occurredAt"), k.dimension, k.key, count(*)::int
    FROM "AdviceVisit" v, visit_count_keys(v) k GROUP BY 1, 2, 3, 4;
  INSERT INTO "VisitMonthCount" ("advicePointId", month, dimension, key, visits)
    SELECT "advicePointId", date_trunc('month', day)::date, dimension, key, sum(visits)::int FROM "VisitDayCount" GROUP BY 1, 2, 3, 4;
END $$;

SELECT rebuild_visit_counts();
