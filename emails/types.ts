// What a template shows. Built by server/notifications/render.ts from the outbox row and the
// current records; never holds an identity code.
export const EMAIL_TEMPLATES = [
  "client/referral_received",
  "client/seat_offered",
  "client/offer_reminder",
  "client/offer_expired",
  "client/seat_confirmed",
  "client/start_reminder",
  "client/enrolment_cancelled",
  "client/queue_moved",
  "client/queue_place_withdrawn",
  "client/pool_referral_received",
  "client/seat_confirmed_conditional",
  "client/conditional_seat_released",
  "official/client_declined",
  "official/offer_expired",
  "official/no_show",
  "official/client_placed",
  "provider/daily_digest",
  "provider/course_cancelled",
  "staff/invitation",
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export function isEmailTemplate(value: string): value is EmailTemplate {
  return (EMAIL_TEMPLATES as readonly string[]).includes(value);
}

export interface EmailContact {
  name: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface EmailCourse {
  name: string;
  provider: string;
  address?: string | null;
  municipality: string;
  remote: boolean;
  schedule: "DAY" | "EVENING";
  startsOn: Date;
  endsOn: Date;
}

export interface EmailData {
  recipientName?: string | null;
  course?: EmailCourse;
  deadline?: Date | null;
  queue?: { position: number; total: number } | null;
  reason?: string | null;
  /** Staff e-mails: who the message is about (name and client number, never an identity code). */
  client?: { name: string; number: number } | null;
  digest?: { date: Date; courses: { name: string; count: number }[] };
  /** A pooled referral: the courses it matched, with the client's choice number (null: matched by the criteria). */
  pool?: { courses: { name: string; rank: number | null }[] } | null;
  /**
   * Conditional acceptance: on an offer, the courses ranked higher whose queue places an acceptance
   * on condition keeps (empty: not available); on a conditional seat, the courses still waited for.
   */
  preferredCourses?: string[];
  /** A released conditional seat: the course whose seat the client accepted instead. */
  placedCourseName?: string | null;
  links?: { accept?: string; acceptConditional?: string; decline?: string; page?: string; workspace?: string; setPassword?: string };
  contact: EmailContact;
}
