// What the JSON API answers (/api/v1): one zod schema per answer. Route handlers encode their
// answers through these (server/api/http.ts `answer`), and the OpenAPI document is generated from
// the same schemas (server/api/openapi.ts), so an answer and its description cannot drift apart.
// Timestamps are Date on the server and ISO 8601 strings on the wire (a codec); days are YYYY-MM-DD.
import "./zod-config";
import { z } from "zod";
import {
  ActorKind,
  ClientLanguage,
  CourseStatus,
  EnrolmentStatus,
  InstructionLanguage,
  LanguageLevel,
  Literacy,
  QueueEntryStatus,
  QueuePriority,
  Role,
  Schedule,
  StudyPath,
} from "../enums";
import { isoDate } from "./client";

const enumOf = <T extends Record<string, string>>(values: T) => z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]);

/** A moment: a Date in the server, an ISO 8601 UTC string on the wire. */
export const timestamp = z.codec(z.iso.datetime(), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});

const id = z.uuid();
const text = z.string();
const count = z.int().min(0);

export const meResponse = z.object({ id, email: text, role: enumOf(Role), organisationId: id.nullable() });

/** A client as their own office sees it: the identity code only masked, never whole. */
export const clientResponse = z.object({
  id,
  clientNumber: z.int(),
  officeId: id,
  firstName: text,
  lastName: text,
  dateOfBirth: isoDate,
  email: text.nullable(),
  phone: text.nullable(),
  municipality: text.nullable(),
  preferredLanguage: enumOf(ClientLanguage),
  nativeLanguage: text.nullable(),
  interpreterNeeded: z.boolean(),
  literacy: enumOf(Literacy).nullable(),
  yearsOfSchooling: z.int().nullable(),
  highestEducation: text.nullable(),
  workExperience: text.nullable(),
  languageLevel: enumOf(LanguageLevel).nullable(),
  placementTestOn: isoDate.nullable(),
  studyPath: enumOf(StudyPath),
  integrationPlanStartsOn: isoDate.nullable(),
  integrationPlanEndsOn: isoDate.nullable().meta({ description: "Saved as the start + 2 years when a start is given without an end." }),
  assessedOn: isoDate.nullable().meta({ description: "The assessment of skills and integration service needs: the day it was made." }),
  assessedBy: text.nullable().meta({ description: "Who made the assessment (a name or a unit)." }),
  inIntegrationProgramme: z.boolean().meta({ description: "The client is in the municipality's integration programme." }),
  needsChildcare: z.boolean(),
  needsAccessibility: z.boolean(),
  eveningOnly: z.boolean(),
  specialNeeds: text.nullable(),
  notes: text.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  hasIdentityCode: z.boolean(),
  identityCodeMasked: text.nullable().meta({ description: 'Date of birth and century sign, the rest masked: "131052-****".' }),
});

/** One page of the office's client register (the official's register page shows the same). */
export const clientRegisterResponse = z.object({
  items: z.array(
    z.object({
      id,
      clientNumber: z.int(),
      firstName: text,
      lastName: text,
      dateOfBirth: isoDate,
      studyPath: enumOf(StudyPath),
      email: text.nullable(),
      municipality: text.nullable(),
      live: z.array(enumOf(EnrolmentStatus)).meta({ description: "The client's live enrolments (waitlisted, offered, confirmed, started)." }),
      pooled: z.boolean().meta({ description: "The client has an active pooled referral." }),
    }),
  ),
  total: count.meta({ description: "Matches, counted up to a cap (see `capped`)." }),
  capped: z.boolean(),
  page: z.int().min(1),
  pages: z.int().min(1).nullable().meta({ description: "Null when the count is capped." }),
  hasNext: z.boolean(),
});

/** What a provider may see of a client referred to its course: never an identity code. */
export const providerClientResponse = z.object({
  firstName: text,
  lastName: text,
  email: text.nullable(),
  phone: text.nullable(),
  preferredLanguage: enumOf(ClientLanguage),
  interpreterNeeded: z.boolean(),
  languageLevel: enumOf(LanguageLevel).nullable(),
  studyPath: enumOf(StudyPath),
  needsChildcare: z.boolean(),
  needsAccessibility: z.boolean(),
  eveningOnly: z.boolean(),
  specialNeeds: text.nullable(),
});

