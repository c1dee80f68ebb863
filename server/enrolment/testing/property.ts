// Plays the reference model's commands (model.ts) against the real enrolment engine on the test
// database, checking after every step that the result and the whole state are the model's and
// that the domain invariants hold:
//   (a) held seats ≤ capacity and = Course.seatsHeld;  (b) one live enrolment per client and
//   course, one held seat per client;  (c) no free seat while someone without a seat waits;
//   (d) dense queue positions, URGENT first, in the model's order;  (e) every history replays to
//   its status through the model's own transitions;  (f) the result and the whole database state
//   are the model's;  (g) every open offer was e-mailed with its deadline.
import { expect } from "vitest";
import { parseDate } from "../../../lib/dates";
import { testDb } from "../../testing/db";
import { makeClient, makeCourse, makeWorld, type World } from "../../testing/factories";
import type { EnrolmentStatus, QueuePriority } from "../../db/generated/enums";
import {
  acceptOffer, cancelEnrolment, changeCapacity, confirmSeat, declineOffer, expireDueOffers, listCourseEnrolments,
  markCompleted, markInterrupted, markNoShow, markStarted, moveInQueue, referClient, setCourseStatus, setPriority, staff, type EngineActor,
} from "../index";
import {
  held, live, MODEL_INITIAL, modelAllows, pickEnrolment, predict, priorityRank, queueOf, withdrawOthers, defaultActor,
  type ActorChoice, type Command, type Expected, type MEnrolment, type MState, type Scenario,
} from "./model";

/** No single command may take longer than this (they take milliseconds). */
const STEP_LIMIT_MS = 10_000;
/** The simulated clock starts here; every verb gets `now` explicitly. */
export const CLOCK_START = Date.UTC(2030, 0, 7, 8, 0, 0);

// ---------------------------------------------------------------------------------------------
// Running a command against the engine
// ---------------------------------------------------------------------------------------------

interface Run {
  world: World;
  courseIds: string[];
  clientIds: string[];
}

function engineActor(run: Run, choice: Exclude<ActorChoice, null>, client: number): EngineActor {
  switch (choice) {
    case "official":
      return staff(run.world.official);
    case "provider":
      return staff(run.world.providerStaff);
    case "client":
      return { kind: "CLIENT", clientId: run.clientIds[client]! };
    case "otherClient":
      return { kind: "CLIENT", clientId: run.clientIds[(client + 1) % run.clientIds.length]! };
  }
}

async function execute(run: Run, command: Command, picked: MEnrolment | undefined, now: Date): Promise<unknown> {
  const actorFor = (client: number) => engineActor(run, command.kind === "expire" ? "provider" : (command.actor ?? defaultActor[command.kind]), client);
  switch (command.kind) {
    case "refer":
      return referClient({
        actor: actorFor(command.client),
        clientId: run.clientIds[command.client]!,
        courseId: run.courseIds[command.course]!,
        priority: command.urgent ? "URGENT" : "NORMAL",
        reason: command.urgent ? command.reason : null,
        now,
      });
    case "expire":
      return expireDueOffers(now, run.courseIds[command.course]!);
    case "capacity":
      return changeCapacity({ actor: actorFor(0), courseId: run.courseIds[command.course]!, capacity: command.capacity, now });
    case "courseStatus":
      return setCourseStatus({ actor: actorFor(0), courseId: run.courseIds[command.course]!, status: command.status, reason: command.reason, now });
    case "move":
      if (!picked) return { skipped: true };
      return moveInQueue({ actor: actorFor(picked.client), enrolmentId: picked.id, position: command.position, reason: command.reason, now });
    case "priority":
      if (!picked) return { skipped: true };
      return setPriority({ actor: actorFor(picked.client), enrolmentId: picked.id, priority: command.urgent ? "URGENT" : "NORMAL", reason: command.reason, now });
    default: {
      if (!picked) return { skipped: true };
      const input = { actor: actorFor(picked.client), enrolmentId: picked.id, reason: command.reason, now };
      const verbs = { accept: acceptOffer, decline: declineOffer, confirm: confirmSeat, start: markStarted, noShow: markNoShow, complete: markCompleted, interrupt: markInterrupted, cancel: cancelEnrolment };
      return verbs[command.kind](input);
    }
  }
}

