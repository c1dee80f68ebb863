// The invariants of the domain brief, read from the database: shared by the concurrency suites.
import { expect } from "vitest";
import { testDb } from "../../testing/db";
import type { World } from "../../testing/factories";
import type { EnrolmentStatus } from "../../db/generated/enums";
import { listCourseEnrolments, staff } from "../index";
import { canTransition } from "../states";

const HELD: readonly EnrolmentStatus[] = ["OFFERED", "CONFIRMED", "STARTED"];
const LIVE: readonly EnrolmentStatus[] = ["WAITLISTED", ...HELD];

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/**
 * For the given courses: (a) held seats ≤ capacity and = seatsHeld; (b) one live enrolment per
 * client and course, one unconditional held seat and at most one conditional seat per client (over
 * every course the clients are on), and a conditional seat never beside an accepted one; (c) no free seat while someone who holds no unconditional seat
 * waits; (d) dense queue positions, URGENT first; (e) every history replays to its status;
 * (f) a client on a conditional seat waits only for places ranked above it; (g) a pool reaches
 * each course once, and its places are keyed by the pool's referral time.
 */
export async function expectInvariants(world: World, courseIds: string[]): Promise<void> {
  const prisma = testDb();
  const courses = await prisma.course.findMany({ where: { id: { in: courseIds } }, select: { id: true, capacity: true, seatsHeld: true, status: true } });
  const enrolments = await prisma.enrolment.findMany({
    where: { courseId: { in: courseIds } },
    select: { id: true, clientId: true, courseId: true, status: true, conditional: true, preferenceRank: true, queueEntryId: true, queueOrder: true, referredAt: true },
  });
  const clientIds = [...new Set(enrolments.map((e) => e.clientId))];
  const heldAnywhere = await prisma.enrolment.findMany({ where: { clientId: { in: clientIds }, status: { in: [...HELD] } }, select: { clientId: true, status: true, conditional: true, preferenceRank: true } });
  const unconditional = new Map<string, number>();
  const conditional = new Map<string, { preferenceRank: number | null }[]>();
  const accepted = new Set<string>();
  for (const h of heldAnywhere) {
    if (h.conditional) conditional.set(h.clientId, [...(conditional.get(h.clientId) ?? []), h]);
    else unconditional.set(h.clientId, (unconditional.get(h.clientId) ?? 0) + 1);
    if (!h.conditional && h.status !== "OFFERED") accepted.add(h.clientId);
  }

  for (const course of courses) {
    const mine = enrolments.filter((e) => e.courseId === course.id);
    const held = mine.filter((e) => HELD.includes(e.status)).length;
    expect(held, `(a) seats held on ${course.id}`).toBeLessThanOrEqual(course.capacity);
    expect(course.seatsHeld, `(a) seatsHeld of ${course.id}`).toBe(held);
    if ((course.status === "PUBLISHED" || course.status === "CLOSED") && held < course.capacity) {
      const eligible = mine.filter((e) => e.status === "WAITLISTED" && !unconditional.get(e.clientId));
      expect(eligible.map((e) => e.id), `(c) ${course.id} has ${course.capacity - held} free seats while these wait without a seat`).toEqual([]);
    }
    const list = await listCourseEnrolments({ actor: staff(world.providerStaff), courseId: course.id, status: "WAITLISTED", now: new Date(0) });
    if (!list.ok) throw new Error(list.code);
    expect(list.enrolments.map((e) => e.queuePosition), `(d) dense queue on ${course.id}`).toEqual(range(mine.filter((e) => e.status === "WAITLISTED").length));
    const priorities = list.enrolments.map((e) => e.priority);
    expect(priorities.indexOf("NORMAL") === -1 || priorities.lastIndexOf("URGENT") < priorities.indexOf("NORMAL"), `(d) URGENT before NORMAL on ${course.id}`).toBe(true);
  }
  const live = new Map<string, number>();
  for (const e of enrolments) if (LIVE.includes(e.status)) live.set(`${e.clientId}/${e.courseId}`, (live.get(`${e.clientId}/${e.courseId}`) ?? 0) + 1);
  expect([...live.values()].every((n) => n === 1), "(b) one live enrolment per client and course").toBe(true);
  expect([...unconditional.values()].every((n) => n === 1), "(b) one unconditional held seat per client").toBe(true);
  expect([...conditional.values()].every((seats) => seats.length === 1), "(b) at most one conditional seat per client").toBe(true);
  expect([...conditional.keys()].filter((c) => accepted.has(c)), "(b) a conditional seat sits only beside an open offer, never beside an accepted seat").toEqual([]);
  for (const [clientId, [seat]] of conditional) {
    const waiting = enrolments.filter((e) => e.clientId === clientId && e.status === "WAITLISTED" && e.queueEntryId);
    const bound = seat!.preferenceRank ?? Number.MAX_SAFE_INTEGER;
    expect(waiting.every((e) => e.preferenceRank !== null && e.preferenceRank < bound), `(f) ${clientId} waits only for places ranked above the conditional seat`).toBe(true);
  }

  const pooled = enrolments.filter((e) => e.queueEntryId);
  const pairs = new Set(pooled.map((e) => `${e.queueEntryId}/${e.courseId}`));
  expect(pairs.size, "(g) a pool reaches each course once").toBe(pooled.length);
  if (pooled.length) {
    const entries = await prisma.queueEntry.findMany({ where: { id: { in: [...new Set(pooled.map((e) => e.queueEntryId!))] } }, select: { id: true, referredAt: true } });
    const referredAt = new Map(entries.map((q) => [q.id, q.referredAt.getTime()]));
    for (const e of pooled) expect(e.referredAt.getTime(), `(g) ${e.id} keeps the pool's referral time`).toBe(referredAt.get(e.queueEntryId!));
  }

  const events = await prisma.enrolmentEvent.findMany({ where: { enrolmentId: { in: enrolments.map((e) => e.id) } }, orderBy: { id: "asc" }, select: { enrolmentId: true, fromStatus: true, toStatus: true } });
  const history = new Map<string, { fromStatus: EnrolmentStatus | null; toStatus: EnrolmentStatus }[]>();
  for (const ev of events) history.set(ev.enrolmentId, [...(history.get(ev.enrolmentId) ?? []), ev]);
  for (const e of enrolments) {
    const evs = history.get(e.id) ?? [];
    expect(evs[0]?.fromStatus, `(e) ${e.id} starts with its referral`).toBeNull();
    for (let k = 1; k < evs.length; k++) {
      expect(evs[k]!.fromStatus, `(e) ${e.id} event ${k} follows on`).toBe(evs[k - 1]!.toStatus);
      const { fromStatus, toStatus } = evs[k]!;
      expect(canTransition(fromStatus!, toStatus) || (fromStatus === "WAITLISTED" && toStatus === "WAITLISTED"), `(e) ${e.id}: ${fromStatus} → ${toStatus}`).toBe(true);
    }
    expect(evs.at(-1)?.toStatus, `(e) ${e.id} history ends in its status`).toBe(e.status);
  }
}
