-- CreateEnum
CREATE TYPE "QueueEntryStatus" AS ENUM ('ACTIVE', 'PLACED', 'CLOSED');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "conditional" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "preferenceRank" INTEGER,
ADD COLUMN     "queueEntryId" UUID;

-- CreateTable
CREATE TABLE "QueueEntry" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "status" "QueueEntryStatus" NOT NULL DEFAULT 'ACTIVE',
    "priority" "QueuePriority" NOT NULL DEFAULT 'NORMAL',
    "priorityReason" TEXT,
    "referredAt" TIMESTAMPTZ(3) NOT NULL,
    "referredById" UUID,
    "note" TEXT,
    "studyPath" "StudyPath",
    "levelFit" BOOLEAN NOT NULL DEFAULT true,
    "municipalities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "includeRemote" BOOLEAN NOT NULL DEFAULT false,
    "schedule" "Schedule",
    "instructionLanguage" "InstructionLanguage",
    "startFrom" DATE,
    "startTo" DATE,
    "statusReason" TEXT,
    "endedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "QueueEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueueEntryCourse" (
    "queueEntryId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "QueueEntryCourse_pkey" PRIMARY KEY ("queueEntryId","courseId")
);

-- CreateIndex
CREATE INDEX "QueueEntry_clientId_status_idx" ON "QueueEntry"("clientId", "status");

-- CreateIndex
CREATE INDEX "QueueEntry_status_idx" ON "QueueEntry"("status");

-- CreateIndex
CREATE INDEX "QueueEntryCourse_courseId_idx" ON "QueueEntryCourse"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "QueueEntryCourse_queueEntryId_rank_key" ON "QueueEntryCourse"("queueEntryId", "rank");

-- CreateIndex
CREATE INDEX "Enrolment_queueEntryId_idx" ON "Enrolment"("queueEntryId");

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_queueEntryId_fkey" FOREIGN KEY ("queueEntryId") REFERENCES "QueueEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueEntry" ADD CONSTRAINT "QueueEntry_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueEntryCourse" ADD CONSTRAINT "QueueEntryCourse_queueEntryId_fkey" FOREIGN KEY ("queueEntryId") REFERENCES "QueueEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueEntryCourse" ADD CONSTRAINT "QueueEntryCourse_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the rules of pooled referrals and conditional acceptance (docs/decisions/005-pooled-queue.md).

-- A conditional seat is CONFIRMED only; a started seat is never conditional (the client stays).
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_conditional_is_confirmed"
  CHECK (NOT "conditional" OR "status" IN ('CONFIRMED', 'WITHDRAWN', 'CANCELLED', 'NO_SHOW'));
-- One unconditional held seat per client, plus at most one conditional seat.
DROP INDEX "Enrolment_one_held_seat_per_client";
CREATE UNIQUE INDEX "Enrolment_one_held_seat_per_client" ON "Enrolment" ("clientId")
  WHERE "status" IN ('OFFERED', 'CONFIRMED', 'STARTED') AND NOT "conditional";
CREATE UNIQUE INDEX "Enrolment_one_conditional_seat_per_client" ON "Enrolment" ("clientId")
  WHERE "status" = 'CONFIRMED' AND "conditional";
-- A pool reaches each course once, whatever became of that place.
CREATE UNIQUE INDEX "Enrolment_one_place_per_pool_course" ON "Enrolment" ("queueEntryId", "courseId")
  WHERE "queueEntryId" IS NOT NULL;
ALTER TABLE "QueueEntry" ALTER COLUMN "municipalities" SET NOT NULL;
ALTER TABLE "QueueEntry" ADD CONSTRAINT "QueueEntry_urgent_has_reason"
  CHECK ("priority" <> 'URGENT' OR "priorityReason" IS NOT NULL);
ALTER TABLE "QueueEntryCourse" ADD CONSTRAINT "QueueEntryCourse_rank_positive" CHECK ("rank" >= 1);

