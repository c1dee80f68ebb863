// The reference model of the enrolment engine for the property test (engine.property.test.ts):
// commands, their generators, and what each must do, written from the domain brief and decision
// records 003 and 005 rather than from the engine's code. It imports nothing from the engine: its
// transition table and status sets are its own, so a wrong table in states.ts is caught rather
// than shared, and its hand-over order is decision 005's (no "any order" branches).
import fc from "fast-check";
import type { EnrolmentStatus, QueuePriority } from "../../db/generated/enums";

export const HOUR = 3_600_000;

// ---------------------------------------------------------------------------------------------
// The state machine, as the domain brief draws it
// ---------------------------------------------------------------------------------------------

/**
 * Every allowed move, "from>to". A referral starts WAITLISTED, OFFERED or CONFIRMED (a course that
 * confirms on referral); a freed seat on such a course confirms a queued place at once (decision
 * 003); "any active state" may be CANCELLED; WITHDRAWN is a queue place or an offer ended by a seat
 * elsewhere, or a confirmed seat given up for one ranked higher (decision 005).
 */
const MOVES = new Set([
  "WAITLISTED>OFFERED", "WAITLISTED>CONFIRMED", "WAITLISTED>CANCELLED", "WAITLISTED>WITHDRAWN",
  "OFFERED>CONFIRMED", "OFFERED>DECLINED", "OFFERED>EXPIRED", "OFFERED>CANCELLED", "OFFERED>WITHDRAWN",
  "CONFIRMED>STARTED", "CONFIRMED>NO_SHOW", "CONFIRMED>CANCELLED", "CONFIRMED>WITHDRAWN",
  "STARTED>COMPLETED", "STARTED>INTERRUPTED", "STARTED>CANCELLED",
]);

export const modelAllows = (from: EnrolmentStatus, to: EnrolmentStatus): boolean => MOVES.has(`${from}>${to}`);
export const MODEL_INITIAL: readonly EnrolmentStatus[] = ["WAITLISTED", "OFFERED", "CONFIRMED"];
/** A seat counts against capacity while offered, confirmed or started. */
export const held = (s: EnrolmentStatus): boolean => s === "OFFERED" || s === "CONFIRMED" || s === "STARTED";
/** A live enrolment blocks a second referral of the client to the same course. */
export const live = (s: EnrolmentStatus): boolean => s === "WAITLISTED" || held(s);

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

export type ActorChoice = "official" | "provider" | "client" | "otherClient" | null;
export type LifecycleVerb = "accept" | "decline" | "confirm" | "start" | "noShow" | "complete" | "interrupt" | "cancel";

export type Command =
  | { kind: "refer"; client: number; course: number; urgent: boolean; reason: string; actor: ActorChoice }
  | { kind: LifecycleVerb; pick: number; useful: boolean; reason: string; actor: ActorChoice }
  | { kind: "expire"; course: number }
  | { kind: "capacity"; course: number; capacity: number; actor: ActorChoice }
  | { kind: "courseStatus"; course: number; status: "PUBLISHED" | "CLOSED" | "CANCELLED"; reason: string; actor: ActorChoice }
  | { kind: "move"; pick: number; useful: boolean; position: number; reason: string; actor: ActorChoice }
  | { kind: "priority"; pick: number; useful: boolean; urgent: boolean; reason: string; actor: ActorChoice };

export interface Step {
  command: Command;
  /** How far the simulated clock moves before the command (at least a millisecond). */
  advanceMs: number;
}

/** true with weight `yes` against `no`. */
const weighted = (yes: number, no: number) => fc.oneof({ arbitrary: fc.constant(true), weight: yes }, { arbitrary: fc.constant(false), weight: no });

