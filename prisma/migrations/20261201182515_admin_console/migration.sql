-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "invitedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "defaultOfferResponseHours" INTEGER NOT NULL DEFAULT 72,
    "retentionMonths" INTEGER NOT NULL DEFAULT 24,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ServiceSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_tokenHash_key" ON "StaffInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffInvitation_userId_idx" ON "StaffInvitation"("userId");

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma cannot express these); proven by server/settings.test.ts.
-- One settings row, and values inside the ranges the settings form allows.
ALTER TABLE "ServiceSettings" ADD CONSTRAINT "ServiceSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "ServiceSettings" ADD CONSTRAINT "ServiceSettings_offer_hours_range" CHECK ("defaultOfferResponseHours" BETWEEN 1 AND 720);
ALTER TABLE "ServiceSettings" ADD CONSTRAINT "ServiceSettings_retention_range" CHECK ("retentionMonths" BETWEEN 1 AND 120);
