-- refer_client: a referral as one server-side function, the hottest path in a referral burst (one
-- round trip). Called by server/enrolment/referral.ts; this file is its only source (applied after
-- the migrations by server/db/migrations.ts on every deploy).
--
-- Why a function rather than one CTE statement: in READ COMMITTED every statement of a VOLATILE
-- plpgsql function takes a fresh snapshot, so each check below runs after the course and client
-- locks were granted and sees everything committed before them: a free seat goes to a newcomer only
-- when nobody waits (also for someone queued while this call waited for the course lock), and a
-- duplicate referral is seen rather than left to the unique indexes. Its plans are cached per
-- connection, too. Locks are taken in the engine's order: course, then client.
--
-- A queue place told is a promise: the new place's key is taken under the course lock, behind
-- everyone already in its priority group, so the order is the order in which referrals got the
-- lock (and committed), whatever the calling process's clock says. p_now stays the referral time
-- shown to people and the key while clocks agree (the simulation moves it).
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
  v_order double precision;
  v_position integer;
  v_seat_free boolean;
  v_needs_fill boolean := false;
BEGIN
  SELECT k.id, k.name, k.status, k.capacity, k."seatsHeld", k."offerResponseHours", k."confirmOnReferral",
         k."referralOpensOn", k."referralClosesOn", k."endsOn"
    INTO c FROM "Course" k WHERE k.id = p_course FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'NOT_FOUND', NULL::boolean, NULL::uuid, NULL::"EnrolmentStatus", NULL::timestamptz, NULL::integer; RETURN; END IF;
  failure := CASE
    WHEN c.status = 'DRAFT' THEN 'COURSE_NOT_PUBLISHED'
    WHEN c.status = 'CLOSED' THEN 'COURSE_CLOSED'
    WHEN c.status = 'CANCELLED' THEN 'COURSE_CANCELLED'
    WHEN NOT course_takes_referrals(c.status, c."referralOpensOn", c."referralClosesOn", c."endsOn", p_today) THEN 'REFERRAL_PERIOD_NOT_OPEN'
  END;
  IF failure IS NOT NULL THEN RETURN QUERY SELECT failure, NULL::boolean, NULL::uuid, NULL::"EnrolmentStatus", NULL::timestamptz, NULL::integer; RETURN; END IF;

  SELECT x.id, x.email, x."preferredLanguage"::text AS lang
    INTO cl FROM "Client" x
   WHERE x.id = p_client AND x."officeId" = p_office AND x."anonymisedAt" IS NULL FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'NOT_FOUND', NULL::boolean, NULL::uuid, NULL::"EnrolmentStatus", NULL::timestamptz, NULL::integer; RETURN; END IF;
  IF EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = p_client AND e."courseId" = p_course AND enrolment_is_live(e.status)) THEN
    RETURN QUERY SELECT 'ALREADY_ENROLLED', NULL::boolean, NULL::uuid, NULL::"EnrolmentStatus", NULL::timestamptz, NULL::integer; RETURN;
  END IF;

  v_seat_free := c."seatsHeld" < c.capacity;
  -- A free seat goes to a newcomer who holds no other seat, unless someone who could take it
  -- already waits for this course (people in the queue who hold an unconditional seat elsewhere
  -- are skipped, as when any freed seat is handed on; see holdsUnconditionalSeat in TypeScript).
  IF v_seat_free
     AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = p_client AND enrolment_holds_seat(h.status))
     AND NOT EXISTS (
       SELECT 1 FROM "Enrolment" q WHERE q."courseId" = p_course AND q.status = 'WAITLISTED'
         AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = q."clientId" AND enrolment_holds_seat(h.status) AND NOT h.conditional)) THEN
    v_status := CASE WHEN c."confirmOnReferral" THEN 'CONFIRMED' ELSE 'OFFERED' END;
  ELSE
    v_status := 'WAITLISTED';
  END IF;
  IF v_status = 'OFFERED' THEN v_expires := p_now + make_interval(hours => c."offerResponseHours"); END IF;

  v_order := queue_key_behind(p_course, p_priority, p_now);
  INSERT INTO "Enrolment" (id, "clientId", "courseId", status, priority, "priorityReason", "queueOrder", "referredAt",
    "referredById", "referralNote", "offeredAt", "offerExpiresAt", "confirmedAt", "createdAt", "updatedAt")
  VALUES (v_id, p_client, p_course, v_status, p_priority, CASE WHEN p_priority = 'URGENT' THEN p_reason END,
    v_order, p_now, p_user, p_note,
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
    -- Confirmed at once: the one-seat rule ends the client's other queue places and pools.
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
        AND NOT EXISTS (SELECT 1 FROM "Enrolment" h WHERE h."clientId" = e."clientId" AND enrolment_holds_seat(h.status) AND NOT h.conditional));
  END IF;
  IF v_status = 'WAITLISTED' THEN
    -- Under the course lock nobody else changes this queue, so the position is exact.
    SELECT count(*) + 1 INTO v_position FROM "Enrolment" o
     WHERE o."courseId" = p_course AND o.status = 'WAITLISTED'
       AND (o.priority, o."queueOrder", o."referredAt", o.id) < (p_priority, v_order, p_now, v_id);
  END IF;
  RETURN QUERY SELECT NULL::text, v_needs_fill, v_id, v_status, v_expires, v_position;
END $$;