/** The result the engine must return, given the model's expectation (and the new id of a referral). */
function expectedResult(expected: Expected, actual: unknown, picked: MEnrolment | undefined): unknown {
  if (!expected.ok) return { ok: false, code: expected.code };
  switch (expected.kind) {
    case "refer": {
      const id = (actual as { enrolment?: { id?: unknown } }).enrolment?.id;
      return { ok: true, enrolment: { id: typeof id === "string" ? id : "<uuid>", status: expected.status, queuePosition: expected.queuePosition, offerExpiresAt: expected.offerExpiresAt === null ? null : new Date(expected.offerExpiresAt) } };
    }
    case "changed":
      return { ok: true, enrolment: { id: picked!.id, status: expected.status } };
    case "capacity":
      return { ok: true, capacity: expected.capacity, seatsOffered: expected.seatsOffered };
    case "courseStatus":
      return { ok: true, status: expected.status };
    case "position":
      return { ok: true, queuePosition: expected.queuePosition };
    case "expired":
      return expected.count;
    case "skipped":
      return { skipped: true };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the database and checking the invariants
// ---------------------------------------------------------------------------------------------

interface Snapshot {
  courses: { id: string; capacity: number; seatsHeld: number; status: string }[];
  enrolments: { id: string; clientId: string; courseId: string; status: EnrolmentStatus; priority: QueuePriority; queueOrder: number; referredAt: Date; offerExpiresAt: Date | null }[];
  events: { id: bigint; enrolmentId: string; at: Date; fromStatus: EnrolmentStatus | null; toStatus: EnrolmentStatus; data: unknown }[];
  offerMessages: { enrolmentId: string | null; payload: unknown }[];
}

async function snapshot(run: Run): Promise<Snapshot> {
  // One query after another: on PGlite, concurrent queries on two connections can interleave.
  const prisma = testDb();
  const courses = await prisma.course.findMany({ where: { id: { in: run.courseIds } }, select: { id: true, capacity: true, seatsHeld: true, status: true } });
  const enrolments = await prisma.enrolment.findMany({
    where: { courseId: { in: run.courseIds } },
    select: { id: true, clientId: true, courseId: true, status: true, priority: true, queueOrder: true, referredAt: true, offerExpiresAt: true },
  });
  const ids = enrolments.map((e) => e.id);
  const events = await prisma.enrolmentEvent.findMany({ where: { enrolmentId: { in: ids } }, orderBy: { id: "asc" }, select: { id: true, enrolmentId: true, at: true, fromStatus: true, toStatus: true, data: true } });
  const offerMessages = await prisma.outboxMessage.findMany({ where: { enrolmentId: { in: ids }, template: { endsWith: "seat_offered" } }, select: { enrolmentId: true, payload: true } });
  courses.sort((a, b) => run.courseIds.indexOf(a.id) - run.courseIds.indexOf(b.id));
  return { courses, enrolments, events, offerMessages };
}

function describeModel(s: MState, run: Run): string {
  return s.enrolments
    .map((e) => `${e.id.slice(0, 8)} client${e.client} course${e.course} ${e.status}${e.status === "WAITLISTED" ? ` ${e.priority} key=${e.key}` : ""}`)
    .join("\n    ") + `\n    capacities: ${s.courses.map((c, i) => `${run.courseIds[i]!.slice(0, 8)}=${c.capacity}`).join(", ")}`;
}

function describeDb(snap: Snapshot, run: Run): string {
  return snap.enrolments
    .map((e) => `${e.id.slice(0, 8)} client${run.clientIds.indexOf(e.clientId)} course${run.courseIds.indexOf(e.courseId)} ${e.status}${e.status === "WAITLISTED" ? ` ${e.priority} key=${e.queueOrder}` : ""}`)
    .join("\n    ") + `\n    courses: ${snap.courses.map((c) => `${c.id.slice(0, 8)} capacity=${c.capacity} held=${c.seatsHeld}`).join(", ")}`;
}

/** Where the database differs from the model's state (empty: it is that state). */
function differences(s: MState, snap: Snapshot): string[] {
  const byId = new Map(snap.enrolments.map((e) => [e.id, e]));
  const diff: string[] = [];
  {
    if (s.enrolments.length !== snap.enrolments.length) diff.push(`model has ${s.enrolments.length} enrolments, database ${snap.enrolments.length}`);
    for (const e of s.enrolments) {
      const row = byId.get(e.id);
      if (!row) diff.push(`${e.id} missing from the database`);
      else {
        if (row.status !== e.status) diff.push(`${e.id.slice(0, 8)}: status ${row.status}, model expects ${e.status}`);
        if (row.priority !== e.priority) diff.push(`${e.id.slice(0, 8)}: priority ${row.priority}, model expects ${e.priority}`);
        if (e.status === "OFFERED" && row.status === "OFFERED" && row.offerExpiresAt?.getTime() !== e.deadline)
          diff.push(`${e.id.slice(0, 8)}: deadline ${row.offerExpiresAt?.toISOString()}, model expects ${new Date(e.deadline!).toISOString()}`);
      }
    }
    s.courses.forEach((c, i) => {
      const row = snap.courses[i];
      if (row && row.capacity !== c.capacity) diff.push(`course ${i}: capacity ${row.capacity}, model expects ${c.capacity}`);
      if (row && row.status !== c.status) diff.push(`course ${i}: status ${row.status}, model expects ${c.status}`);
    });
  }
  return diff;
}

async function checkInvariants(run: Run, snap: Snapshot, model: MState, queueAfter?: { course: number; ids: string[] }): Promise<void> {
  const courseById = new Map(snap.courses.map((c) => [c.id, c]));
  const heldByClient = new Map<string, number>();
  const liveByPair = new Map<string, number>();
  const heldByCourse = new Map<string, number>();
  for (const e of snap.enrolments) {
    if (held(e.status)) {
      heldByClient.set(e.clientId, (heldByClient.get(e.clientId) ?? 0) + 1);
      heldByCourse.set(e.courseId, (heldByCourse.get(e.courseId) ?? 0) + 1);
    }
    if (live(e.status)) liveByPair.set(`${e.clientId}/${e.courseId}`, (liveByPair.get(`${e.clientId}/${e.courseId}`) ?? 0) + 1);
  }

  // (a) never overbooked, and the trigger-maintained counter agrees with the enrolments.
  for (const c of snap.courses) {
    const count = heldByCourse.get(c.id) ?? 0;
    expect(count, `(a) course ${c.id} holds ${count} seats, capacity ${c.capacity}`).toBeLessThanOrEqual(c.capacity);
    expect(c.seatsHeld, `(a) course ${c.id} seatsHeld`).toBe(count);
  }

  // (b) one live enrolment per client and course, one held seat per client.
  for (const [pair, n] of liveByPair) expect(n, `(b) live enrolments of client/course ${pair}`).toBeLessThanOrEqual(1);
  for (const [client, n] of heldByClient) expect(n, `(b) seats held by client ${client}`).toBeLessThanOrEqual(1);

  // (c) every freed seat re-offered: no free seat on a course that hands out seats (published, or
  // closed for new referrals) while someone who holds no seat waits there.
  for (const e of snap.enrolments) {
    if (e.status !== "WAITLISTED") continue;
    const course = courseById.get(e.courseId)!;
    if ((course.status !== "PUBLISHED" && course.status !== "CLOSED") || course.seatsHeld >= course.capacity) continue;
    expect(heldByClient.get(e.clientId) ?? 0, `(c) course ${course.id} has a free seat (${course.seatsHeld}/${course.capacity}) while ${e.id} waits and holds no seat`).toBeGreaterThan(0);
  }

  // (d) dense positions, URGENT before NORMAL, and the order the model expects.
  for (const [i, courseId] of run.courseIds.entries()) {
    // `now` at the epoch: the read expires nothing, so checking has no side effects.
    const list = await listCourseEnrolments({ actor: staff(run.world.providerStaff), courseId, status: "WAITLISTED", now: new Date(0) });
    if (!list.ok) throw new Error(`(d) listCourseEnrolments refused: ${list.code}`);
    const positions = list.enrolments.map((e) => e.queuePosition);
    expect(positions, `(d) positions on course ${i}`).toEqual(list.enrolments.map((_, k) => k + 1));
    const priorities = list.enrolments.map((e) => e.priority);
    expect(priorities, `(d) URGENT before NORMAL on course ${i}`).toEqual([...priorities].sort((a, b) => priorityRank(a as QueuePriority) - priorityRank(b as QueuePriority)));
    const expectedIds = queueAfter?.course === i ? queueAfter.ids : queueOf(model, i).map((e) => e.id);
    expect(list.enrolments.map((e) => e.id), `(d) queue order on course ${i}`).toEqual(expectedIds);
  }

  // (e) every history replays to the current status through allowed transitions.
  const eventsByEnrolment = new Map<string, Snapshot["events"]>();
  for (const ev of snap.events) eventsByEnrolment.set(ev.enrolmentId, [...(eventsByEnrolment.get(ev.enrolmentId) ?? []), ev]);
  for (const e of snap.enrolments) {
    const events = eventsByEnrolment.get(e.id) ?? [];
    expect(events.length, `(e) ${e.id} has no events`).toBeGreaterThan(0);
    expect(events[0]!.fromStatus, `(e) ${e.id}: the first event starts from nothing`).toBeNull();
    expect(MODEL_INITIAL as readonly string[], `(e) ${e.id}: initial status`).toContain(events[0]!.toStatus);
    for (let k = 1; k < events.length; k++) {
      const prev = events[k - 1]!;
      const ev = events[k]!;
      expect(ev.fromStatus, `(e) ${e.id}: event ${k} starts where event ${k - 1} ended`).toBe(prev.toStatus);
      expect(ev.at.getTime(), `(e) ${e.id}: event ${k} is not older than event ${k - 1}`).toBeGreaterThanOrEqual(prev.at.getTime());
      if (ev.fromStatus === "WAITLISTED" && ev.toStatus === "WAITLISTED") {
        const data = (ev.data ?? {}) as Record<string, unknown>;
        expect("move" in data || "priority" in data, `(e) ${e.id}: WAITLISTED → WAITLISTED is a move or a priority change`).toBe(true);
      } else {
        expect(modelAllows(ev.fromStatus!, ev.toStatus), `(e) ${e.id}: ${ev.fromStatus} → ${ev.toStatus} is allowed`).toBe(true);
      }
    }
    expect(events.at(-1)!.toStatus, `(e) ${e.id}: the history ends in the current status`).toBe(e.status);
  }

  // (g) every open offer was e-mailed with its deadline.
  for (const e of snap.enrolments) {
    if (e.status !== "OFFERED") continue;
    const deadlines = snap.offerMessages.filter((m) => m.enrolmentId === e.id).map((m) => new Date(String((m.payload as { offerExpiresAt?: string }).offerExpiresAt)).getTime());
    expect(deadlines, `(g) ${e.id} was sent its offer with its deadline`).toContain(e.offerExpiresAt!.getTime());
  }
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

function describeCommand(run: Run, command: Command, picked: MEnrolment | undefined): string {
  const parts = Object.entries(command).filter(([k]) => k !== "kind").map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${command.kind}(${parts.join(" ")})${picked ? ` on ${picked.id.slice(0, 8)} [client${picked.client} course${picked.course} ${picked.status}]` : ""}`;
}

/** Plays one scenario against the engine on a fresh world; throws with the steps taken when the engine and the model part. */
export async function playScenario(scenario: Scenario): Promise<void> {
  const world = await makeWorld();
  const courses = [];
  for (const c of scenario.courses) courses.push(await makeCourse(world.provider.id, c.capacity, { confirmOnReferral: c.confirmOnReferral, offerResponseHours: c.offerResponseHours, startsOn: parseDate(c.startsOn) }));
  const clients = [];
  for (let i = 0; i < scenario.clients; i++) clients.push(await makeClient(world.office.id));
  const run: Run = { world, courseIds: courses.map((c) => c.id), clientIds: clients.map((c) => c.id) };

  let model: MState = { courses: scenario.courses.map((c, i) => ({ ...c, id: run.courseIds[i]!, status: "PUBLISHED" as const })), enrolments: [] };
  let clock = CLOCK_START;
  const trace: string[] = [];

  for (const [n, step] of scenario.steps.entries()) {
    clock += step.advanceMs;
    const now = new Date(clock);
    // Indexes are taken modulo the world's size, so any generated number names something real.
    const command: Command =
      step.command.kind === "refer"
        ? { ...step.command, client: step.command.client % run.clientIds.length, course: step.command.course % run.courseIds.length }
        : step.command.kind === "expire" || step.command.kind === "capacity" || step.command.kind === "courseStatus"
          ? { ...step.command, course: step.command.course % run.courseIds.length }
          : step.command;
    const picked = command.kind === "refer" || command.kind === "expire" || command.kind === "capacity" || command.kind === "courseStatus" ? undefined : pickEnrolment(model, command);
    const prediction = predict(model, command, clock, picked);

    let actual: unknown;
    const started = Date.now();
    try {
      actual = await execute(run, command, picked, now);
    } catch (error) {
      trace.push(`#${n} ${now.toISOString()} ${describeCommand(run, command, picked)} → THREW ${String(error)}`);
      throw new Error(`the engine threw (exceptions are never expected):\n  ${trace.join("\n  ")}`, { cause: error });
    }
    const elapsed = Date.now() - started;
    trace.push(`#${n} ${now.toISOString()} ${describeCommand(run, command, picked)} → ${JSON.stringify(actual)}${elapsed > 1000 ? ` (${elapsed} ms)` : ""}`);

    try {
      // (f) the step's result is what the model expects.
      expect(actual, "(f) the result of the command").toEqual(expectedResult(prediction.expected, actual, picked));
      const matched = prediction.state;
      if (prediction.expected.ok && prediction.expected.kind === "refer") {
        // The new enrolment joins the model once its id is known.
        const id = (actual as { enrolment: { id: string } }).enrolment.id;
        const { status, offerExpiresAt, client, course, priority } = prediction.expected;
        const created: MEnrolment = { id, client, course, status, priority, key: clock, referredAt: clock, deadline: offerExpiresAt };
        matched.enrolments.push(created);
        if (status === "CONFIRMED") withdrawOthers(matched, created);
      }
      const snap = await snapshot(run);
      const diff = differences(matched, snap);
      if (diff.length) throw new Error(`the database is not in the model's state: ${diff.join("; ")}\n  model before the step:\n    ${describeModel(model, run)}\n  database:\n    ${describeDb(snap, run)}`);
      await checkInvariants(run, snap, matched, prediction.queueAfter);
      // Every verb is a handful of short transactions; a step that takes seconds is looping.
      expect(elapsed, "the command took too long").toBeLessThan(STEP_LIMIT_MS);
      // The model takes the engine's queue keys: it predicts places, not key arithmetic.
      const keys = new Map(snap.enrolments.map((e) => [e.id, e.queueOrder]));
      for (const e of matched.enrolments) e.key = keys.get(e.id)!;
      model = matched;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n  steps:\n  ${trace.join("\n  ")}`, { cause: error });
    }
  }
}
