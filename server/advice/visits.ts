import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { AgeBand, InterpreterKind, TimeInFinlandBand, VisitChannel, VisitListKind, VisitOutcome, VisitorGender } from "../db/generated/enums";
import { addDays, helsinkiDayEnd, helsinkiDayStart, helsinkiToday } from "../../lib/dates";
import type { Locale } from "../../lib/i18n";
import { listLabel, type ListLabels } from "../../lib/visit-lists";
import type { VisitData, VisitListQuery } from "../../lib/schemas/advice";

// The advice point's visit log (issue 16): an adviser logs anonymous visits for their own advice
// point, corrects recent ones, and reads back their point's log. Only an adviser belonging to an
// advice point may; everyone else is refused with FORBIDDEN, and a visit of another point is
// NOT_FOUND. Every change is audited. Advisers never reach clients, courses or enrolments: those
// modules refuse the ADVISER role on their own.

/** A visit may be corrected this many days after it was logged; later the log stands. */
export const VISIT_CORRECTION_DAYS = 14;
/** The adviser's usual channel and languages: the most frequent among this many of their latest visits. */
const DEFAULTS_FROM_LAST = 20;
/** GET /api/v1/visits without dates: the last 30 Finnish days, today included. */
const DEFAULT_LIST_DAYS = 30;

export type VisitErrorCode = "FORBIDDEN" | "NOT_FOUND" | "EDIT_PERIOD_OVER" | "TOPIC_NOT_AVAILABLE" | "DESTINATION_NOT_AVAILABLE";
export type VisitFailure =
  | { ok: false; code: "FORBIDDEN" | "NOT_FOUND" | "EDIT_PERIOD_OVER" }
  /** A topic or destination that is not an active entry of its list: `field` and `index` name the first such id in the input. */
  | { ok: false; code: "TOPIC_NOT_AVAILABLE" | "DESTINATION_NOT_AVAILABLE"; field: "topicIds" | "referredToIds"; index: number };

export interface ListOption {
  id: string;
  label: string;
}

export interface VisitOptions {
  topics: ListOption[];
  destinations: ListOption[];
}

