import "server-only";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { db } from "./db/client";
import type { SettingsData } from "../lib/schemas/admin";

// Service-wide settings, one row (ServiceSettings, id 1). Until an administrator first saves them
// the row does not exist and the defaults below (the same as the table's) apply.

export interface ServiceSettings {
  defaultOfferResponseHours: number;
  retentionMonths: number;
}

export const DEFAULT_SETTINGS: ServiceSettings = { defaultOfferResponseHours: 72, retentionMonths: 24 };

/** The current settings, for every part of the service (the course form's default, the retention job). */
export async function getSettings(): Promise<{ defaultOfferResponseHours: number; retentionMonths: number }> {
  const row = await db().serviceSettings.findUnique({ where: { id: 1 }, select: { defaultOfferResponseHours: true, retentionMonths: true } });
  return row ?? { ...DEFAULT_SETTINGS };
}

/** The settings with who changed them last, for the administrator's page. */
export async function settingsFor(actor: Actor) {
  if (actor.role !== "ADMIN") return null;
  const row = await db().serviceSettings.findUnique({ where: { id: 1 } });
  const updatedBy = row?.updatedById ? await db().user.findUnique({ where: { id: row.updatedById }, select: { name: true } }) : null;
  return {
    defaultOfferResponseHours: row?.defaultOfferResponseHours ?? DEFAULT_SETTINGS.defaultOfferResponseHours,
    retentionMonths: row?.retentionMonths ?? DEFAULT_SETTINGS.retentionMonths,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: updatedBy?.name ?? null,
  };
}

export async function updateSettings(actor: Actor, data: SettingsData): Promise<{ ok: true } | { ok: false; code: "NOT_FOUND" }> {
  if (actor.role !== "ADMIN") return { ok: false, code: "NOT_FOUND" };
  await db().$transaction(async (tx) => {
    // The row lock keeps two administrators' changes (and their audit rows' "before") in order.
    await tx.$executeRaw`INSERT INTO "ServiceSettings" (id, "updatedAt") VALUES (1, now()) ON CONFLICT (id) DO NOTHING`;
    const [before] = await tx.$queryRaw<ServiceSettings[]>`SELECT "defaultOfferResponseHours", "retentionMonths" FROM "ServiceSettings" WHERE id = 1 FOR UPDATE`;
    await tx.serviceSettings.update({ where: { id: 1 }, data: { ...data, updatedById: actor.userId } });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      action: "settings.update",
      entityType: "ServiceSettings",
      entityId: "1",
      details: { before: { ...before! }, after: { ...data } },
    });
  });
  return { ok: true };
}
