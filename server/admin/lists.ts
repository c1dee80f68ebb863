import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import type { Prisma, VisitListEntry } from "../db/generated/client";
import type { VisitListKind } from "../db/generated/enums";
import type { NewVisitListEntry, VisitListLabels } from "../../lib/schemas/admin";

// The managed lists of the advice-point visit log: the topics a visit is about and the services a
// visitor is referred to. Administrators add entries (named in fi, sv and en), rename them, move
// them up or down, and retire them. Nothing is ever deleted: a visit keeps the entries it was
// logged with, so history and statistics keep a retired entry under its name; a retired entry is
// only no longer offered for new visits (the visit form offers `retiredAt IS NULL`).

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** The gap between neighbours' sortOrder, so that an entry can later be put between two. */
const STEP = 10;

export type ListFailure = "NOT_FOUND" | "LABEL_TAKEN" | "LAST_ACTIVE";

export interface ListEntryRow {
  id: string;
  kind: VisitListKind;
  code: string | null;
  labelFi: string;
  labelSv: string;
  labelEn: string;
  sortOrder: number;
  retiredAt: Date | null;
  /** Visits that name the entry, as a topic or as a destination. */
  visits: number;
}

const order = [{ sortOrder: "asc" }, { labelFi: "asc" }, { id: "asc" }] satisfies Prisma.VisitListEntryOrderByWithRelationInput[];

function present(row: VisitListEntry & { _count: { visitTopics: number; visitDestinations: number } }): ListEntryRow {
  const { id, kind, code, labelFi, labelSv, labelEn, sortOrder, retiredAt, _count } = row;
  return { id, kind, code, labelFi, labelSv, labelEn, sortOrder, retiredAt, visits: _count.visitTopics + _count.visitDestinations };
}

const withCounts = { _count: { select: { visitTopics: true, visitDestinations: true } } } as const;

/** Both lists in their order, the retired entries included (marked). */
export async function listVisitLists(actor: Actor): Promise<Record<VisitListKind, ListEntryRow[]> | null> {
  if (actor.role !== "ADMIN") return null;
  const rows = await db().visitListEntry.findMany({ orderBy: order, include: withCounts });
  const lists: Record<VisitListKind, ListEntryRow[]> = { TOPIC: [], DESTINATION: [] };
  for (const row of rows) lists[row.kind].push(present(row));
  return lists;
}

export async function getListEntry(actor: Actor, id: string): Promise<ListEntryRow | null> {
  if (actor.role !== "ADMIN" || !isId(id)) return null;
  const row = await db().visitListEntry.findUnique({ where: { id }, include: withCounts });
  return row ? present(row) : null;
}

type Tx = Prisma.TransactionClient;

