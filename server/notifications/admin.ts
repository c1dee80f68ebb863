import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import { listParkedMessages, retryParkedMessage, type ParkedMessage } from "./delivery";

// Administrators see the messages delivery gave up on (or could not be sure of) and send them again.

export async function parkedMessagesFor(actor: Actor): Promise<ParkedMessage[]> {
  if (actor.role !== "ADMIN") return [];
  return listParkedMessages();
}

export async function retryParked(actor: Actor, outboxId: string): Promise<{ ok: boolean }> {
  if (actor.role !== "ADMIN") return { ok: false };
  const ok = await retryParkedMessage(outboxId);
  if (ok) await recordAudit(db(), { actorUserId: actor.userId, action: "outbox.retry", entityType: "OutboxMessage", entityId: outboxId });
  return { ok };
}
