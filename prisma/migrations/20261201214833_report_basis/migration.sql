-- CreateTable
CREATE TABLE "ReportCell" (
    "id" BIGSERIAL NOT NULL,
    "referredOn" DATE NOT NULL,
    "officeId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "studyPath" "StudyPath" NOT NULL,
    "municipality" TEXT NOT NULL,
    "status" "EnrolmentStatus" NOT NULL,
    "offered" BOOLEAN NOT NULL,
    "confirmed" BOOLEAN NOT NULL,
    "offerDays" INTEGER,
    "startDays" INTEGER,
    "pooled" BOOLEAN NOT NULL,
    "enrolments" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportCell_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportCellChange" (
    "id" BIGSERIAL NOT NULL,
    "referredOn" DATE NOT NULL,
    "officeId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "studyPath" "StudyPath" NOT NULL,
    "municipality" TEXT NOT NULL,
    "status" "EnrolmentStatus" NOT NULL,
    "offered" BOOLEAN NOT NULL,
    "confirmed" BOOLEAN NOT NULL,
    "offerDays" INTEGER,
    "startDays" INTEGER,
    "pooled" BOOLEAN NOT NULL,
    "enrolments" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportCellChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseOfficeSeats" (
    "courseId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "seatsHeld" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseOfficeSeats_pkey" PRIMARY KEY ("courseId","officeId")
);

-- CreateIndex
CREATE INDEX "CourseOfficeSeats_officeId_idx" ON "CourseOfficeSeats"("officeId");

-- ---------------------------------------------------------------------------------------------
-- Hand-written: the reports' basis (docs/reports.md, "Speed"). Proven by
-- server/reports/basis.test.ts.
-- ---------------------------------------------------------------------------------------------

-- The Finnish calendar day of a moment (reports count days in Finnish time).
CREATE FUNCTION report_day(t timestamptz) RETURNS date LANGUAGE sql STABLE
  AS $$ SELECT (t AT TIME ZONE 'Europe/Helsinki')::date $$;

-- The report cell an enrolment counts in, with its client's office and its course's attributes as
-- they are in the table now. "pooled": the enrolment is a place of a pooled referral (QueueEntry).
CREATE FUNCTION report_cell_of(e "Enrolment") RETURNS TABLE (
  "referredOn" date, "officeId" uuid, "providerId" uuid, "studyPath" "StudyPath", municipality text,
  status "EnrolmentStatus", offered boolean, confirmed boolean, "offerDays" integer, "startDays" integer, pooled boolean
) LANGUAGE sql STABLE AS $$
  SELECT report_day(e."referredAt"), cl."officeId", k."providerId", k."studyPath", k.municipality, e.status,
    e."offeredAt" IS NOT NULL, e."confirmedAt" IS NOT NULL,
    report_day(coalesce(e."offeredAt", e."confirmedAt")) - report_day(e."referredAt"),
    report_day(e."startedAt") - report_day(e."referredAt"), e."queueEntryId" IS NOT NULL
  FROM "Client" cl, "Course" k WHERE cl.id = e."clientId" AND k.id = e."courseId"
$$;

-- One cell per key; a cell never counts fewer than zero enrolments (foldReportChanges deletes the
-- empty ones). The key is an expression index so that "no waiting time" (null) is one value.
CREATE UNIQUE INDEX "ReportCell_key" ON "ReportCell" ("referredOn", "officeId", "providerId", "studyPath", "municipality",
  "status", "offered", "confirmed", (coalesce("offerDays", -1)), (coalesce("startDays", -1)), "pooled");
ALTER TABLE "ReportCell" ADD CONSTRAINT "ReportCell_enrolments_nonnegative" CHECK ("enrolments" >= 0);
ALTER TABLE "CourseOfficeSeats" ADD CONSTRAINT "CourseOfficeSeats_seats_nonnegative" CHECK ("seatsHeld" >= 0);

-- Every change to an enrolment that moves it to another cell appends -1 for the old cell and +1
-- for the new one. Appending (rather than updating a shared counter row) takes no lock that
-- another transaction could be waiting for, so the engine's concurrency is unchanged.
CREATE FUNCTION enrolment_track_report_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportCellChange" ("referredOn", "officeId", "providerId", "studyPath", "municipality", "status",
    "offered", "confirmed", "offerDays", "startDays", "pooled", "enrolments")
  SELECT c.*, -1 FROM report_cell_of(OLD) c WHERE TG_OP <> 'INSERT'
  UNION ALL
  SELECT c.*, 1 FROM report_cell_of(NEW) c WHERE TG_OP <> 'DELETE';
  RETURN NULL;
END $$;

CREATE TRIGGER "Enrolment_track_report_cells"
  AFTER INSERT OR DELETE ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION enrolment_track_report_cells();
CREATE TRIGGER "Enrolment_track_report_cells_update"
  AFTER UPDATE OF "status", "referredAt", "offeredAt", "confirmedAt", "startedAt", "queueEntryId", "clientId", "courseId" ON "Enrolment"
  FOR EACH ROW
  WHEN ((OLD."status", OLD."referredAt", OLD."offeredAt", OLD."confirmedAt", OLD."startedAt", OLD."queueEntryId", OLD."clientId", OLD."courseId")
    IS DISTINCT FROM (NEW."status", NEW."referredAt", NEW."offeredAt", NEW."confirmedAt", NEW."startedAt", NEW."queueEntryId", NEW."clientId", NEW."courseId"))
  EXECUTE FUNCTION enrolment_track_report_cells();

