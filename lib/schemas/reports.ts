// The filters of the reports page (read from the URL, a GET form) and of each table's export.
import { z } from "zod";
import { StudyPath } from "../enums";
import { isoDate } from "./client";
import { requiredText } from "./fields";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** Referral dates from–to (Finnish calendar days, both included), the course's study path and municipality. */
export const reportFilterSchema = z
  .object({
    from: optional(isoDate),
    to: optional(isoDate),
    studyPath: optional(z.enum(Object.values(StudyPath))),
    municipality: optional(requiredText(100)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "validation.endBeforeStart" });
export type ReportFilterInput = z.output<typeof reportFilterSchema>;

/** Every table on the page, in page order; each can be exported. */
export const REPORT_TABLES = [
  "fillByProvider",
  "fillByCourse",
  "queueByPath",
  "queueByMunicipality",
  "waitingByPath",
  "waitingByMunicipality",
  "waitingByMonth",
  "waitingByKind",
  "outcomesByPath",
] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

export const reportExportSchema = z.intersection(
  reportFilterSchema,
  z.object({ table: z.enum(REPORT_TABLES), format: z.enum(["csv", "xlsx"]) }),
);
