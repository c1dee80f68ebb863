import type { EnrolmentStatus, LanguageLevel, QueuePriority, StudyPath } from "@/lib/schemas/provider";

/** One enrolment as the provider's pages show it: the client's minimal data only, dates as ISO strings. */
export interface EnrolmentRowData {
  id: string;
  status: EnrolmentStatus;
  priority: QueuePriority;
  priorityReason: string | null;
  queuePosition: number | null;
  referredAt: string;
  offerExpiresAt: string | null;
  referralNote: string | null;
  referredBy: string | null;
  statusReason: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  languageLevel: LanguageLevel | null;
  studyPath: StudyPath;
  needs: string[];
  specialNeeds: string | null;
  /** From a pooled referral: the client waits for several courses at once; `rank` is their preference for this one (null: matched by criteria). */
  pooled: { rank: number | null } | null;
  /** A seat accepted on condition: the client still waits for a course they ranked higher. */
  conditional: boolean;
}
