-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('EMPLOYMENT_OFFICE', 'TRAINING_PROVIDER', 'SERVICE_OWNER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OFFICIAL', 'PROVIDER_STAFF', 'ADMIN');

-- CreateEnum
CREATE TYPE "ClientLanguage" AS ENUM ('fi', 'sv', 'en', 'ru', 'uk', 'ar');

-- CreateEnum
CREATE TYPE "InstructionLanguage" AS ENUM ('FI', 'SV');

-- CreateEnum
CREATE TYPE "StudyPath" AS ENUM ('FAST', 'BASIC', 'SLOW', 'LITERACY');

-- CreateEnum
CREATE TYPE "LanguageLevel" AS ENUM ('A0', 'A1_1', 'A1_2', 'A1_3', 'A2_1', 'A2_2', 'B1_1', 'B1_2', 'B2_1', 'B2_2', 'C1_1');

-- CreateEnum
CREATE TYPE "Literacy" AS ENUM ('LATIN_SCRIPT', 'OTHER_SCRIPT', 'NOT_LITERATE');

-- CreateEnum
CREATE TYPE "Schedule" AS ENUM ('DAY', 'EVENING');

-- CreateEnum
CREATE TYPE "CourseStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('WAITLISTED', 'OFFERED', 'CONFIRMED', 'STARTED', 'COMPLETED', 'INTERRUPTED', 'NO_SHOW', 'DECLINED', 'EXPIRED', 'CANCELLED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "QueuePriority" AS ENUM ('URGENT', 'NORMAL');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('USER', 'CLIENT', 'SYSTEM');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'PARKED');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "type" "OrganisationType" NOT NULL,
    "name" TEXT NOT NULL,
    "businessId" TEXT,
    "municipality" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organisationId" UUID,
    "passwordHash" TEXT,
    "locale" TEXT,
    "deactivatedAt" TIMESTAMPTZ(3),
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" UUID NOT NULL,
    "clientNumber" SERIAL NOT NULL,
    "officeId" UUID NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "identityCodeCiphertext" TEXT,
    "identityCodeHmac" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "municipality" TEXT,
    "preferredLanguage" "ClientLanguage" NOT NULL DEFAULT 'fi',
    "nativeLanguage" TEXT,
    "interpreterNeeded" BOOLEAN NOT NULL DEFAULT false,
    "literacy" "Literacy",
    "yearsOfSchooling" INTEGER,
    "highestEducation" TEXT,
    "workExperience" TEXT,
    "languageLevel" "LanguageLevel",
    "placementTestOn" DATE,
    "studyPath" "StudyPath" NOT NULL,
    "integrationPlanStartsOn" DATE,
    "integrationPlanEndsOn" DATE,
    "needsChildcare" BOOLEAN NOT NULL DEFAULT false,
    "needsAccessibility" BOOLEAN NOT NULL DEFAULT false,
    "eveningOnly" BOOLEAN NOT NULL DEFAULT false,
    "specialNeeds" TEXT,
    "notes" TEXT,
    "anonymisedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "instructionLanguage" "InstructionLanguage" NOT NULL,
    "studyPath" "StudyPath" NOT NULL,
    "levelFrom" "LanguageLevel" NOT NULL,
    "levelTo" "LanguageLevel" NOT NULL,
    "targetLevel" "LanguageLevel",
    "municipality" TEXT NOT NULL,
    "address" TEXT,
    "remote" BOOLEAN NOT NULL DEFAULT false,
    "schedule" "Schedule" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "hoursPerWeek" INTEGER,
    "capacity" INTEGER NOT NULL,
    "seatsHeld" INTEGER NOT NULL DEFAULT 0,
    "referralOpensOn" DATE,
    "referralClosesOn" DATE,
    "offerResponseHours" INTEGER NOT NULL DEFAULT 72,
    "confirmOnReferral" BOOLEAN NOT NULL DEFAULT false,
    "status" "CourseStatus" NOT NULL DEFAULT 'DRAFT',
    "statusReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "status" "EnrolmentStatus" NOT NULL,
    "priority" "QueuePriority" NOT NULL DEFAULT 'NORMAL',
    "priorityReason" TEXT,
    "queueOrder" DOUBLE PRECISION NOT NULL,
    "referredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "referredById" UUID,
    "referralNote" TEXT,
    "offeredAt" TIMESTAMPTZ(3),
    "offerExpiresAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "statusReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrolmentEvent" (
    "id" BIGSERIAL NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" "ActorKind" NOT NULL,
    "actorUserId" UUID,
    "fromStatus" "EnrolmentStatus",
    "toStatus" "EnrolmentStatus" NOT NULL,
    "reason" TEXT,
    "data" JSONB,

    CONSTRAINT "EnrolmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "template" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "recipientEmail" TEXT NOT NULL,
    "clientId" UUID,
    "enrolmentId" UUID,
    "userId" UUID,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "smtpResponse" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "organisationId" UUID,
    "clientId" UUID,
    "courseId" UUID,
    "details" JSONB,
    "ip" TEXT,
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_businessId_key" ON "Organisation"("businessId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Client_clientNumber_key" ON "Client"("clientNumber");

