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
  ADVISER: "ADVISER",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const OrganisationType = {
  EMPLOYMENT_AUTHORITY: "EMPLOYMENT_AUTHORITY",
  TRAINING_PROVIDER: "TRAINING_PROVIDER",
  SERVICE_OWNER: "SERVICE_OWNER",
  INTEGRATION_SERVICES: "INTEGRATION_SERVICES",
  ADVICE_POINT: "ADVICE_POINT",
} as const;
export type OrganisationType = (typeof OrganisationType)[keyof typeof OrganisationType];

export const AdvicePointOperator = {
  MUNICIPALITY: "MUNICIPALITY",
  NGO: "NGO",
} as const;
export type AdvicePointOperator = (typeof AdvicePointOperator)[keyof typeof AdvicePointOperator];

export const VisitChannel = {
  WALK_IN: "WALK_IN",
  PHONE: "PHONE",
  EMAIL: "EMAIL",
  CHAT: "CHAT",
  OUTREACH: "OUTREACH",
} as const;
export type VisitChannel = (typeof VisitChannel)[keyof typeof VisitChannel];

export const InterpreterKind = {
  NONE: "NONE",
  STAFF: "STAFF",
  PHONE: "PHONE",
  VIDEO: "VIDEO",
  ON_SITE: "ON_SITE",
} as const;
export type InterpreterKind = (typeof InterpreterKind)[keyof typeof InterpreterKind];

export const VisitOutcome = {
  ANSWERED: "ANSWERED",
  HELPED_WITH_FORM: "HELPED_WITH_FORM",
  APPOINTMENT_BOOKED: "APPOINTMENT_BOOKED",
  REFERRED: "REFERRED",
} as const;
export type VisitOutcome = (typeof VisitOutcome)[keyof typeof VisitOutcome];

export const AgeBand = {
  UNDER_18: "UNDER_18",
  AGE_18_29: "AGE_18_29",
  AGE_30_44: "AGE_30_44",
  AGE_45_64: "AGE_45_64",
  AGE_65_PLUS: "AGE_65_PLUS",
} as const;
export type AgeBand = (typeof AgeBand)[keyof typeof AgeBand];

export const VisitorGender = {
  FEMALE: "FEMALE",
  MALE: "MALE",
  OTHER: "OTHER",
  NOT_STATED: "NOT_STATED",
} as const;
export type VisitorGender = (typeof VisitorGender)[keyof typeof VisitorGender];

export const TimeInFinlandBand = {
  UNDER_1_YEAR: "UNDER_1_YEAR",
  YEARS_1_3: "YEARS_1_3",
  YEARS_3_5: "YEARS_3_5",
  OVER_5_YEARS: "OVER_5_YEARS",
} as const;
export type TimeInFinlandBand = (typeof TimeInFinlandBand)[keyof typeof TimeInFinlandBand];

export const VisitListKind = {
  TOPIC: "TOPIC",
  DESTINATION: "DESTINATION",
} as const;
export type VisitListKind = (typeof VisitListKind)[keyof typeof VisitListKind];

export const HandoverStatus = {
  OPEN: "OPEN",
  REGISTERED: "REGISTERED",
  CLOSED: "CLOSED",
} as const;
export type HandoverStatus = (typeof HandoverStatus)[keyof typeof HandoverStatus];