/** Mostly the verb's usual actor (null); sometimes someone else, who may be refused. */
const actorArb: fc.Arbitrary<ActorChoice> = fc.oneof(
  { arbitrary: fc.constant<ActorChoice>(null), weight: 6 },
  { arbitrary: fc.constantFrom<ActorChoice>("official", "provider", "client", "otherClient"), weight: 2 },
);
const reasonArb = fc.oneof(
  { arbitrary: fc.constant("Integration time ends soon"), weight: 8 },
  { arbitrary: fc.constantFrom("", "   "), weight: 1 },
);
/** Referrals come from the official, now and then from someone who may not refer. */
const referrerArb: fc.Arbitrary<ActorChoice> = fc.oneof(
  { arbitrary: fc.constant<ActorChoice>(null), weight: 12 },
  { arbitrary: fc.constantFrom<ActorChoice>("provider", "client"), weight: 1 },
);
const pickArb = { pick: fc.nat(), useful: weighted(4, 1) };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("refer" as const), client: fc.nat(), course: fc.nat(), urgent: weighted(1, 3), reason: reasonArb, actor: referrerArb }), weight: 12 },
  { arbitrary: fc.record({ kind: fc.constantFrom("accept" as const, "decline" as const, "confirm" as const), ...pickArb, reason: reasonArb, actor: actorArb }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constantFrom("start" as const, "noShow" as const, "complete" as const), ...pickArb, reason: reasonArb, actor: actorArb }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constantFrom("interrupt" as const, "cancel" as const), ...pickArb, reason: reasonArb, actor: actorArb }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("expire" as const), course: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("capacity" as const), course: fc.nat(), capacity: fc.integer({ min: 0, max: 4 }), actor: actorArb }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("courseStatus" as const),
      course: fc.nat(),
      status: fc.constantFrom("PUBLISHED" as const, "PUBLISHED" as const, "CLOSED" as const, "CLOSED" as const, "CANCELLED" as const),
      reason: reasonArb,
      actor: actorArb,
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("move" as const), ...pickArb, position: fc.integer({ min: 0, max: 6 }), reason: reasonArb, actor: actorArb }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("priority" as const), ...pickArb, urgent: fc.boolean(), reason: reasonArb, actor: actorArb }), weight: 2 },
);

const advanceArb = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 999 }), weight: 2 },
  { arbitrary: fc.integer({ min: 1_000, max: 600_000 }), weight: 5 },
  { arbitrary: fc.integer({ min: HOUR, max: 30 * HOUR }), weight: 2 },
  { arbitrary: fc.integer({ min: 70 * HOUR, max: 100 * HOUR }), weight: 1 },
);

export const scenarioArb = fc.record({
  courses: fc.array(
    fc.record({ capacity: fc.integer({ min: 1, max: 3 }), confirmOnReferral: weighted(1, 1), offerResponseHours: fc.constantFrom(2, 24, 72), startsOn: fc.constantFrom("2099-01-10", "2099-01-10", "2099-02-07") }),
    { minLength: 2, maxLength: 3 },
  ),
  clients: fc.integer({ min: 4, max: 6 }),
  steps: fc.array(fc.record({ command: commandArb, advanceMs: advanceArb }), { minLength: 5, maxLength: 25, size: "max" }),
});

export interface ScenarioCourse { capacity: number; confirmOnReferral: boolean; offerResponseHours: number; startsOn: string }
export type Scenario = { courses: ScenarioCourse[]; clients: number; steps: Step[] };

// ---------------------------------------------------------------------------------------------
// The reference model
// ---------------------------------------------------------------------------------------------

export interface MEnrolment {
  id: string;
  client: number;
  course: number;
  status: EnrolmentStatus;
  priority: QueuePriority;
  /** The queue key inside the priority group (synchronised from the database after each step). */
  key: number;
  referredAt: number;
  /** The offer's deadline while OFFERED. */
  deadline: number | null;
}

export interface MCourse {
  /** The course's id and first day: the order of hand-over between courses depends on them. */
  id: string;
  startsOn: string;
  status: "PUBLISHED" | "CLOSED" | "CANCELLED";
  capacity: number;
  confirmOnReferral: boolean;
  offerResponseHours: number;
}

export interface MState {
  courses: MCourse[];
  enrolments: MEnrolment[];
}

export function clone(s: MState): MState {
  return { courses: s.courses.map((c) => ({ ...c })), enrolments: s.enrolments.map((e) => ({ ...e })) };
}

export const priorityRank = (p: QueuePriority) => (p === "URGENT" ? 0 : 1);