/** A visit as the adviser and the API see it: anonymous, without who logged it. */
export interface Visit {
  id: string;
  advicePointId: string;
  occurredAt: Date;
  channel: VisitChannel;
  languages: string[];
  interpreter: InterpreterKind;
  topicIds: string[];
  outcome: VisitOutcome;
  referredToIds: string[];
  durationMinutes: number | null;
  profile: {
    ageBand: AgeBand | null;
    gender: VisitorGender | null;
    origin: string | null;
    timeInFinland: TimeInFinlandBand | null;
    firstVisit: boolean | null;
  };
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One of the adviser's latest visits on the desk page: labels in the reader's language, and whether it may still be corrected. */
export interface RecentVisit extends Visit {
  topics: ListOption[];
  destinations: ListOption[];
  correctable: boolean;
}

export interface VisitDefaults {
  channel: VisitChannel;
  languages: string[];
}

const FORBIDDEN = { ok: false, code: "FORBIDDEN" } as const;
const NOT_FOUND = { ok: false, code: "NOT_FOUND" } as const;

type Desk = { ok: true; advicePointId: string } | typeof FORBIDDEN;

/** The advice point the actor logs visits for: an adviser's own organisation, and it must be an advice point. */
async function deskOf(actor: Actor, client: Pick<Prisma.TransactionClient, "organisation"> = db()): Promise<Desk> {
  if (actor.role !== "ADVISER" || !actor.organisationId) return FORBIDDEN;
  const point = await client.organisation.findUnique({ where: { id: actor.organisationId }, select: { type: true } });
  return point?.type === "ADVICE_POINT" ? { ok: true, advicePointId: actor.organisationId } : FORBIDDEN;
}

type Entry = ListLabels & { id: string };
const option = (entry: Entry, locale: Locale): ListOption => ({ id: entry.id, label: listLabel(entry, locale) });

const ENTRY = { id: true, labelFi: true, labelSv: true, labelEn: true } as const;
const VISIT_INCLUDE = {
  topics: { select: { topic: { select: ENTRY } }, orderBy: [{ topic: { sortOrder: "asc" } }, { topicId: "asc" }] },
  destinations: { select: { destination: { select: ENTRY } }, orderBy: [{ destination: { sortOrder: "asc" } }, { destinationId: "asc" }] },
} satisfies Prisma.AdviceVisitInclude;
type VisitRow = Prisma.AdviceVisitGetPayload<{ include: typeof VISIT_INCLUDE }>;

function present(row: VisitRow): Visit {
  return {
    id: row.id,
    advicePointId: row.advicePointId,
    occurredAt: row.occurredAt,
    channel: row.channel,
    languages: row.languages,
    interpreter: row.interpreter,
    topicIds: row.topics.map((t) => t.topic.id),
    outcome: row.outcome,
    referredToIds: row.destinations.map((d) => d.destination.id),
    durationMinutes: row.durationMinutes,
    profile: { ageBand: row.ageBand, gender: row.gender, origin: row.origin, timeInFinland: row.timeInFinland, firstVisit: row.firstVisit },
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const correctable = (createdAt: Date, now: Date) => now.getTime() - createdAt.getTime() <= VISIT_CORRECTION_DAYS * 86_400_000;

/**
 * The active topics and destinations, labelled in `locale`, in the administrator's order. `keep`
 * adds retired entries a visit being corrected already has, so they stay choosable.
 */
export async function visitOptions(actor: Actor, locale: Locale, keep: readonly string[] = []): Promise<({ ok: true } & VisitOptions) | typeof FORBIDDEN> {
  const desk = await deskOf(actor);
  if (!desk.ok) return desk;
  const entries = await db().visitListEntry.findMany({
    where: { OR: [{ retiredAt: null }, ...(keep.length ? [{ id: { in: [...keep] } }] : [])] },
    select: { ...ENTRY, kind: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return {
    ok: true,
    topics: entries.filter((e) => e.kind === "TOPIC").map((e) => option(e, locale)),
    destinations: entries.filter((e) => e.kind === "DESTINATION").map((e) => option(e, locale)),
  };
}

/**
 * The first chosen topic or destination that may not be saved: unknown, of the other list, or
 * retired (unless the visit already had it: a correction keeps its history).
 */
async function unavailableEntry(tx: Prisma.TransactionClient, data: VisitData, alreadyOn: ReadonlySet<string>): Promise<VisitFailure | null> {
  const ids = [...data.topicIds, ...data.referredToIds];
  const found = new Map((await tx.visitListEntry.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true, retiredAt: true } })).map((e) => [e.id, e]));
  const usable = (id: string, kind: VisitListKind) => {
    const entry = found.get(id);
    return entry !== undefined && entry.kind === kind && (entry.retiredAt === null || alreadyOn.has(id));
  };
  const topic = data.topicIds.findIndex((id) => !usable(id, "TOPIC"));
  if (topic >= 0) return { ok: false, code: "TOPIC_NOT_AVAILABLE", field: "topicIds", index: topic };
  const destination = data.referredToIds.findIndex((id) => !usable(id, "DESTINATION"));
  if (destination >= 0) return { ok: false, code: "DESTINATION_NOT_AVAILABLE", field: "referredToIds", index: destination };
  return null;
}

const scalars = (data: VisitData) => ({
  channel: data.channel,
  languages: data.languages,
  interpreter: data.interpreter,
  outcome: data.outcome,
  durationMinutes: data.durationMinutes,
  ageBand: data.profile.ageBand,
  gender: data.profile.gender,
  origin: data.profile.origin,
  timeInFinland: data.profile.timeInFinland,
  firstVisit: data.profile.firstVisit,
  note: data.note,
});

/** Logs a visit for the adviser's advice point; `occurredAt` left out is now. */
export async function recordVisit(actor: Actor, data: VisitData, now = new Date()): Promise<{ ok: true; visit: Visit } | VisitFailure> {
  return db().$transaction(async (tx) => {
    const desk = await deskOf(actor, tx);
    if (!desk.ok) return desk;
    const unavailable = await unavailableEntry(tx, data, new Set());
    if (unavailable) return unavailable;
    const row = await tx.adviceVisit.create({
      data: {
        advicePointId: desk.advicePointId,
        adviserId: actor.userId,
        occurredAt: data.occurredAt ?? now,
        ...scalars(data),
        topics: { create: data.topicIds.map((topicId) => ({ topicId })) },
        destinations: { create: data.referredToIds.map((destinationId) => ({ destinationId })) },
      },
      include: VISIT_INCLUDE,
    });
    // Nothing of the visit's content: the audit trail says who logged what when, the log holds the rest.
    await recordAudit(tx, { actorUserId: actor.userId, action: "visit.create", entityType: "AdviceVisit", entityId: row.id, organisationId: desk.advicePointId });
    return { ok: true as const, visit: present(row) };
  });
}

type Change = { from: unknown; to: unknown } | { changed: true };

/** What a correction changes, field by field; free texts are named, not copied into the audit trail. */
function changes(before: Visit, after: Visit): Record<string, Change> {
  const out: Record<string, Change> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const sorted = (values: string[]) => [...values].sort();
  const compare = (field: string, a: unknown, b: unknown, text = false) => {
    if (!same(a, b)) out[field] = text ? { changed: true } : { from: a, to: b };
  };
  compare("occurredAt", before.occurredAt.toISOString(), after.occurredAt.toISOString());
  compare("channel", before.channel, after.channel);
  compare("languages", before.languages, after.languages);
  compare("interpreter", before.interpreter, after.interpreter);
  compare("topicIds", sorted(before.topicIds), sorted(after.topicIds));
  compare("outcome", before.outcome, after.outcome);
  compare("referredToIds", sorted(before.referredToIds), sorted(after.referredToIds));
  compare("durationMinutes", before.durationMinutes, after.durationMinutes);
  compare("profile.ageBand", before.profile.ageBand, after.profile.ageBand);
  compare("profile.gender", before.profile.gender, after.profile.gender);
  compare("profile.origin", before.profile.origin, after.profile.origin, true);
  compare("profile.timeInFinland", before.profile.timeInFinland, after.profile.timeInFinland);
  compare("profile.firstVisit", before.profile.firstVisit, after.profile.firstVisit);
  compare("note", before.note, after.note, true);
  return out;
}

/**
 * Corrects a visit of the adviser's own advice point within VISIT_CORRECTION_DAYS of its logging.
 * `occurredAt` left out keeps the visit's time. The audit event names each changed field.
 */
export async function updateVisit(actor: Actor, visitId: string, data: VisitData, now = new Date()): Promise<{ ok: true; visit: Visit; changed: string[] } | VisitFailure> {
  return db().$transaction(async (tx) => {
    const desk = await deskOf(actor, tx);
    if (!desk.ok) return desk;
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "AdviceVisit" WHERE id = ${visitId}::uuid AND "advicePointId" = ${desk.advicePointId}::uuid FOR UPDATE`;
    if (!locked) return NOT_FOUND;
    const before = present(await tx.adviceVisit.findUniqueOrThrow({ where: { id: visitId }, include: VISIT_INCLUDE }));
    if (!correctable(before.createdAt, now)) return { ok: false as const, code: "EDIT_PERIOD_OVER" as const };
    const unavailable = await unavailableEntry(tx, data, new Set([...before.topicIds, ...before.referredToIds]));
    if (unavailable) return unavailable;

    const topics = new Set(data.topicIds);
    const destinations = new Set(data.referredToIds);
    const row = await tx.adviceVisit.update({
      where: { id: visitId },
      data: {
        occurredAt: data.occurredAt ?? before.occurredAt,
        ...scalars(data),
        topics: {
          deleteMany: { topicId: { notIn: [...topics] } },
          create: data.topicIds.filter((id) => !before.topicIds.includes(id)).map((topicId) => ({ topicId })),
        },
        destinations: {
          deleteMany: { destinationId: { notIn: [...destinations] } },
          create: data.referredToIds.filter((id) => !before.referredToIds.includes(id)).map((destinationId) => ({ destinationId })),
        },
      },
      include: VISIT_INCLUDE,
    });
    const after = present(row);
    const changed = changes(before, after);
    if (Object.keys(changed).length > 0) {
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: "visit.update",
        entityType: "AdviceVisit",
        entityId: visitId,
        organisationId: desk.advicePointId,
        details: { changed } as Prisma.InputJsonValue,
      });
    }
    return { ok: true as const, visit: after, changed: Object.keys(changed) };
  });
}

function withLabels(row: VisitRow, locale: Locale, now: Date): RecentVisit {
  return {
    ...present(row),
    topics: row.topics.map((t) => option(t.topic, locale)),
    destinations: row.destinations.map((d) => option(d.destination, locale)),
    correctable: correctable(row.createdAt, now),
  };
}

/** The adviser's own latest visits (newest logged first), for a glance and a correction. */
export async function recentVisits(actor: Actor, limit = 5, locale: Locale = "fi", now = new Date()): Promise<({ ok: true; visits: RecentVisit[] }) | typeof FORBIDDEN> {
  const desk = await deskOf(actor);
  if (!desk.ok) return desk;
  const rows = await db().adviceVisit.findMany({
    where: { adviserId: actor.userId, advicePointId: desk.advicePointId },
    include: VISIT_INCLUDE,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, Math.trunc(limit)), 50),
  });
  return { ok: true, visits: rows.map((r) => withLabels(r, locale, now)) };
}

/** The adviser's own point's visits on Finnish days `from`..`to` (both included), in time order; default the last 30 days. */
export async function listVisits(actor: Actor, query: VisitListQuery, now = new Date()): Promise<({ ok: true; visits: Visit[] }) | typeof FORBIDDEN> {
  const desk = await deskOf(actor);
  if (!desk.ok) return desk;
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_LIST_DAYS - 1) : helsinkiToday(now));
  const from = query.from ?? addDays(to, -(DEFAULT_LIST_DAYS - 1));
  const rows = await db().adviceVisit.findMany({
    where: { advicePointId: desk.advicePointId, occurredAt: { gte: helsinkiDayStart(from), lt: helsinkiDayEnd(to) } },
    include: VISIT_INCLUDE,
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  return { ok: true, visits: rows.map(present) };
}

/** One visit of the adviser's point with what its correction form needs: the options (its own retired entries kept). */
export async function visitForCorrection(actor: Actor, visitId: string, locale: Locale, now = new Date()): Promise<({ ok: true; visit: RecentVisit; options: VisitOptions }) | VisitFailure> {
  const desk = await deskOf(actor);
  if (!desk.ok) return desk;
  const row = await db().adviceVisit.findFirst({ where: { id: visitId, advicePointId: desk.advicePointId }, include: VISIT_INCLUDE });
  if (!row) return NOT_FOUND;
  const visit = withLabels(row, locale, now);
  if (!visit.correctable) return { ok: false, code: "EDIT_PERIOD_OVER" };
  const options = await visitOptions(actor, locale, [...visit.topicIds, ...visit.referredToIds]);
  if (!options.ok) return options;
  return { ok: true, visit, options: { topics: options.topics, destinations: options.destinations } };
}

/** The most frequent value (by its key), ties to the one seen first (the latest). */
function mostFrequent<T>(values: T[], key: (value: T) => string): T | undefined {
  const counts = new Map<string, { value: T; count: number }>();
  for (const value of values) {
    const k = key(value);
    const seen = counts.get(k);
    if (seen) seen.count++;
    else counts.set(k, { value, count: 1 });
  }
  let best: { value: T; count: number } | undefined;
  for (const candidate of counts.values()) if (!best || candidate.count > best.count) best = candidate;
  return best?.value;
}

/**
 * The adviser's usual channel and languages, remembered from their own latest visits (the most
 * frequent of each among the last 20, ties to the latest), so they follow the adviser to any
 * device and to the API with nothing else to store. A new adviser: a walk-in in `locale`.
 */
export async function visitDefaults(actor: Actor, locale: Locale = "fi"): Promise<VisitDefaults> {
  const fallback: VisitDefaults = { channel: "WALK_IN", languages: [locale] };
  if (actor.role !== "ADVISER" || !actor.organisationId) return fallback;
  const rows = await db().adviceVisit.findMany({
    where: { adviserId: actor.userId, advicePointId: actor.organisationId },
    select: { channel: true, languages: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DEFAULTS_FROM_LAST,
  });
  return {
    channel: mostFrequent(rows.map((r) => r.channel), String) ?? fallback.channel,
    languages: mostFrequent(rows.map((r) => r.languages), (l) => [...l].sort().join(",")) ?? fallback.languages,
  };
}
