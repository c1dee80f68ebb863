import type { CourseEnrolment } from "@/server/provider/workspace";
import type { EnrolmentRowData } from "./types";

/** From the read model to what client components receive (plain, serialisable, minimal). */
export function toRowData(e: CourseEnrolment): EnrolmentRowData {
  const c = e.client;
  return {
    id: e.id,
    status: e.status,
    priority: e.priority,
    priorityReason: e.priorityReason,
    queuePosition: e.queuePosition,
    referredAt: e.referredAt.toISOString(),
    offerExpiresAt: e.offerExpiresAt?.toISOString() ?? null,
    referralNote: e.referralNote,
    referredBy: e.referredBy,
    statusReason: e.statusReason,
    name: `${c.firstName} ${c.lastName}`,
    email: c.email,
    phone: c.phone,
    languageLevel: c.languageLevel,
    studyPath: c.studyPath,
    needs: [c.needsChildcare && "childcare", c.needsAccessibility && "accessibility", c.eveningOnly && "eveningOnly", c.interpreterNeeded && "interpreter"].filter((n): n is string => Boolean(n)),
    specialNeeds: c.specialNeeds,
    pooled: e.queueEntryId ? { rank: e.preferenceRank } : null,
    conditional: e.conditional,
  };
}
