-- CreateEnum
CREATE TYPE "AdvicePointOperator" AS ENUM ('MUNICIPALITY', 'NGO');

-- CreateEnum
CREATE TYPE "VisitChannel" AS ENUM ('WALK_IN', 'PHONE', 'EMAIL', 'CHAT', 'OUTREACH');

-- CreateEnum
CREATE TYPE "InterpreterKind" AS ENUM ('NONE', 'STAFF', 'PHONE', 'VIDEO', 'ON_SITE');

-- CreateEnum
CREATE TYPE "VisitOutcome" AS ENUM ('ANSWERED', 'HELPED_WITH_FORM', 'APPOINTMENT_BOOKED', 'REFERRED');

-- CreateEnum
CREATE TYPE "AgeBand" AS ENUM ('UNDER_18', 'AGE_18_29', 'AGE_30_44', 'AGE_45_64', 'AGE_65_PLUS');

-- CreateEnum
CREATE TYPE "VisitorGender" AS ENUM ('FEMALE', 'MALE', 'OTHER', 'NOT_STATED');

-- CreateEnum
CREATE TYPE "TimeInFinlandBand" AS ENUM ('UNDER_1_YEAR', 'YEARS_1_3', 'YEARS_3_5', 'OVER_5_YEARS');

-- CreateEnum
CREATE TYPE "VisitListKind" AS ENUM ('TOPIC', 'DESTINATION');

-- CreateEnum
CREATE TYPE "HandoverStatus" AS ENUM ('OPEN', 'REGISTERED', 'CLOSED');

-- AlterEnum: TE offices are gone since 1.1.2025; the employment authority (a municipality or an
-- employment area) and municipal integration services refer clients, advice points log visits.
ALTER TYPE "OrganisationType" RENAME VALUE 'EMPLOYMENT_OFFICE' TO 'EMPLOYMENT_AUTHORITY';
ALTER TYPE "OrganisationType" ADD VALUE 'INTEGRATION_SERVICES';
ALTER TYPE "OrganisationType" ADD VALUE 'ADVICE_POINT';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'ADVISER';

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "assessedBy" TEXT,
ADD COLUMN     "assessedOn" DATE,
ADD COLUMN     "inIntegrationProgramme" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "operator" "AdvicePointOperator";

-- CreateTable
CREATE TABLE "VisitListEntry" (
    "id" UUID NOT NULL,
    "kind" "VisitListKind" NOT NULL,
    "code" TEXT,
    "labelFi" TEXT NOT NULL,
    "labelSv" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VisitListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdviceVisit" (
    "id" UUID NOT NULL,
    "advicePointId" UUID NOT NULL,
    "adviserId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "channel" "VisitChannel" NOT NULL,
    "languages" TEXT[],
    "interpreter" "InterpreterKind" NOT NULL DEFAULT 'NONE',
    "outcome" "VisitOutcome" NOT NULL,
    "durationMinutes" INTEGER,
    "ageBand" "AgeBand",
    "gender" "VisitorGender",
    "origin" TEXT,
    "timeInFinland" "TimeInFinlandBand",
    "firstVisit" BOOLEAN,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdviceVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdviceVisitTopic" (
    "visitId" UUID NOT NULL,
    "topicId" UUID NOT NULL,

    CONSTRAINT "AdviceVisitTopic_pkey" PRIMARY KEY ("visitId","topicId")
);

-- CreateTable
CREATE TABLE "AdviceVisitDestination" (
    "visitId" UUID NOT NULL,
    "destinationId" UUID NOT NULL,

    CONSTRAINT "AdviceVisitDestination_pkey" PRIMARY KEY ("visitId","destinationId")
);

-- CreateTable
CREATE TABLE "Handover" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "advicePointId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "adviserId" UUID,
    "consentAt" TIMESTAMPTZ(3) NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "preferredLanguage" "ClientLanguage",
    "note" TEXT,
    "status" "HandoverStatus" NOT NULL DEFAULT 'OPEN',
    "closedReason" TEXT,
    "clientId" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "contactDeletedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Handover_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VisitListEntry_kind_code_key" ON "VisitListEntry"("kind", "code");

-- CreateIndex
CREATE INDEX "AdviceVisit_advicePointId_occurredAt_idx" ON "AdviceVisit"("advicePointId", "occurredAt");

-- CreateIndex
CREATE INDEX "AdviceVisit_occurredAt_idx" ON "AdviceVisit"("occurredAt");

-- CreateIndex
CREATE INDEX "AdviceVisit_adviserId_createdAt_idx" ON "AdviceVisit"("adviserId", "createdAt");

-- CreateIndex
CREATE INDEX "AdviceVisitTopic_topicId_idx" ON "AdviceVisitTopic"("topicId");

-- CreateIndex
CREATE INDEX "AdviceVisitDestination_destinationId_idx" ON "AdviceVisitDestination"("destinationId");

-- CreateIndex
CREATE UNIQUE INDEX "Handover_visitId_key" ON "Handover"("visitId");