function compareQueue(a: MEnrolment, b: MEnrolment): number {
  return priorityRank(a.priority) - priorityRank(b.priority) || a.key - b.key || a.referredAt - b.referredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function queueOf(s: MState, course: number): MEnrolment[] {
  return s.enrolments.filter((e) => e.course === course && e.status === "WAITLISTED").sort(compareQueue);
}

function heldOn(s: MState, course: number): number {
  return s.enrolments.filter((e) => e.course === course && held(e.status)).length;
}

function clientHolds(s: MState, client: number): boolean {
  return s.enrolments.some((e) => e.client === client && held(e.status));
}

function positionOf(s: MState, e: MEnrolment): number {
  return queueOf(s, e.course).findIndex((q) => q.id === e.id) + 1;
}

/** The one-seat rule: a confirmed seat ends the client's other queue places and offers. */
export function withdrawOthers(s: MState, kept: MEnrolment): void {
  for (const e of s.enrolments) {
    if (e.client === kept.client && e.id !== kept.id && (e.status === "WAITLISTED" || e.status === "OFFERED")) e.status = "WITHDRAWN";
  }
}

/** A free seat goes to this enrolment: OFFERED with a deadline, or CONFIRMED on a confirm-on-referral course. */
function grant(s: MState, e: MEnrolment, now: number): void {
  const course = s.courses[e.course]!;
  e.status = course.confirmOnReferral ? "CONFIRMED" : "OFFERED";
  e.deadline = e.status === "OFFERED" ? now + course.offerResponseHours * HOUR : null;
  if (e.status === "CONFIRMED") withdrawOthers(s, e);
}

/** Every free seat of the course to the first waitlisted client who holds no seat anywhere. */
function fill(s: MState, course: number, now: number): number {
  let granted = 0;
  // Published courses and courses closed for referrals hand out seats; cancelled ones do not.
  if (s.courses[course]!.status === "CANCELLED") return 0;
  while (heldOn(s, course) < s.courses[course]!.capacity) {
    const next = queueOf(s, course).find((e) => !clientHolds(s, e.client));
    if (!next) break;
    grant(s, next, now);
    granted++;
  }
  return granted;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * After a client's seat or offer ends: that course is refilled, then each course where the client
 * waits, in their order of preference (decision 005, "Next on several courses at once": ranked
 * courses first — none are ranked here — then the soonest start, then the course id), so the
 * client is offered the one they prefer and the others go to the next people.
 */
function release(s: MState, course: number, client: number, now: number): MState {
  fill(s, course, now);
  const waits = [...new Set(s.enrolments.filter((e) => e.client === client && e.status === "WAITLISTED").map((e) => e.course))];
  waits.sort((a, b) => (s.courses[a]!.startsOn < s.courses[b]!.startsOn ? -1 : s.courses[a]!.startsOn > s.courses[b]!.startsOn ? 1 : byId(s.courses[a]!, s.courses[b]!)));
  for (const c of waits) fill(s, c, now);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Expected outcome of one command
// ---------------------------------------------------------------------------------------------

export type Expected =
  | { ok: false; code: string }
  | { ok: true; kind: "refer"; status: EnrolmentStatus; queuePosition: number | null; offerExpiresAt: number | null; client: number; course: number; priority: QueuePriority }
  | { ok: true; kind: "changed"; status: EnrolmentStatus }
  | { ok: true; kind: "capacity"; capacity: number; seatsOffered: number }
  | { ok: true; kind: "courseStatus"; status: string }
  | { ok: true; kind: "position"; queuePosition: number | null }
  | { ok: true; kind: "expired"; count: number }
  | { ok: true; kind: "skipped" };

export interface Prediction {
  expected: Expected;
  /** The state the database must be in after the command. */
  state: MState;
  /** For a move: the queue order the course must have afterwards (ids). */
  queueAfter?: { course: number; ids: string[] };
}

export const verbTarget: Record<LifecycleVerb, EnrolmentStatus> = {
  accept: "CONFIRMED",
  confirm: "CONFIRMED",
  decline: "DECLINED",
  start: "STARTED",
  noShow: "NO_SHOW",
  complete: "COMPLETED",
  interrupt: "INTERRUPTED",
  cancel: "CANCELLED",
};

/** An answer to an offer needs an offer: these verbs act only from OFFERED (the engine seats people from the queue itself). */
function verbApplies(kind: LifecycleVerb, status: EnrolmentStatus): boolean {
  if (kind === "accept" || kind === "confirm" || kind === "decline") return status === "OFFERED";
  return modelAllows(status, verbTarget[kind]);
}

/** The actor each verb is normally made by, when the command does not choose one. */
export const defaultActor: Record<Command["kind"], Exclude<ActorChoice, null>> = {
  refer: "official",
  accept: "client",
  decline: "official",
  confirm: "provider",
  start: "provider",
  noShow: "provider",
  complete: "provider",
  interrupt: "provider",
  cancel: "provider",
  expire: "provider",
  capacity: "provider",
  courseStatus: "provider",
  move: "provider",
  priority: "official",
};

/** Who, besides being able to see the enrolment, may make each change (access.ts, offers.ts, lifecycle.ts, moves.ts). */
const allowedActors: Record<LifecycleVerb | "move" | "priority", Exclude<ActorChoice, null | "otherClient">[]> = {
  accept: ["client", "official", "provider"],
  decline: ["client", "official", "provider"],
  confirm: ["provider"],
  start: ["provider"],
  noShow: ["provider"],
  complete: ["provider"],
  interrupt: ["provider"],
  cancel: ["official", "provider"],
  move: ["provider"],
  priority: ["official"],
};

/** Which enrolment a command acts on: a "useful" pick prefers one where the command can succeed. */
export function pickEnrolment(s: MState, command: { kind: LifecycleVerb | "move" | "priority"; pick: number; useful: boolean }): MEnrolment | undefined {
  const all = s.enrolments;
  if (all.length === 0) return undefined;
  if (command.useful) {
    const from = command.kind === "move" || command.kind === "priority" ? "WAITLISTED" : null;
    const fitting = all.filter((e) => (from ? e.status === from : verbApplies(command.kind as LifecycleVerb, e.status)));
    if (fitting.length > 0) return fitting[command.pick % fitting.length];
  }
  return all[command.pick % all.length];
}

export function predict(state: MState, command: Command, now: number, picked: MEnrolment | undefined): Prediction {
  const s = clone(state);
  const refuse = (code: string): Prediction => ({ expected: { ok: false, code }, state });
  const actor = command.kind === "expire" ? "provider" : (command.actor ?? defaultActor[command.kind]);

  switch (command.kind) {
    case "refer": {
      if (actor !== "official") return refuse("FORBIDDEN");
      const reason = command.reason.trim();
      if (command.urgent && !reason) return refuse("REASON_REQUIRED");
      if (s.courses[command.course]!.status === "CLOSED") return refuse("COURSE_CLOSED");
      if (s.courses[command.course]!.status === "CANCELLED") return refuse("COURSE_CANCELLED");
      if (s.enrolments.some((e) => e.client === command.client && e.course === command.course && live(e.status))) return refuse("ALREADY_ENROLLED");
      const course = s.courses[command.course]!;
      const priority: QueuePriority = command.urgent ? "URGENT" : "NORMAL";
      const free = heldOn(s, command.course) < course.capacity && !clientHolds(s, command.client);
      const status: EnrolmentStatus = !free ? "WAITLISTED" : course.confirmOnReferral ? "CONFIRMED" : "OFFERED";
      const deadline = status === "OFFERED" ? now + course.offerResponseHours * HOUR : null;
      // The new enrolment joins the model once its id is known (in playScenario).
      let queuePosition: number | null = null;
      if (status === "WAITLISTED") {
        const queue = queueOf(s, command.course);
        // A new referral joins the end of its priority group.
        queuePosition = priority === "URGENT" ? queue.filter((e) => e.priority === "URGENT").length + 1 : queue.length + 1;
      }
      return { expected: { ok: true, kind: "refer", status, queuePosition, offerExpiresAt: deadline, client: command.client, course: command.course, priority }, state: s };
    }

    case "expire": {
      const courseIdx = command.course;
      const due = s.enrolments.filter((e) => e.course === courseIdx && e.status === "OFFERED" && e.deadline! <= now);
      // Offers expire in deadline order, and offers made together (one deadline) in a fixed order
      // (decision 005: "offers expiring together are handed on in course order"; within a course, by id).
      due.sort((a, b) => a.deadline! - b.deadline! || byId(a, b));
      for (const offer of due) {
        offer.status = "EXPIRED";
        release(s, courseIdx, offer.client, now);
      }
      return { expected: { ok: true, kind: "expired", count: due.length }, state: s };
    }

    case "capacity": {
      if (actor !== "provider") return refuse("NOT_FOUND");
      if (command.capacity < heldOn(s, command.course)) return refuse("CAPACITY_BELOW_HELD");
      s.courses[command.course]!.capacity = command.capacity;
      const seatsOffered = fill(s, command.course, now);
      return { expected: { ok: true, kind: "capacity", capacity: command.capacity, seatsOffered }, state: s };
    }

    case "courseStatus": {
      if (actor !== "provider") return refuse("NOT_FOUND");
      if (command.status === "CANCELLED" && !command.reason.trim()) return refuse("REASON_REQUIRED");
      const course = s.courses[command.course]!;
      const ok: Expected = { ok: true, kind: "courseStatus", status: command.status };
      if (course.status === command.status) return { expected: ok, state: s };
      if (course.status === "CANCELLED") return refuse("INVALID_TRANSITION");
      course.status = command.status;
      if (command.status === "PUBLISHED") fill(s, command.course, now);
      if (command.status !== "CANCELLED") return { expected: ok, state: s };
      // Cancelling ends every live enrolment; the courses where those clients wait are refilled in course order.
      const ended = s.enrolments.filter((e) => e.course === command.course && live(e.status));
      for (const e of ended) e.status = "CANCELLED";
      const clients = new Set(ended.map((e) => e.client));
      const waits = [...new Set(s.enrolments.filter((e) => clients.has(e.client) && e.status === "WAITLISTED").map((e) => e.course))];
      waits.sort((a, b) => byId(s.courses[a]!, s.courses[b]!));
      for (const c of waits) fill(s, c, now);
      return { expected: ok, state: s };
    }

    case "move":
    case "priority": {
      if (!picked) return { expected: { ok: true, kind: "skipped" }, state };
      if (actor === "otherClient") return refuse("NOT_FOUND");
      if (!allowedActors[command.kind].includes(actor)) return refuse("FORBIDDEN");
      const e = s.enrolments.find((x) => x.id === picked.id)!;
      const reason = command.reason.trim();
      if (command.kind === "priority") {
        const priority: QueuePriority = command.urgent ? "URGENT" : "NORMAL";
        if (priority === "URGENT" && !reason) return refuse("REASON_REQUIRED");
        if (e.status !== "WAITLISTED") return refuse("INVALID_TRANSITION");
        // The place keeps its queue key and joins the other priority group by it.
        e.priority = priority;
        return { expected: { ok: true, kind: "position", queuePosition: positionOf(s, e) }, state: s };
      }
      if (!reason) return refuse("REASON_REQUIRED");
      if (e.status !== "WAITLISTED") return refuse("INVALID_TRANSITION");
      const others = queueOf(s, e.course).filter((x) => x.id !== e.id);
      const p = command.position;
      if (p < 1 || p > others.length + 1) return refuse("INVALID_POSITION");
      const before = others[p - 2];
      const after = others[p - 1];
      // The place joins the priority group of the place it moves into; alone in the queue it keeps its own.
      e.priority = after?.priority ?? before?.priority ?? e.priority;
      // A key that puts it between its new neighbours (the engine's real key is read back afterwards).
      const sameBefore = before?.priority === e.priority ? before : undefined;
      const sameAfter = after?.priority === e.priority ? after : undefined;
      e.key = sameBefore && sameAfter ? (sameBefore.key + sameAfter.key) / 2 : sameAfter ? sameAfter.key - 1 : sameBefore ? sameBefore.key + 1 : e.key;
      const ids = others.map((x) => x.id);
      ids.splice(p - 1, 0, e.id);
      return { expected: { ok: true, kind: "position", queuePosition: p }, state: s, queueAfter: { course: e.course, ids } };
    }

    default: {
      // accept / decline / confirm / start / noShow / complete / interrupt / cancel: changeEnrolment.
      if (!picked) return { expected: { ok: true, kind: "skipped" }, state };
      if (actor === "otherClient") return refuse("NOT_FOUND");
      if (!allowedActors[command.kind].includes(actor)) return refuse("FORBIDDEN");
      const to = verbTarget[command.kind];
      if ((to === "CANCELLED" || to === "INTERRUPTED") && !command.reason.trim()) return refuse("REASON_REQUIRED");
      const e = s.enrolments.find((x) => x.id === picked.id)!;
      if (e.status === "OFFERED" && e.deadline! <= now && to !== "CANCELLED") {
        // The deadline has passed: the offer expires instead, and the seat moves on.
        e.status = "EXPIRED";
        return { expected: { ok: false, code: "OFFER_EXPIRED" }, state: release(s, e.course, e.client, now) };
      }
      if (!verbApplies(command.kind, e.status)) return refuse("INVALID_TRANSITION");
      const from = e.status;
      e.status = to;
      if (to === "CONFIRMED") withdrawOthers(s, e);
      if (held(from) && !held(to)) release(s, e.course, e.client, now);
      return { expected: { ok: true, kind: "changed", status: to }, state: s };
    }
  }
}