-- refer_client: a client holding only a conditional seat still waits for the seats they want
-- (the waiter checks skip conditional seats), and a seat confirmed at once places the client's pools.
CREATE OR REPLACE FUNCTION refer_client(
  p_course uuid, p_client uuid, p_office uuid, p_user uuid,
  p_priority "QueuePriority", p_reason text, p_note text, p_now timestamptz, p_today date
) RETURNS TABLE (
  failure text, needs_fill boolean, enrolment_id uuid, status "EnrolmentStatus",
  offer_expires_at timestamptz, queue_position integer
) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  c record;
  cl record;
  v_id uuid := gen_random_uuid();
  v_status "EnrolmentStatus";
  v_expires timestamptz;
  v_position integer;
  v_seat_free boolean;
  v_needs_fill boolean := false;
BEGIN
  SELECT k.id, k.name, k.status, k.capacity, k."seatsHeld", k."offerResponseHours", k."confirmOnReferral",
         k."referralOpensOn", k."referralClosesOn"
    INTO c FROM "Course" k WHERE k.id = p_course FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'NOT_FOUND', NULL::boolean, NULL::uuid, NULL::"EnrolmentStatus", NULL::timestamptz, NULL::integer; RETURN; END IF;
  failure := CASE
    WHEN c.status = 'DRAFT' THEN 'COURSE_NOT_PUBLISHED'
    WHEN c.status = 'CLOSED' THEN 'COURSE_CLOSED'
    WHEN c.status = 'CANCELLED' THEN 'COURSE_CANCELLED'
    WHEN p_today < c."referralOpensOn" OR p_today > c."referralClosesOn" THEN 'REFERRAL_PERIOD_NOT_OPEN'
  END;
  IF failure IS NOT NULL THEN RETURN QUERY SELECT failure, NULL::boolean, NULL::uuid, NULL::"EnrolmentStatus", NULL::timestamptz, NULL::integer; RETURN; END IF;

  SELECT x.id, x.email, x."preferredLanguage"::text AS lang
    INTO cl FROM "Client" x
   WHERE x.id = p_client AND x."officeId" = p_office AND x."anonymisedAt" IS NULL FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'NOT_FOUND', NULL::boolean, NULL::uuid, NULL::"EnrolmentStatus", NULL::timestamptz, NULL::integer; RETURN; END IF;
  IF EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = p_client AND e."courseId" = p_course
               AND e.status IN ('WAITLISTED', 'OFFERED', 'CONFIRMED', 'STARTED')) THEN
    RETURN QUERY SELECT 'ALREADY_ENROLLED', NULL::boolean, NULL::uuid, NULL::"EnrolmentStatus", NULL::timestamptz, NULL::integer; RETURN;
  END IF;

  v_seat_free := c."seatsHeld" < c.capacity;
  -- A free seat goes to a newcomer who holds no other seat, unless someone who could take it
  -- already waits for this course (people in the queue who hold a seat elsewhere are skipped, as
  -- when any freed seat is handed on).
  IF v_seat_free
     AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = p_client AND h.status IN ('OFFERED', 'CONFIRMED', 'STARTED'))
     AND NOT EXISTS (
       SELECT 1 FROM "Enrolment" q WHERE q."courseId" = p_course AND q.status = 'WAITLISTED'
         AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = q."clientId" AND h.status IN ('OFFERED', 'CONFIRMED', 'STARTED') AND NOT h.conditional)) THEN
    v_status := CASE WHEN c."confirmOnReferral" THEN 'CONFIRMED' ELSE 'OFFERED' END;
  ELSE
    v_status := 'WAITLISTED';
  END IF;
  IF v_status = 'OFFERED' THEN v_expires := p_now + make_interval(hours => c."offerResponseHours"); END IF;

  INSERT INTO "Enrolment" (id, "clientId", "courseId", status, priority, "priorityReason", "queueOrder", "referredAt",
    "referredById", "referralNote", "offeredAt", "offerExpiresAt", "confirmedAt", "createdAt", "updatedAt")
  VALUES (v_id, p_client, p_course, v_status, p_priority, CASE WHEN p_priority = 'URGENT' THEN p_reason END,
    (extract(epoch FROM p_now) * 1000)::double precision, p_now, p_user, p_note,
    CASE WHEN v_status = 'OFFERED' THEN p_now END, v_expires, CASE WHEN v_status = 'CONFIRMED' THEN p_now END, p_now, p_now);
  INSERT INTO "EnrolmentEvent" ("enrolmentId", at, "actorKind", "actorUserId", "fromStatus", "toStatus", reason, data)
  VALUES (v_id, p_now, 'USER', p_user, NULL, v_status, p_reason, '{"referral": true}');
  IF cl.email IS NOT NULL THEN
    INSERT INTO "OutboxMessage" (id, template, "messageId", locale, "recipientEmail", "clientId", "enrolmentId", payload, "nextAttemptAt", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(),
      CASE v_status WHEN 'WAITLISTED' THEN 'client/referral_received' WHEN 'OFFERED' THEN 'client/seat_offered' ELSE 'client/seat_confirmed' END,
      '<' || gen_random_uuid() || '@koulutusportti.invalid>', cl.lang, cl.email, p_client, v_id,
      jsonb_build_object('courseId', p_course, 'courseName', c.name, 'offerExpiresAt', v_expires), p_now, p_now, p_now);
  END IF;

  IF v_status = 'CONFIRMED' THEN
    -- Confirmed at once: the one-seat rule ends the client's other queue places.
    UPDATE "QueueEntry" SET status = 'PLACED', "statusReason" = 'Placed on a course', "endedAt" = p_now, "updatedAt" = p_now
     WHERE "clientId" = p_client AND status = 'ACTIVE';
    WITH withdrawn AS (
      UPDATE "Enrolment" w SET status = 'WITHDRAWN', "statusReason" = 'Placed on another course', "endedAt" = p_now, "updatedAt" = p_now
      WHERE w."clientId" = p_client AND w.id <> v_id AND w.status = 'WAITLISTED'
      RETURNING w.id, w."courseId"
    ), events AS (
      INSERT INTO "EnrolmentEvent" ("enrolmentId", at, "actorKind", "actorUserId", "fromStatus", "toStatus", reason, data)
      SELECT id, p_now, 'USER', p_user, 'WAITLISTED', 'WITHDRAWN', 'Placed on another course', jsonb_build_object('placedEnrolmentId', v_id)
      FROM withdrawn
    )
    INSERT INTO "OutboxMessage" (id, template, "messageId", locale, "recipientEmail", "clientId", "enrolmentId", payload, "nextAttemptAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'client/queue_place_withdrawn', '<' || gen_random_uuid() || '@koulutusportti.invalid>', cl.lang, cl.email, p_client, w.id,
      jsonb_build_object('courseId', k.id, 'courseName', k.name), p_now, p_now, p_now
    FROM withdrawn w JOIN "Course" k ON k.id = w."courseId"
    WHERE cl.email IS NOT NULL;
  END IF;

  IF v_status = 'WAITLISTED' AND v_seat_free THEN
    -- Queued although a seat is free: this client holds a seat elsewhere, or someone eligible waits
    -- (a state only a crash or a concurrent release leaves); the caller then offers the seat to the
    -- first eligible person in queue order. A client who becomes eligible later is seen to by the
    -- release of their other seat.
    v_needs_fill := EXISTS (
      SELECT 1 FROM "Enrolment" e WHERE e."courseId" = p_course AND e.status = 'WAITLISTED'
        AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = e."clientId" AND h.status IN ('OFFERED', 'CONFIRMED', 'STARTED') AND NOT h.conditional));
  END IF;
  IF v_status = 'WAITLISTED' THEN
    -- Under the course lock nobody else changes this queue, so the position is exact.
    SELECT count(*) + 1 INTO v_position FROM "Enrolment" o
     WHERE o."courseId" = p_course AND o.status = 'WAITLISTED'
       AND (o.priority, o."queueOrder", o."referredAt", o.id) < (p_priority, (extract(epoch FROM p_now) * 1000)::double precision, p_now, v_id);
  END IF;
  RETURN QUERY SELECT NULL::text, v_needs_fill, v_id, v_status, v_expires, v_position;
END $$;

-- One active pooled referral per client.
CREATE UNIQUE INDEX "QueueEntry_one_active_per_client" ON "QueueEntry" ("clientId") WHERE "status" = 'ACTIVE';
