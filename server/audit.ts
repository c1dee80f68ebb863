import "server-only";
import type { Prisma } from "./db/generated/client";
import type { PrismaClient } from "./db/client";
import { requestIdOfRequest } from "./request-id";

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
  /** Left out: the id of the request being served (server/request-id.ts), if any. */
  requestId?: string | null;
}

type AuditWriter = Pick<PrismaClient, "auditEvent"> | Prisma.TransactionClient;

export async function recordAudit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditEvent.create({ data: { ...entry, requestId: entry.requestId ?? (await requestIdOfRequest()) } });
}