-- CreateIndex
CREATE INDEX "Client_officeId_lastName_firstName_idx" ON "Client"("officeId", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "Client_identityCodeHmac_idx" ON "Client"("identityCodeHmac");

-- CreateIndex
CREATE INDEX "Client_email_idx" ON "Client"("email");

-- CreateIndex
CREATE INDEX "Course_providerId_startsOn_idx" ON "Course"("providerId", "startsOn");

-- CreateIndex
CREATE INDEX "Course_status_studyPath_startsOn_idx" ON "Course"("status", "studyPath", "startsOn");

-- CreateIndex
CREATE INDEX "Enrolment_courseId_status_priority_queueOrder_idx" ON "Enrolment"("courseId", "status", "priority", "queueOrder");

-- CreateIndex
CREATE INDEX "Enrolment_clientId_status_idx" ON "Enrolment"("clientId", "status");

-- CreateIndex
CREATE INDEX "Enrolment_status_offerExpiresAt_idx" ON "Enrolment"("status", "offerExpiresAt");

-- CreateIndex
CREATE INDEX "EnrolmentEvent_enrolmentId_at_idx" ON "EnrolmentEvent"("enrolmentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorUserId_at_idx" ON "AuditEvent"("actorUserId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_clientId_at_idx" ON "AuditEvent"("clientId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolmentEvent" ADD CONSTRAINT "EnrolmentEvent_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: rules Prisma's schema language cannot express. Each one is proven by
-- server/db/constraints.test.ts.
-- ---------------------------------------------------------------------------------------------

-- Seats. "seatsHeld" is maintained by the trigger below from the enrolments themselves, and the
-- CHECK bounds it by capacity, so no code path (or hand-written SQL) can overbook a course.
ALTER TABLE "Course" ADD CONSTRAINT "Course_capacity_nonnegative" CHECK ("capacity" >= 0);
ALTER TABLE "Course" ADD CONSTRAINT "Course_seats_held_within_capacity" CHECK ("seatsHeld" >= 0 AND "seatsHeld" <= "capacity");
ALTER TABLE "Course" ADD CONSTRAINT "Course_levels_ordered" CHECK ("levelFrom" <= "levelTo");
ALTER TABLE "Course" ADD CONSTRAINT "Course_dates_ordered" CHECK ("startsOn" <= "endsOn");
ALTER TABLE "Course" ADD CONSTRAINT "Course_offer_response_hours_positive" CHECK ("offerResponseHours" > 0);
ALTER TABLE "Course" ADD CONSTRAINT "Course_referral_window_ordered"
  CHECK ("referralOpensOn" IS NULL OR "referralClosesOn" IS NULL OR "referralOpensOn" <= "referralClosesOn");

CREATE FUNCTION enrolment_holds_seat(s "EnrolmentStatus") RETURNS boolean
  IMMUTABLE LANGUAGE sql AS $$ SELECT s IN ('OFFERED', 'CONFIRMED', 'STARTED') $$;

CREATE FUNCTION enrolment_track_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_held boolean := TG_OP <> 'INSERT' AND enrolment_holds_seat(OLD.status);
  new_held boolean := TG_OP <> 'DELETE' AND enrolment_holds_seat(NEW.status);
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."courseId" <> NEW."courseId" THEN
    RAISE EXCEPTION 'an enrolment cannot move to another course' USING ERRCODE = 'check_violation';
  END IF;
  IF old_held AND NOT new_held THEN
    UPDATE "Course" SET "seatsHeld" = "seatsHeld" - 1 WHERE "id" = OLD."courseId";
  ELSIF new_held AND NOT old_held THEN
    UPDATE "Course" SET "seatsHeld" = "seatsHeld" + 1 WHERE "id" = NEW."courseId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Enrolment_track_seats"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "courseId" ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION enrolment_track_seats();

-- One live enrolment per client and course; one held seat per client in integration training.
CREATE UNIQUE INDEX "Enrolment_one_live_per_client_course" ON "Enrolment" ("clientId", "courseId")
  WHERE "status" IN ('WAITLISTED', 'OFFERED', 'CONFIRMED', 'STARTED');
CREATE UNIQUE INDEX "Enrolment_one_held_seat_per_client" ON "Enrolment" ("clientId")
  WHERE "status" IN ('OFFERED', 'CONFIRMED', 'STARTED');
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_offer_has_deadline"
  CHECK ("status" <> 'OFFERED' OR "offerExpiresAt" IS NOT NULL);
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_urgent_has_reason"
  CHECK ("priority" <> 'URGENT' OR "priorityReason" IS NOT NULL);

-- People and organisations.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lower_case" CHECK ("email" = lower("email"));
ALTER TABLE "User" ADD CONSTRAINT "User_staff_belong_to_organisation"
  CHECK ("role" = 'ADMIN' OR "organisationId" IS NOT NULL);
ALTER TABLE "Client" ADD CONSTRAINT "Client_identity_code_pair"
  CHECK (("identityCodeCiphertext" IS NULL) = ("identityCodeHmac" IS NULL));
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_attempts_nonnegative" CHECK ("attempts" >= 0);

-- History is never lost: events and audit rows are append-only.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "EnrolmentEvent_append_only" BEFORE UPDATE OR DELETE ON "EnrolmentEvent"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER "EnrolmentEvent_no_truncate" BEFORE TRUNCATE ON "EnrolmentEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