/** Serialises changes to one list, so two administrators' moves and additions do not interleave. */
async function lockList(tx: Tx, kind: VisitListKind): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('VisitListEntry'), hashtext(${kind}))`;
}

/**
 * Another entry of the same list that is still offered and already has one of these names (in
 * any language, ignoring case): two entries the adviser cannot tell apart help nobody.
 */
async function nameTaken(tx: Tx, kind: VisitListKind, labels: VisitListLabels, exceptId?: string): Promise<boolean> {
  const names = [labels.labelFi, labels.labelSv, labels.labelEn];
  const same = (field: "labelFi" | "labelSv" | "labelEn", value: string) => ({ [field]: { equals: value, mode: "insensitive" as const } });
  const clash = await tx.visitListEntry.findFirst({
    where: {
      kind,
      retiredAt: null,
      ...(exceptId ? { id: { not: exceptId } } : {}),
      OR: [same("labelFi", names[0]!), same("labelSv", names[1]!), same("labelEn", names[2]!)],
    },
    select: { id: true },
  });
  return clash !== null;
}

export async function addListEntry(actor: Actor, data: NewVisitListEntry): Promise<{ ok: true; id: string } | { ok: false; code: ListFailure }> {
  if (actor.role !== "ADMIN") return { ok: false, code: "NOT_FOUND" };
  const { kind, ...labels } = data;
  return db().$transaction(async (tx) => {
    await lockList(tx, kind);
    if (await nameTaken(tx, kind, labels)) return { ok: false as const, code: "LABEL_TAKEN" as const };
    const last = await tx.visitListEntry.aggregate({ where: { kind }, _max: { sortOrder: true } });
    const created = await tx.visitListEntry.create({ data: { kind, ...labels, sortOrder: (last._max.sortOrder ?? 0) + STEP } });
    await recordAudit(tx, { actorUserId: actor.userId, action: "visit_list.add", entityType: "VisitListEntry", entityId: created.id, details: { kind, ...labels } });
    return { ok: true as const, id: created.id };
  });
}

/** A new name in any of the three languages; the visits that name the entry show the new name. */
export async function renameListEntry(actor: Actor, id: string, labels: VisitListLabels): Promise<{ ok: true } | { ok: false; code: ListFailure }> {
  if (actor.role !== "ADMIN" || !isId(id)) return { ok: false, code: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const current = await tx.visitListEntry.findUnique({ where: { id } });
    if (!current) return { ok: false as const, code: "NOT_FOUND" as const };
    await lockList(tx, current.kind);
    if (!current.retiredAt && (await nameTaken(tx, current.kind, labels, id))) return { ok: false as const, code: "LABEL_TAKEN" as const };
    const changed = (Object.keys(labels) as (keyof VisitListLabels)[]).filter((k) => current[k] !== labels[k]);
    if (changed.length === 0) return { ok: true as const };
    await tx.visitListEntry.update({ where: { id }, data: labels });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      action: "visit_list.rename",
      entityType: "VisitListEntry",
      entityId: id,
      details: { kind: current.kind, fields: changed, from: Object.fromEntries(changed.map((k) => [k, current[k]])), to: Object.fromEntries(changed.map((k) => [k, labels[k]])) },
    });
    return { ok: true as const };
  });
}

/**
 * Retires an entry (no longer offered for new visits) or brings it back. The last entry still
 * offered in a list is not retired: a visit needs a topic to choose. Bringing one back whose name
 * another offered entry has taken meanwhile is refused, as adding it would be.
 */
export async function setListEntryRetired(actor: Actor, id: string, retired: boolean, now = new Date()): Promise<{ ok: true } | { ok: false; code: ListFailure }> {
  if (actor.role !== "ADMIN" || !isId(id)) return { ok: false, code: "NOT_FOUND" };
  return db().$transaction((tx) => setRetiredIn(tx, actor, id, retired, now));
}

/** The body of setListEntryRetired, in the caller's transaction (tests run it in one they roll back). */
export async function setRetiredIn(tx: Tx, actor: Actor, id: string, retired: boolean, now: Date): Promise<{ ok: true } | { ok: false; code: ListFailure }> {
  if (actor.role !== "ADMIN" || !isId(id)) return { ok: false, code: "NOT_FOUND" };
  const current = await tx.visitListEntry.findUnique({ where: { id } });
  if (!current) return { ok: false, code: "NOT_FOUND" };
  await lockList(tx, current.kind);
  if (Boolean(current.retiredAt) === retired) return { ok: true };
  if (retired && (await tx.visitListEntry.count({ where: { kind: current.kind, retiredAt: null, id: { not: id } } })) === 0) return { ok: false, code: "LAST_ACTIVE" };
  if (!retired && (await nameTaken(tx, current.kind, current, id))) return { ok: false, code: "LABEL_TAKEN" };
  await tx.visitListEntry.update({ where: { id }, data: { retiredAt: retired ? now : null } });
  await recordAudit(tx, { actorUserId: actor.userId, action: retired ? "visit_list.retire" : "visit_list.reinstate", entityType: "VisitListEntry", entityId: id, details: { kind: current.kind, labelFi: current.labelFi } });
  return { ok: true };
}

/**
 * Moves an entry one place up or down in its list (the order the visit form offers). The list is
 * renumbered in steps of ten as it goes, so entries that shared a sortOrder get a definite place.
 */
export async function moveListEntry(actor: Actor, id: string, direction: "up" | "down"): Promise<{ ok: true } | { ok: false; code: ListFailure }> {
  if (actor.role !== "ADMIN" || !isId(id)) return { ok: false, code: "NOT_FOUND" };
  return db().$transaction(async (tx) => {
    const current = await tx.visitListEntry.findUnique({ where: { id }, select: { kind: true } });
    if (!current) return { ok: false as const, code: "NOT_FOUND" as const };
    await lockList(tx, current.kind);
    const rows = await tx.visitListEntry.findMany({ where: { kind: current.kind }, orderBy: order, select: { id: true, sortOrder: true } });
    const from = rows.findIndex((r) => r.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= rows.length) return { ok: true as const };
    const ids = rows.map((r) => r.id);
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    for (const [index, entryId] of ids.entries()) {
      const sortOrder = (index + 1) * STEP;
      if (rows.find((r) => r.id === entryId)!.sortOrder !== sortOrder) await tx.visitListEntry.update({ where: { id: entryId }, data: { sortOrder } });
    }
    await recordAudit(tx, { actorUserId: actor.userId, action: "visit_list.move", entityType: "VisitListEntry", entityId: id, details: { kind: current.kind, direction, from: from + 1, to: to + 1 } });
    return { ok: true as const };
  });
}
