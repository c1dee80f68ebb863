import "./zod-config";
import { z } from "zod";
import { CourseStatus, InstructionLanguage, LanguageLevel, Schedule, StudyPath } from "../enums";
import { isoDate } from "./client";
import { filterText, optionalReason, optionalText, requiredText } from "./fields";

const level = z.enum(Object.values(LanguageLevel), { error: "validation.choose" });

const courseFields = z.object({
  name: requiredText(200),
  description: optionalText(4000, { multiline: true }),
  studyPath: z.enum(Object.values(StudyPath), { error: "validation.choose" }),
  instructionLanguage: z.enum(Object.values(InstructionLanguage), { error: "validation.choose" }),
  levelFrom: level,
  levelTo: level,
  targetLevel: level.optional().nullable(),
  municipality: requiredText(100),
  address: optionalText(200),
  remote: z.boolean().default(false),
  schedule: z.enum(Object.values(Schedule), { error: "validation.choose" }),
  startsOn: isoDate,
  endsOn: isoDate,
  hoursPerWeek: z.number().int().min(1).max(60).optional().nullable(),
  capacity: z.number({ error: "validation.number" }).int("validation.wholeNumber").min(0, "validation.min").max(500, "validation.max"),
  referralOpensOn: isoDate.optional().nullable(),
  referralClosesOn: isoDate.optional().nullable(),
  /** Left out: the service's default (an administrator's setting, server/settings.ts). */
  offerResponseHours: z.number().int().min(1, "validation.min").max(24 * 30, "validation.max").optional(),
  confirmOnReferral: z.boolean().default(false),
  status: z.enum(["DRAFT", "PUBLISHED"] as const).default("DRAFT"),
});

const levelIndex = (l: string) => Object.values(LanguageLevel).indexOf(l as LanguageLevel);

export const courseSchema = courseFields.superRefine((c, ctx) => {
  if (levelIndex(c.levelTo) < levelIndex(c.levelFrom)) ctx.addIssue({ code: "custom", path: ["levelTo"], message: "validation.levelOrder" });
  if (c.endsOn < c.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "validation.endBeforeStart" });
  if (c.referralOpensOn && c.referralClosesOn && c.referralClosesOn < c.referralOpensOn) {
    ctx.addIssue({ code: "custom", path: ["referralClosesOn"], message: "validation.endBeforeStart" });
  }
});

/** PATCH: any subset of the fields; capacity and status go through the enrolment engine. */
export const coursePatchSchema = courseFields
  .omit({ status: true })
  .partial()
  .extend({
    status: z.enum(Object.values(CourseStatus)).optional(),
    statusReason: optionalReason,
  });

export const courseFilterSchema = z.object({
  studyPath: z.enum(Object.values(StudyPath)).optional(),
  instructionLanguage: z.enum(Object.values(InstructionLanguage)).optional(),
  schedule: z.enum(Object.values(Schedule)).optional(),
  municipality: filterText(100),
  status: z.enum(Object.values(CourseStatus)).optional(),
  startsFrom: isoDate.optional(),
  startsTo: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type CourseInput = z.input<typeof courseSchema>;
export type CourseData = z.output<typeof courseSchema>;
export type CoursePatch = z.output<typeof coursePatchSchema>;

/** A new course form's starting values. Here, not in the form's client module: a server page spreads
 * it, and a value imported from a "use client" module is only a reference on the server. */
export const newCourseDefaults: CourseInput = {
  name: "",
  description: null,
  studyPath: "BASIC",
  instructionLanguage: "FI",
  levelFrom: "A0",
  levelTo: "A1_3",
  targetLevel: null,
  municipality: "",
  address: null,
  remote: false,
  schedule: "DAY",
  startsOn: "",
  endsOn: "",
  hoursPerWeek: null,
  capacity: 16,
  referralOpensOn: null,
  referralClosesOn: null,
  offerResponseHours: 72,
  confirmOnReferral: false,
  status: "DRAFT",
};
