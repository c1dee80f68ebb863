-- The enrolment rules that SQL needs, each named once. Their TypeScript twins are in
-- server/enrolment/states.ts; server/enrolment/states.test.ts checks that both agree.
-- IMMUTABLE one-line SQL functions are inlined by the planner, so indexes on status still serve.

-- A held seat counts against the course's capacity (OFFERED + CONFIRMED + STARTED <= capacity).
CREATE OR REPLACE FUNCTION enrolment_holds_seat(s "EnrolmentStatus") RETURNS boolean
  IMMUTABLE LANGUAGE sql AS $$ SELECT s IN ('OFFERED', 'CONFIRMED', 'STARTED') $$;

-- A live enrolment keeps the client's place: in the queue or on a seat.
CREATE OR REPLACE FUNCTION enrolment_is_live(s "EnrolmentStatus") RETURNS boolean
  IMMUTABLE LANGUAGE sql AS $$ SELECT s IN ('WAITLISTED', 'OFFERED', 'CONFIRMED', 'STARTED') $$;

-- A course takes referrals on a Finnish calendar day when it is published, the day is in its
-- referral period (either end may be open) and the course has not ended.
CREATE OR REPLACE FUNCTION course_takes_referrals(
  status "CourseStatus", opens_on date, closes_on date, ends_on date, today date
) RETURNS boolean
  IMMUTABLE LANGUAGE sql AS $$
  SELECT status = 'PUBLISHED' AND (opens_on IS NULL OR opens_on <= today) AND (closes_on IS NULL OR closes_on >= today) AND ends_on >= today
$$;

-- The key of a new place at the back of its priority group in a course's queue: the referral time
-- (epoch milliseconds), or just behind the last place already there when that is later (another
-- process's clock, a pool referred earlier). Called with the course row locked, so no one else
-- takes a key in between: places told are kept. Keys of moved places are set by the provider's
-- move (server/enrolment/queue.ts placeAt).
CREATE OR REPLACE FUNCTION queue_key_behind(p_course uuid, p_priority "QueuePriority", p_at timestamptz) RETURNS double precision
  STABLE LANGUAGE sql AS $$
  SELECT GREATEST(extract(epoch FROM p_at) * 1000,
                  (SELECT max(e."queueOrder") + 1 FROM "Enrolment" e
                    WHERE e."courseId" = p_course AND e.status = 'WAITLISTED' AND e.priority = p_priority))::double precision
$$;