-- CreateIndex
CREATE INDEX "Handover_officeId_status_createdAt_idx" ON "Handover"("officeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Handover_advicePointId_createdAt_idx" ON "Handover"("advicePointId", "createdAt");

-- AddForeignKey
ALTER TABLE "AdviceVisit" ADD CONSTRAINT "AdviceVisit_advicePointId_fkey" FOREIGN KEY ("advicePointId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceVisitTopic" ADD CONSTRAINT "AdviceVisitTopic_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "AdviceVisit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceVisitTopic" ADD CONSTRAINT "AdviceVisitTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "VisitListEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceVisitDestination" ADD CONSTRAINT "AdviceVisitDestination_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "AdviceVisit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceVisitDestination" ADD CONSTRAINT "AdviceVisitDestination_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "VisitListEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "AdviceVisit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_advicePointId_fkey" FOREIGN KEY ("advicePointId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma cannot express. (type::text: a value added above cannot be used as an enum literal
-- in the same transaction.)
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_operator_of_advice_points"
  CHECK (("type"::text = 'ADVICE_POINT') = ("operator" IS NOT NULL));
ALTER TABLE "AdviceVisit" ADD CONSTRAINT "AdviceVisit_duration" CHECK ("durationMinutes" IS NULL OR "durationMinutes" BETWEEN 0 AND 1440);
ALTER TABLE "AdviceVisit" ADD CONSTRAINT "AdviceVisit_languages" CHECK (cardinality("languages") BETWEEN 1 AND 10);
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_outcome" CHECK (
  ("status" = 'OPEN' AND "resolvedAt" IS NULL)
  OR ("status" = 'REGISTERED' AND "clientId" IS NOT NULL AND "resolvedAt" IS NOT NULL)
  OR ("status" = 'CLOSED' AND "closedReason" IS NOT NULL AND "resolvedAt" IS NOT NULL));

-- The built-in managed lists (issue "Advice points"): administrators may rename, add and retire
-- entries; the codes stay for the entries every deployment starts with.
INSERT INTO "VisitListEntry" ("id", "kind", "code", "labelFi", "labelSv", "labelEn", "sortOrder", "updatedAt") VALUES
  (gen_random_uuid(), 'TOPIC', 'residence_permit', 'Oleskelulupa ja kansalaisuus', 'Uppehållstillstånd och medborgarskap', 'Residence permit and citizenship', 10, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'registration', 'Rekisteröinti ja henkilötunnus', 'Registrering och personbeteckning', 'Registration and personal identity code', 20, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'housing', 'Asuminen', 'Boende', 'Housing', 30, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'health_social', 'Terveys- ja sosiaalipalvelut', 'Hälso- och socialtjänster', 'Health and social services', 40, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'work', 'Työ ja työnhaku', 'Arbete och jobbsökning', 'Work and job seeking', 50, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'studies', 'Opiskelu ja kielikurssit', 'Studier och språkkurser', 'Studies and language courses', 60, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'integration_training', 'Kotoutumiskoulutus', 'Integrationsutbildning', 'Integration training', 70, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'family', 'Perhe, lapset ja varhaiskasvatus', 'Familj, barn och småbarnspedagogik', 'Family, children and daycare', 80, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'money_kela', 'Raha-asiat ja Kelan etuudet', 'Ekonomi och FPA:s förmåner', 'Money and Kela benefits', 90, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'taxes', 'Verotus', 'Beskattning', 'Taxes', 100, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'letters_forms', 'Viranomaisten kirjeet ja lomakkeet', 'Brev och blanketter från myndigheter', 'Letters and forms from authorities', 110, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'legal', 'Oikeudelliset asiat', 'Juridiska frågor', 'Legal matters', 120, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'digital', 'Digipalvelut ja vahva tunnistautuminen', 'Digitala tjänster och stark autentisering', 'Digital services and strong identification', 130, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'everyday', 'Arki', 'Vardagsliv', 'Everyday life', 140, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'TOPIC', 'other', 'Muu asia', 'Annat', 'Other', 150, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'employment_services', 'Työllisyyspalvelut', 'Sysselsättningstjänster', 'Employment services', 10, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'integration_services', 'Kunnan kotoutumispalvelut', 'Kommunens integrationstjänster', 'Municipal integration services', 20, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'kela', 'Kela', 'FPA', 'Kela', 30, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'migri', 'Maahanmuuttovirasto (Migri)', 'Migrationsverket (Migri)', 'Finnish Immigration Service (Migri)', 40, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'dvv', 'Digi- ja väestötietovirasto', 'Myndigheten för digitalisering och befolkningsdata', 'Digital and Population Data Services Agency', 50, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'health', 'Terveysasema tai hyvinvointialue', 'Hälsocentral eller välfärdsområde', 'Health centre or wellbeing services county', 60, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'social', 'Sosiaalipalvelut', 'Socialtjänster', 'Social services', 70, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'school_daycare', 'Koulu tai varhaiskasvatus', 'Skola eller småbarnspedagogik', 'School or daycare', 80, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'legal_aid', 'Oikeusapu', 'Rättshjälp', 'Legal aid', 90, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'police', 'Poliisi', 'Polisen', 'Police', 100, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'ngo', 'Järjestö', 'Organisation', 'An NGO', 110, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DESTINATION', 'other', 'Muu', 'Annat', 'Other', 120, CURRENT_TIMESTAMP);