export const courseResponse = z.object({
  id,
  providerId: id,
  name: text,
  description: text.nullable(),
  instructionLanguage: enumOf(InstructionLanguage),
  studyPath: enumOf(StudyPath),
  levelFrom: enumOf(LanguageLevel),
  levelTo: enumOf(LanguageLevel),
  targetLevel: enumOf(LanguageLevel).nullable(),
  municipality: text,
  address: text.nullable(),
  remote: z.boolean(),
  schedule: enumOf(Schedule),
  startsOn: isoDate,
  endsOn: isoDate,
  hoursPerWeek: z.int().nullable(),
  capacity: count,
  seatsHeld: count.meta({ description: "Offered, confirmed and started enrolments." }),
  freeSeats: count,
  queueLength: count.optional().meta({ description: "Waitlisted enrolments." }),
  referralOpensOn: isoDate.nullable(),
  referralClosesOn: isoDate.nullable(),
  offerResponseHours: z.int(),
  confirmOnReferral: z.boolean(),
  notifyQueueMoves: z.boolean(),
  status: enumOf(CourseStatus),
  statusReason: text.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const courseListResponse = z.object({ items: z.array(courseResponse) });

const position = z.int().min(1).nullable().meta({ description: "Place in the queue (1 = next); null unless waitlisted." });

export const referralResponse = z.object({
  id,
  status: enumOf(EnrolmentStatus),
  queuePosition: position,
  offerExpiresAt: timestamp.nullable(),
});

const clientOfProvider = providerClientResponse.optional().meta({ description: "For the course's provider: the client's minimal data." });

export const courseEnrolmentListResponse = z.object({
  items: z.array(
    z.object({
      id,
      clientId: id,
      status: enumOf(EnrolmentStatus),
      priority: enumOf(QueuePriority),
      referredAt: timestamp,
      offerExpiresAt: timestamp.nullable(),
      pooled: z.boolean(),
      preferenceRank: z.int().nullable(),
      conditional: z.boolean(),
      queuePosition: position,
      client: clientOfProvider,
    }),
  ),
});

export const enrolmentResponse = z.object({
  id,
  clientId: id,
  courseId: id,
  status: enumOf(EnrolmentStatus),
  priority: enumOf(QueuePriority),
  priorityReason: text.nullable(),
  referredAt: timestamp,
  referralNote: text.nullable(),
  offeredAt: timestamp.nullable(),
  offerExpiresAt: timestamp.nullable(),
  confirmedAt: timestamp.nullable(),
  startedAt: timestamp.nullable(),
  endedAt: timestamp.nullable(),
  statusReason: text.nullable(),
  queueEntryId: id.nullable(),
  preferenceRank: z.int().nullable(),
  conditional: z.boolean(),
  queuePosition: position,
  events: z.array(
    z.object({
      at: timestamp,
      actorKind: enumOf(ActorKind),
      actorUserId: id.nullable(),
      fromStatus: enumOf(EnrolmentStatus).nullable(),
      toStatus: enumOf(EnrolmentStatus),
      reason: text.nullable(),
      data: z.unknown().meta({ description: "What else the event records, e.g. a queue move: { move: { from, to } }." }),
    }),
  ),
  client: clientOfProvider,
});

export const enrolmentActionResponse = z.object({
  ok: z.literal(true),
  enrolment: z.object({ id, status: enumOf(EnrolmentStatus) }).optional(),
  queuePosition: position.optional().meta({ description: "`move` and `priority`: the place after the change." }),
});

const poolPlace = z.object({
  enrolmentId: id,
  courseId: id,
  courseName: text,
  status: enumOf(EnrolmentStatus),
  preferenceRank: z.int().nullable(),
  conditional: z.boolean(),
  queuePosition: position,
});

export const poolReferralResponse = z.object({ id, places: z.array(poolPlace) });

export const clientPoolsResponse = z.object({
  items: z.array(
    z.object({
      id,
      status: enumOf(QueueEntryStatus),
      referredAt: timestamp,
      priority: enumOf(QueuePriority),
      criteria: z.object({
        studyPath: enumOf(StudyPath).nullable(),
        levelFit: z.boolean(),
        municipalities: z.array(text),
        includeRemote: z.boolean(),
        schedule: enumOf(Schedule).nullable(),
        instructionLanguage: enumOf(InstructionLanguage).nullable(),
        startFrom: isoDate.nullable(),
        startTo: isoDate.nullable(),
      }),
      rankedCourses: z.array(z.object({ courseId: id, courseName: text, rank: z.int().min(1) })),
      places: z.array(poolPlace),
      pendingCourses: z.array(z.object({ courseId: id, courseName: text })),
    }),
  ),
});

export const closePoolResponse = z.object({ ok: z.literal(true), withdrawn: count });

/** Visits of a period by one dimension (GET /visits/stats); with suppress=true a hidden count is null. */
export const visitStatsResponse = z.object({
  rows: z.array(
    z.object({
      key: text.meta({ description: "The topic's or destination's id, the enum value (NOT_RECORDED for a profile left empty), the ISO 639-1 language code, YYYY-MM, or the advice point's id." }),
      label: text.meta({ description: "In the caller's language (Accept-Language: fi, sv or en; Finnish otherwise)." }),
      retired: z.boolean().meta({ description: "A topic or destination retired since: statistics keep it." }),
      count: count.nullable().meta({ description: "Visits; null when suppressed for publication (below 5, or hidden so that one below 5 cannot be worked out)." }),
    }),
  ),
  total: count.nullable().meta({ description: "Visits in the period (topic, language, destination: visits with at least one, so not the sum of the rows); null when below 5 and suppressed." }),
});

/** RFC 9457 problem details, the body of every 4xx and 5xx answer (`application/problem+json`). */
export const problemResponse = z.object({
  type: text,
  title: text,
  status: z.int(),
  code: text.meta({ description: "Stable and machine-readable: NOT_FOUND, VALIDATION_FAILED, ALREADY_ENROLLED, …" }),
  detail: text.optional(),
  errors: z.array(z.object({ field: text, code: text.meta({ description: "A translation key, e.g. validation.required." }) })).optional(),
  retryAfter: z.int().optional(),
});