-- A course's provider, study path or municipality changes: its enrolments move to other cells.
CREATE FUNCTION course_track_report_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportCellChange" ("referredOn", "officeId", "providerId", "studyPath", "municipality", "status",
    "offered", "confirmed", "offerDays", "startDays", "pooled", "enrolments")
  SELECT c."referredOn", c."officeId", OLD."providerId", OLD."studyPath", OLD."municipality", c.status, c.offered, c.confirmed,
    c."offerDays", c."startDays", c.pooled, -1
    FROM "Enrolment" e, report_cell_of(e) c WHERE e."courseId" = NEW.id
  UNION ALL
  SELECT c.*, 1 FROM "Enrolment" e, report_cell_of(e) c WHERE e."courseId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "Course_track_report_cells"
  AFTER UPDATE OF "providerId", "studyPath", "municipality" ON "Course"
  FOR EACH ROW
  WHEN ((OLD."providerId", OLD."studyPath", OLD."municipality") IS DISTINCT FROM (NEW."providerId", NEW."studyPath", NEW."municipality"))
  EXECUTE FUNCTION course_track_report_cells();

-- Seats held per course and office, beside "Course"."seatsHeld". The trigger's name sorts after
-- "Enrolment_track_seats", so the course row (the engine's first lock) is locked before this row.
CREATE FUNCTION enrolment_track_office_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_held boolean := TG_OP <> 'INSERT' AND enrolment_holds_seat(OLD.status);
  new_held boolean := TG_OP <> 'DELETE' AND enrolment_holds_seat(NEW.status);
  course_id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."courseId" ELSE NEW."courseId" END;
  client_id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."clientId" ELSE NEW."clientId" END;
BEGIN
  IF new_held AND NOT old_held THEN
    INSERT INTO "CourseOfficeSeats" ("courseId", "officeId", "seatsHeld")
    SELECT course_id, cl."officeId", 1 FROM "Client" cl WHERE cl.id = client_id
    ON CONFLICT ("courseId", "officeId") DO UPDATE SET "seatsHeld" = "CourseOfficeSeats"."seatsHeld" + 1, "updatedAt" = now();
  ELSIF old_held AND NOT new_held THEN
    UPDATE "CourseOfficeSeats" s SET "seatsHeld" = s."seatsHeld" - 1, "updatedAt" = now()
      FROM "Client" cl WHERE cl.id = client_id AND s."courseId" = course_id AND s."officeId" = cl."officeId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Enrolment_track_seats_by_office"
  AFTER INSERT OR DELETE OR UPDATE OF "status" ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION enrolment_track_office_seats();

-- A client moves to another office: their enrolments' cells and their held seat move with them.
CREATE FUNCTION client_track_report_basis() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportCellChange" ("referredOn", "officeId", "providerId", "studyPath", "municipality", "status",
    "offered", "confirmed", "offerDays", "startDays", "pooled", "enrolments")
  SELECT c."referredOn", OLD."officeId", c."providerId", c."studyPath", c."municipality", c.status, c.offered, c.confirmed,
    c."offerDays", c."startDays", c.pooled, -1
    FROM "Enrolment" e, report_cell_of(e) c WHERE e."clientId" = NEW.id
  UNION ALL
  SELECT c.*, 1 FROM "Enrolment" e, report_cell_of(e) c WHERE e."clientId" = NEW.id;
  UPDATE "CourseOfficeSeats" s SET "seatsHeld" = s."seatsHeld" - 1, "updatedAt" = now()
    FROM "Enrolment" e
   WHERE e."clientId" = NEW.id AND enrolment_holds_seat(e.status) AND s."courseId" = e."courseId" AND s."officeId" = OLD."officeId";
  INSERT INTO "CourseOfficeSeats" ("courseId", "officeId", "seatsHeld")
  SELECT e."courseId", NEW."officeId", 1 FROM "Enrolment" e WHERE e."clientId" = NEW.id AND enrolment_holds_seat(e.status)
  ON CONFLICT ("courseId", "officeId")
  DO UPDATE SET "seatsHeld" = "CourseOfficeSeats"."seatsHeld" + 1, "updatedAt" = now();
  RETURN NULL;
END $$;

CREATE TRIGGER "Client_track_report_basis"
  AFTER UPDATE OF "officeId" ON "Client"
  FOR EACH ROW WHEN (OLD."officeId" IS DISTINCT FROM NEW."officeId")
  EXECUTE FUNCTION client_track_report_basis();

-- The whole basis from the enrolments themselves: here, after a bulk load (scripts/seed-load.ts
-- turns the tracking triggers off while it writes a million rows), or whenever in doubt. Writers
-- wait while it runs, so nothing is counted twice or missed.
CREATE FUNCTION rebuild_report_basis() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Enrolment", "Client", "Course" IN SHARE MODE;
  DELETE FROM "ReportCellChange";
  DELETE FROM "ReportCell";
  INSERT INTO "ReportCell" ("referredOn", "officeId", "providerId", "studyPath", "municipality", "status",
    "offered", "confirmed", "offerDays", "startDays", "pooled", "enrolments")
  SELECT c.*, count(*) FROM "Enrolment" e, report_cell_of(e) c GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;
  DELETE FROM "CourseOfficeSeats";
  INSERT INTO "CourseOfficeSeats" ("courseId", "officeId", "seatsHeld")
  SELECT e."courseId", cl."officeId", count(*) FROM "Enrolment" e JOIN "Client" cl ON cl.id = e."clientId"
   WHERE enrolment_holds_seat(e.status) GROUP BY 1, 2;
END $$;

SELECT rebuild_report_basis();
