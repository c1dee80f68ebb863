import "server-only";
import type { Prisma } from "./db/generated/client";
import type { PrismaClient } from "./db/client";

/** What happened, by whom, to what. Identity codes never go into `details`. */
export interface AuditEntry {
  actorUserId?: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  organisationId?: string | null;
  clientId?: string;
  courseId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
  requestId?: string | null;
}

type AuditWriter = Pick<PrismaClient, "auditEvent"> | Prisma.TransactionClient;

export async function recordAudit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditEvent.create({ data: entry });
}
