import "server-only";
import type { Actor } from "../auth/actor";
import { Prisma } from "../db/generated/client";
import { helsinkiDate } from "../enrolment/seats";
import type { ReportFilterInput } from "../../lib/schemas/reports";

// Who sees which numbers. Every report reads enrolments `e` joined to their course `k` and the
// client `cl`, and every query adds scope.enrolments (or scope.courses) to its WHERE:
// - an official: the enrolments of their own office's clients (on any provider's course);
// - provider staff: the enrolments on their own provider's courses (of any office's clients);
// - an administrator: everything.
// Anyone else (or a staff member without an organisation) gets no report at all.

export interface ReportScope {
  kind: "ALL" | "OFFICE" | "PROVIDER";
  organisationId: string | null;
  /** Restricts `e` (with `k` and `cl` joined) to the actor's enrolments. */
  enrolments: Prisma.Sql;
  /** Restricts `k` to courses whose seats the actor may count (see seat-fill.ts for officials). */
  courses: Prisma.Sql;
}

export function reportScope(actor: Actor): ReportScope | null {
  if (actor.role === "ADMIN") return { kind: "ALL", organisationId: null, enrolments: Prisma.sql`true`, courses: Prisma.sql`true` };
  if (!actor.organisationId) return null;
  const org = actor.organisationId;
  if (actor.role === "OFFICIAL") {
    return {
      kind: "OFFICE",
      organisationId: org,
      enrolments: Prisma.sql`cl."officeId" = ${org}::uuid`,
      courses: Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" se JOIN "Client" sc ON sc.id = se."clientId" WHERE se."courseId" = k.id AND sc."officeId" = ${org}::uuid AND se.status IN ('OFFERED', 'CONFIRMED', 'STARTED'))`,
    };
  }
  if (actor.role === "PROVIDER_STAFF") {
    return {
      kind: "PROVIDER",
      organisationId: org,
      // An array of the provider's course ids lets the planner read their enrolments by the
      // courseId index (a join to Course is estimated as a scan of every enrolment).
      enrolments: Prisma.sql`e."courseId" = ANY(ARRAY(SELECT pc.id FROM "Course" pc WHERE pc."providerId" = ${org}::uuid))`,
      courses: Prisma.sql`k."providerId" = ${org}::uuid`,
    };
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
  const to = input.to ?? helsinkiDate(now);
  const yearBack = new Date(`${to}T12:00:00Z`);
  yearBack.setUTCFullYear(yearBack.getUTCFullYear() - 1);
  yearBack.setUTCDate(yearBack.getUTCDate() + 1);
  return { from: input.from ?? yearBack.toISOString().slice(0, 10), to, studyPath: input.studyPath, municipality: input.municipality };
}

/** The course filters (study path, municipality) on `k`. */
export function courseFilter(filter: ReportFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`true`];
  if (filter.studyPath) where.push(Prisma.sql`k."studyPath" = ${filter.studyPath}::"StudyPath"`);
  if (filter.municipality) where.push(Prisma.sql`lower(k.municipality) = lower(${filter.municipality})`);
  return Prisma.join(where, " AND ");
}

/** Referred on a Finnish calendar day from `from` to `to`, both included. */
export function referralRange(filter: ReportFilter): Prisma.Sql {
  return Prisma.sql`e."referredAt" >= (${filter.from}::date::timestamp AT TIME ZONE 'Europe/Helsinki')
    AND e."referredAt" < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Helsinki')`;
}

/** The joins every enrolment report needs (the client only when the scope or a filter reads it). */
export function enrolmentJoins(scope: ReportScope): Prisma.Sql {
  return scope.kind === "OFFICE"
    ? Prisma.sql`"Enrolment" e JOIN "Course" k ON k.id = e."courseId" JOIN "Client" cl ON cl.id = e."clientId"`
    : Prisma.sql`"Enrolment" e JOIN "Course" k ON k.id = e."courseId"`;
}
