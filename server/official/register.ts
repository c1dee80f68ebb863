import "server-only";
import type { Actor } from "../auth/actor";
import { identityCodeHmac } from "../crypto";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { EnrolmentStatus, StudyPath } from "../db/generated/enums";
import { isValidIdentityCode } from "../../lib/identity-code";
import type { ClientRegisterFilter } from "../../lib/schemas/official";
import { formatDate } from "../../lib/dates";

export const REGISTER_PAGE_SIZE = 25;
/** Matches are counted up to this; beyond it the page says "over 1 000" (an exact count of a broad search costs more than it tells). */
export const REGISTER_COUNT_CAP = 1000;

export interface RegisterRow {
  id: string;
  clientNumber: number;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  studyPath: StudyPath;
  email: string | null;
  municipality: string | null;
  live: EnrolmentStatus[];
  /** The client has an active pooled referral (their WAITLISTED places in `live` are its courses). */
  pooled: boolean;
}

/**
 * The WHERE of the office's client register: the search term is a client number (digits), an exact
 * identity code (matched by its HMAC), an e-mail address (contains @), or words each found in the
 * name (trigram-indexed, case-insensitive).
 */
export function registerWhere(officeId: string, filter: Omit<ClientRegisterFilter, "page">): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c."officeId" = ${officeId}::uuid`, Prisma.sql`c."anonymisedAt" IS NULL`];
  const q = filter.q?.trim() ?? "";
  if (q) {
    if (/^\d{1,9}$/.test(q)) parts.push(Prisma.sql`c."clientNumber" = ${Number(q)}`);
    else if (q.length === 11 && isValidIdentityCode(q)) parts.push(Prisma.sql`c."identityCodeHmac" = ${identityCodeHmac(q)}`);
    else if (q.includes("@")) parts.push(Prisma.sql`c.email LIKE ${`${escapeLike(q.toLowerCase())}%`}`);
    else {
      for (const word of q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
        parts.push(Prisma.sql`lower(c."lastName" || ' ' || c."firstName") LIKE ${`%${escapeLike(word)}%`}`);
      }
    }
  }
  if (filter.studyPath) parts.push(Prisma.sql`c."studyPath" = ${filter.studyPath}::"StudyPath"`);
  if (filter.status) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND e.status = ${filter.status}::"EnrolmentStatus")`);
  if (filter.placement === "waiting") parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND e.status = 'WAITLISTED')`);
  if (filter.placement === "placed") parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND e.status IN ('OFFERED', 'CONFIRMED', 'STARTED'))`);
  if (filter.placement === "pooled") parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "QueueEntry" q WHERE q."clientId" = c.id AND q.status = 'ACTIVE')`);
  if (filter.placement === "none") parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND e.status IN ('WAITLISTED', 'OFFERED', 'CONFIRMED', 'STARTED'))`);
  return Prisma.join(parts, " AND ");
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Row {
  id: string;
  clientNumber: number;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  studyPath: StudyPath;
  email: string | null;
  municipality: string | null;
  live: EnrolmentStatus[] | null;
  pooled: boolean;
}

/** One page of the office's client register, with the total count and each client's live enrolment states. */
export async function searchClientRegister(actor: Actor, filter: ClientRegisterFilter) {
  if (actor.role !== "OFFICIAL" || !actor.organisationId) return null;
  const where = registerWhere(actor.organisationId, filter);
  const offset = (filter.page - 1) * REGISTER_PAGE_SIZE;
  const [rows, total] = await Promise.all([db().$queryRaw<Row[]>`
    WITH page AS (
      SELECT c.id, c."clientNumber", c."firstName", c."lastName", c."dateOfBirth", c."studyPath", c.email, c.municipality
      FROM "Client" c WHERE ${where}
      ORDER BY c."lastName", c."firstName", c."clientNumber"
      LIMIT ${REGISTER_PAGE_SIZE} OFFSET ${offset}
    )
    SELECT page.*, (SELECT array_agg(e.status::text ORDER BY e.status) FROM "Enrolment" e
                    WHERE e."clientId" = page.id AND e.status IN ('WAITLISTED', 'OFFERED', 'CONFIRMED', 'STARTED')) AS live,
           EXISTS (SELECT 1 FROM "QueueEntry" q WHERE q."clientId" = page.id AND q.status = 'ACTIVE') AS pooled
    FROM page ORDER BY page."lastName", page."firstName", page."clientNumber"`, countRegister(actor.organisationId, filter)]);
  const capped = total > REGISTER_COUNT_CAP;
  return {
    total: Math.min(total, REGISTER_COUNT_CAP),
    capped,
    page: filter.page,
    /** Null when the count is capped: there are more pages than counted. */
    pages: capped ? null : Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE)),
    hasNext: capped ? rows.length === REGISTER_PAGE_SIZE : filter.page * REGISTER_PAGE_SIZE < total,
    rows: rows.map<RegisterRow>((r) => ({
      id: r.id,
      clientNumber: r.clientNumber,
      firstName: r.firstName,
      lastName: r.lastName,
      dateOfBirth: formatDate(r.dateOfBirth),
      studyPath: r.studyPath,
      email: r.email,
      municipality: r.municipality,
      live: r.live ?? [],
      pooled: r.pooled,
    })),
  };
}

async function countRegister(officeId: string, filter: Omit<ClientRegisterFilter, "page">): Promise<number> {
  const [row] = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM "Client" c WHERE ${registerWhere(officeId, filter)} LIMIT ${REGISTER_COUNT_CAP + 1}) matches`;
  return Number(row?.n ?? 0);
}
