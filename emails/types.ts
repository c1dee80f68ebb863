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
  links?: { accept?: string; decline?: string; page?: string; workspace?: string; setPassword?: string };
  contact: EmailContact;
}
