// The database enums that lib/ (code for the browser and the server alike) needs, in the shape of
// Prisma's generated ones (server/db/generated/enums.ts), which lib/ may not import. Written out
// here rather than generated; server/db/enums.test.ts holds each to the generated one, values and
// order, so a change to prisma/schema.prisma fails that test until it is made here too.

export const ClientLanguage = {
  fi: "fi",
  sv: "sv",
  en: "en",
  ru: "ru",
  uk: "uk",
  ar: "ar",
} as const;
export type ClientLanguage = (typeof ClientLanguage)[keyof typeof ClientLanguage];

export const Literacy = {
  LATIN_SCRIPT: "LATIN_SCRIPT",
  OTHER_SCRIPT: "OTHER_SCRIPT",
  NOT_LITERATE: "NOT_LITERATE",
} as const;
export type Literacy = (typeof Literacy)[keyof typeof Literacy];

export const LanguageLevel = {
  A0: "A0",
  A1_1: "A1_1",
  A1_2: "A1_2",
  A1_3: "A1_3",
  A2_1: "A2_1",
  A2_2: "A2_2",
  B1_1: "B1_1",
  B1_2: "B1_2",
  B2_1: "B2_1",
  B2_2: "B2_2",
  C1_1: "C1_1",
} as const;
export type LanguageLevel = (typeof LanguageLevel)[keyof typeof LanguageLevel];

export const StudyPath = {
  FAST: "FAST",
  BASIC: "BASIC",
  SLOW: "SLOW",
  LITERACY: "LITERACY",
} as const;
export type StudyPath = (typeof StudyPath)[keyof typeof StudyPath];

export const InstructionLanguage = {
  FI: "FI",
  SV: "SV",
} as const;
export type InstructionLanguage = (typeof InstructionLanguage)[keyof typeof InstructionLanguage];

export const Schedule = {
  DAY: "DAY",
  EVENING: "EVENING",
} as const;
export type Schedule = (typeof Schedule)[keyof typeof Schedule];

export const CourseStatus = {
  DRAFT: "DRAFT",
  PUBLISHED: "PUBLISHED",
  CLOSED: "CLOSED",
  CANCELLED: "CANCELLED",
} as const;
export type CourseStatus = (typeof CourseStatus)[keyof typeof CourseStatus];

export const QueuePriority = {
  URGENT: "URGENT",
  NORMAL: "NORMAL",
} as const;
export type QueuePriority = (typeof QueuePriority)[keyof typeof QueuePriority];

export const EnrolmentStatus = {
  WAITLISTED: "WAITLISTED",
  OFFERED: "OFFERED",
  CONFIRMED: "CONFIRMED",
  STARTED: "STARTED",
  COMPLETED: "COMPLETED",
  INTERRUPTED: "INTERRUPTED",
  NO_SHOW: "NO_SHOW",
  DECLINED: "DECLINED",
  EXPIRED: "EXPIRED",
  CANCELLED: "CANCELLED",
  WITHDRAWN: "WITHDRAWN",
} as const;
export type EnrolmentStatus = (typeof EnrolmentStatus)[keyof typeof EnrolmentStatus];

export const QueueEntryStatus = {
  ACTIVE: "ACTIVE",
  PLACED: "PLACED",
  CLOSED: "CLOSED",
} as const;
export type QueueEntryStatus = (typeof QueueEntryStatus)[keyof typeof QueueEntryStatus];

export const ActorKind = {
  USER: "USER",
  CLIENT: "CLIENT",
  SYSTEM: "SYSTEM",
} as const;
export type ActorKind = (typeof ActorKind)[keyof typeof ActorKind];

export const Role = {
  OFFICIAL: "OFFICIAL",
  PROVIDER_STAFF: "PROVIDER_STAFF",
  ADMIN: "ADMIN",
} as const;
export type Role = (typeof Role)[keyof typeof Role];
