import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { identityCodeHmac, seal, unseal } from "../crypto";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { EnrolmentStatus, StudyPath } from "../db/generated/enums";
import { isValidIdentityCode, looksLikeIdentityCode } from "../../lib/identity-code";
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
    else if (searchesByIdentityCode(q)) parts.push(Prisma.sql`c."identityCodeHmac" = ${identityCodeHmac(q)}`);
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
  if (filter.placement === "placed") parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND enrolment_holds_seat(e.status))`);
  if (filter.placement === "pooled") parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "QueueEntry" q WHERE q."clientId" = c.id AND q.status = 'ACTIVE')`);
  if (filter.placement === "none") parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."clientId" = c.id AND enrolment_is_live(e.status))`);
  return Prisma.join(parts, " AND ");
}

function searchesByIdentityCode(q: string): boolean {
  return q.length === 11 && isValidIdentityCode(q);
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

/**
 * One page of the office's client register, with the total count and each client's live enrolment
 * states; for the register page and the API alike. A search by identity code is audited (who looked
 * for whose code), like showing a code; the code itself is not recorded.
 */
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
                    WHERE e."clientId" = page.id AND enrolment_is_live(e.status)) AS live,
           EXISTS (SELECT 1 FROM "QueueEntry" q WHERE q."clientId" = page.id AND q.status = 'ACTIVE') AS pooled
    FROM page ORDER BY page."lastName", page."firstName", page."clientNumber"`, countRegister(actor.organisationId, filter)]);
  const capped = total > REGISTER_COUNT_CAP;
  if (filter.q && searchesByIdentityCode(filter.q.trim())) {
    const [match] = rows;
    await recordAudit(db(), {
      actorUserId: actor.userId,
      action: "client.identityCode.search",
      organisationId: actor.organisationId,
      ...(match && rows.length === 1 ? { entityType: "Client", entityId: match.id, clientId: match.id } : {}),
      details: { matches: Math.min(total, REGISTER_COUNT_CAP) },
    });
  }
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

// The register page keeps its search term out of the address: the search form posts it, the term
// is kept in a sealed, short-lived cookie under a random id, and the page's address, its filter and
// pagination links and the export carry only that id. An identity code typed into the search box
// so never reaches browser history, proxy logs or a Referer. A name may still come in a link
// (`?q=Khalil`); a term in the address that looks like an identity code is refused.

export const REGISTER_SEARCH_COOKIE = "kp_register_search";
export const REGISTER_SEARCH_SECONDS = 60 * 60;
const SEARCHES_KEPT = 5;
const SEAL = "register-search/aes-256-gcm";

interface KeptSearch {
  id: string;
  userId: string;
  q: string;
  /** Epoch ms. */
  at: number;
}

function keptSearches(cookie: string | undefined, now: number): KeptSearch[] {
  if (!cookie) return [];
  try {
    const kept = JSON.parse(unseal(SEAL, cookie)) as KeptSearch[];
    return kept.filter((s) => now - s.at < REGISTER_SEARCH_SECONDS * 1000);
  } catch {
    // Tampered with, or sealed under another key: nothing kept.
    return [];
  }
}

/** Keeps a search term for the actor: the id for the address and the cookie's new value. */
export function rememberRegisterSearch(cookie: string | undefined, actor: Pick<Actor, "userId">, q: string, now = Date.now()): { searchId: string; cookie: string } {
  const searchId = randomBytes(12).toString("base64url");
  const kept = [{ id: searchId, userId: actor.userId, q, at: now }, ...keptSearches(cookie, now).filter((s) => s.userId === actor.userId)].slice(0, SEARCHES_KEPT);
  return { searchId, cookie: seal(SEAL, JSON.stringify(kept)) };
}

export interface RegisterTerm {
  q?: string;
  /** The kept search the term came from, for the page's links. */
  searchId?: string;
  /** Why there is no term although one was asked for. */
  refused?: "searchExpired" | "identityCodeInAddress";
}

/** The search term of a register address: a kept search (`search=<id>`), or a `q` that is not an identity code. */
export function registerTermOf(params: { q?: string; search?: string }, cookie: string | undefined, actor: Pick<Actor, "userId">, now = Date.now()): RegisterTerm {
  if (params.search) {
    const kept = keptSearches(cookie, now).find((s) => s.id === params.search && s.userId === actor.userId);
    return kept ? { q: kept.q, searchId: kept.id } : { refused: "searchExpired" };
  }
  if (params.q && looksLikeIdentityCode(params.q)) return { refused: "identityCodeInAddress" };
  return params.q ? { q: params.q } : {};
}

/** The query of a register address (a link, the export's fields): the kept search's id in place of its term. */
export function registerParams(filter: Partial<ClientRegisterFilter>, term: RegisterTerm): URLSearchParams {
  const params = new URLSearchParams();
  if (term.searchId) params.set("search", term.searchId);
  else if (term.q) params.set("q", term.q);
  for (const [key, value] of Object.entries(filter)) if (key !== "q" && value !== undefined && value !== "") params.set(key, String(value));
  return params;
}
