-- CreateEnum
CREATE TYPE "SelfServiceKind" AS ENUM ('OFFER', 'QUEUE');

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "notifyQueueMoves" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "claimId" TEXT,
ADD COLUMN     "handoffAt" TIMESTAMPTZ(3),
ADD COLUMN     "parkedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SelfServiceToken" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" "SelfServiceKind" NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "outboxMessageId" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "answer" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfServiceToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SelfServiceToken_tokenHash_key" ON "SelfServiceToken"("tokenHash");

-- CreateIndex
CREATE INDEX "SelfServiceToken_enrolmentId_idx" ON "SelfServiceToken"("enrolmentId");
