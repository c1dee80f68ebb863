import "server-only";
import type { Actor } from "../auth/actor";
import { Prisma } from "../db/generated/client";
import type { ReportFilterInput } from "../../lib/schemas/reports";
import { addDays, addYears, helsinkiToday } from "../../lib/dates";

// Who sees which numbers. The enrolment reports read the report cells `c` (basis.ts), and every
// query adds scope.cells to its WHERE; seat fill reads courses `k` and adds scope.courses:
// - an official: the enrolments of their own office's clients (on any provider's course);
// - provider staff: the enrolments on their own provider's courses (of any office's clients);
// - an administrator: everything.
// Anyone else (or a staff member without an organisation) gets no report at all.

export interface ReportScope {
  kind: "ALL" | "OFFICE" | "PROVIDER";
  organisationId: string | null;
  /** Restricts the report cells `c` to the actor's enrolments. */
  cells: Prisma.Sql;
  /** Restricts `k` to courses whose seats the actor may count (see seat-fill.ts for officials). */
  courses: Prisma.Sql;
}

export function reportScope(actor: Actor): ReportScope | null {
  if (actor.role === "ADMIN") return { kind: "ALL", organisationId: null, cells: Prisma.sql`true`, courses: Prisma.sql`true` };
  if (!actor.organisationId) return null;
  const org = actor.organisationId;
  if (actor.role === "OFFICIAL") {
    return {
      kind: "OFFICE",
      organisationId: org,
      cells: Prisma.sql`c."officeId" = ${org}::uuid`,
      courses: Prisma.sql`EXISTS (SELECT 1 FROM "CourseOfficeSeats" s WHERE s."courseId" = k.id AND s."officeId" = ${org}::uuid AND s."seatsHeld" > 0)`,
    };
  }
  if (actor.role === "PROVIDER_STAFF") {
    return { kind: "PROVIDER", organisationId: org, cells: Prisma.sql`c."providerId" = ${org}::uuid`, courses: Prisma.sql`k."providerId" = ${org}::uuid` };
  }
  return null;
}

/** The filter with its defaults filled in: the last twelve months up to today (Finnish dates). */
export interface ReportFilter {
  from: string;
  to: string;
  studyPath: ReportFilterInput["studyPath"];
  municipality: string | undefined;
}

export function withDefaults(input: ReportFilterInput, now = new Date()): ReportFilter {
  const to = input.to ?? helsinkiToday(now);
  return { from: input.from ?? addDays(addYears(to, -1), 1), to, studyPath: input.studyPath, municipality: input.municipality };
}

/** The course filters (study path, municipality) on a table aliased `alias` (`k` for courses, `c` for cells). */
export function courseFilter(filter: ReportFilter, alias: "k" | "c"): Prisma.Sql {
  const t = Prisma.raw(alias);
  const where: Prisma.Sql[] = [Prisma.sql`true`];
  if (filter.studyPath) where.push(Prisma.sql`${t}."studyPath" = ${filter.studyPath}::"StudyPath"`);
  if (filter.municipality) where.push(Prisma.sql`lower(${t}.municipality) = lower(${filter.municipality})`);
  return Prisma.join(where, " AND ");
}

/** Referred on a Finnish calendar day from `from` to `to`, both included (cells keep that day). */
export function referralRange(filter: ReportFilter): Prisma.Sql {
  return Prisma.sql`c."referredOn" BETWEEN ${filter.from}::date AND ${filter.to}::date`;
}
