import "server-only";
import { db } from "../db/client";
import type { EnrolmentStatus } from "../db/generated/enums";
import {
  acceptOffer, cancelEnrolment, closePool, declineOffer, expireDueOffers, markInterrupted, markNoShow, markStarted, referClient, referToPool,
  setCourseStatus, staff, type Result,
} from "../enrolment";
import { offerForgottenSeats, runMinuteJobs } from "../jobs";
import { findCoursesForClient } from "../official/finder";
import { LIVE_STATUSES } from "../../lib/enrolment-status";
import { Random } from "./random";
import { actors, type Actors } from "./seed";
import { DAY_MS, RATES, dayString, fits, type SimClient, type SimCourse, type World } from "./world";

// Replays the world's year through the real engine on the current database (db()), one event at a
// time on a simulated clock. Every change goes through an engine verb with `now` = the simulated
// time; the simulation only decides what people do and when, reading what it needs from the database.

/** PER_COURSE: the official refers a client to one course at a time. POOLED: one pooled referral with ranked favourites. */
export type Policy = "PER_COURSE" | "POOLED";

export type LeaveReason = "DECLINED" | "UNREACHABLE" | "WAITING" | "NO_SHOW";

export interface RunLog {
  policy: Policy;
  events: number;
  engineCalls: number;
  /** Client decisions, as the simulation made them (the outcomes are read from the database). */
  conditionalAcceptances: number;
  referrals: number;
  /** Per-course run: referrals after the first (the course started without the client, a decline, an expiry). */
  reReferrals: number;
  /** Per-course run: times the official found no fitting course open and looked again later. */
  nothingOpen: number;
  left: Record<LeaveReason, number>;
  /** Who left, why and when (ISO time). */
  leftClients: Record<string, { reason: LeaveReason; at: string }>;
  /** Expected refusals from the engine, by verb and code (e.g. an offer answered just after its deadline). */
  refusals: Record<string, number>;
  /**
   * What the daily minute-job run did: offers it expired, pool places it joined, and free seats it
   * found with someone eligible waiting (the safety net; anything here is a seat the engine forgot).
   */
  minuteJobs: { expired: number; joined: number; forgottenSeatsOffered: number; forgottenOn: string[] };
  /** Wall-clock milliseconds spent per kind of event (where the run's time goes). */
  timeByEvent: Record<string, number>;
  /** Exceptions thrown by the engine, with what the simulation was doing: each is a finding. */
  errors: { at: string; event: string; message: string }[];
}

type Event =
  | { kind: "daily"; day: number }
  | { kind: "arrival"; client: SimClient }
  | { kind: "answer"; client: SimClient; enrolmentId: string; answer: "ACCEPT" | "DECLINE" }
  | { kind: "deadline"; client: SimClient; enrolmentId: string }
  | { kind: "start"; course: SimCourse }
  | { kind: "lateStart"; client: SimClient; course: SimCourse; enrolmentId: string }
  | { kind: "cutoff"; course: SimCourse }
  | { kind: "interrupt"; course: SimCourse; enrolmentId: string }
  | { kind: "review"; client: SimClient }
  | { kind: "leave"; client: SimClient };

interface Scheduled {
  at: number;
  seq: number;
  event: Event;
}

/** A binary heap of events by (time, order of scheduling): the same inputs give the same order. */
class Agenda {
  private heap: Scheduled[] = [];
  private seq = 0;

  push(at: number, event: Event): void {
    const item = { at, seq: this.seq++, event };
    const h = this.heap;
    h.push(item);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): Scheduled | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

const HOUR_MS = 3_600_000;

interface ClientState {
  arrived: boolean;
  left: LeaveReason | null;
  expiries: number;
  /** The client's answers to offers. */
  answers: Random;
  /** No-show and interruption: drawn the same way in both runs. */
  fate: Random;
  /** Which courses the client likes best (pooled run). */
  taste: Random;
  /** The official's reaction delays (per-course run). */
  official: Random;
}

interface OfferRow {
  id: string;
  clientId: string;
  courseId: string;
  offerExpiresAt: Date;
}

export async function runPolicy(world: World, policy: Policy, options: { progress?: (message: string) => void } = {}): Promise<RunLog> {
  const who: Actors = actors(world);
  const agenda = new Agenda();
  const courseById = new Map(world.courses.map((c) => [c.id, c]));
  const clientById = new Map(world.clients.map((c) => [c.id, c]));
  const state = new Map<string, ClientState>(
    world.clients.map((c) => {
      const base = new Random(world.config.seed, `client-${c.index}`);
      return [c.id, { arrived: false, left: null, expiries: 0, answers: base.fork(`answers-${c.index}`), fate: base.fork(`fate-${c.index}`), taste: base.fork(`taste-${c.index}`), official: base.fork(`official-${c.index}`) }];
    }),
  );
  const started = new Set<string>();
  const openingDays = new Set(world.courses.map((c) => c.referralOpensDay));
  const seenOffers = new Set<string>();
  const log: RunLog = {
    policy, events: 0, engineCalls: 0, conditionalAcceptances: 0, referrals: 0, reReferrals: 0, nothingOpen: 0,
    left: { DECLINED: 0, UNREACHABLE: 0, WAITING: 0, NO_SHOW: 0 }, leftClients: {}, refusals: {}, minuteJobs: { expired: 0, joined: 0, forgottenSeatsOffered: 0, forgottenOn: [] }, timeByEvent: {}, errors: [],
  };

  // The simulated clock: strictly increasing, so no two referrals share a timestamp and the
  // engine's queue order never falls back to its random ids.
  let clock = -1;
  const tick = (at: number): Date => {
    clock = Math.max(at, clock + 1);
    return new Date(world.start.getTime() + clock);
  };
  let eventAt = 0;
  const now = () => tick(eventAt);
  const today = () => Math.floor(clock / DAY_MS);
  const dayAt = (day: number, hour: number) => day * DAY_MS + hour * HOUR_MS;

  /** Set by anything that may have made an offer: then the database is asked for new offers. */
  let changed = false;
  async function call<T extends object>(verb: string, result: Promise<Result<T>>): Promise<Result<T>> {
    log.engineCalls++;
    changed = true;
    const r = await result;
    if (!r.ok) log.refusals[`${verb}:${r.code}`] = (log.refusals[`${verb}:${r.code}`] ?? 0) + 1;
    return r;
  }

  for (let day = 0; day <= world.endDay; day++) agenda.push(dayAt(day, 3), { kind: "daily", day });
  for (const client of world.clients) {
    agenda.push(client.arrivalMs, { kind: "arrival", client });
    agenda.push(client.arrivalMs + client.leaveAfterDays * DAY_MS, { kind: "leave", client });
  }
  for (const course of world.courses) {
    agenda.push(dayAt(course.startDay, 6), { kind: "start", course });
    agenda.push(dayAt(course.referralClosesDay + 1, 4), { kind: "cutoff", course });
  }

  /** Offers the engine made since `since` (in this event): each client decides now how they will answer. */
  async function scheduleAnswers(since: Date): Promise<void> {
    const offers = await db().$queryRaw<OfferRow[]>`
      SELECT id, "clientId", "courseId", "offerExpiresAt" FROM "Enrolment"
      WHERE status = 'OFFERED' AND "offeredAt" >= ${since} ORDER BY "offeredAt", "clientId", "courseId"`;
    for (const offer of offers) {
      if (seenOffers.has(offer.id)) continue;
      seenOffers.add(offer.id);
      const client = clientById.get(offer.clientId)!;
      const s = state.get(client.id)!;
      const offeredAt = clock;
      const u = s.answers.next();
      if (u < RATES.decline) agenda.push(offeredAt + s.answers.uniform(...RATES.declineHours) * HOUR_MS, { kind: "answer", client, enrolmentId: offer.id, answer: "DECLINE" });
      else if (u < RATES.decline + RATES.noAnswer) agenda.push(offer.offerExpiresAt.getTime() - world.start.getTime() + 60_000, { kind: "deadline", client, enrolmentId: offer.id });
      else agenda.push(offeredAt + s.answers.uniform(...RATES.acceptHours) * HOUR_MS, { kind: "answer", client, enrolmentId: offer.id, answer: "ACCEPT" });
    }
  }

  async function statusOf(enrolmentId: string): Promise<{ status: EnrolmentStatus; courseId: string; preferenceRank: number | null } | null> {
    return db().enrolment.findUnique({ where: { id: enrolmentId }, select: { status: true, courseId: true, preferenceRank: true } });
  }

  async function holdsSeat(client: SimClient): Promise<boolean> {
    return (await db().enrolment.count({ where: { clientId: client.id, status: { in: ["OFFERED", "CONFIRMED", "STARTED", "COMPLETED", "INTERRUPTED"] } } })) > 0;
  }

  async function leave(client: SimClient, reason: LeaveReason): Promise<void> {
    const s = state.get(client.id)!;
    if (s.left) return;
    s.left = reason;
    log.left[reason]++;
    const official = staff(who.officialOf(client));
    log.leftClients[client.id] = { reason, at: now().toISOString() };
    const why = { DECLINED: "Client left the service after declining a seat", UNREACHABLE: "Client could not be reached", WAITING: "Client left the service while waiting (work, moved away)", NO_SHOW: "Client did not come to the course" }[reason];
    if (policy === "POOLED") {
      const entry = await db().queueEntry.findFirst({ where: { clientId: client.id, status: "ACTIVE" }, select: { id: true } });
      if (entry) await call("closePool", closePool({ actor: official, queueEntryId: entry.id, reason: why, now: now() }));
    }
    const places = await db().enrolment.findMany({ where: { clientId: client.id, status: "WAITLISTED" }, select: { id: true }, orderBy: { courseId: "asc" } });
    for (const place of places) await call("cancelEnrolment", cancelEnrolment({ actor: official, enrolmentId: place.id, reason: why, now: now() }));
  }

  /** Per-course run: the official looks at the client's situation and refers them to one course if they need one. */
  async function review(client: SimClient): Promise<void> {
    const s = state.get(client.id)!;
    if (s.left) return;
    const live = await db().enrolment.findMany({ where: { clientId: client.id, status: { in: [...LIVE_STATUSES] } }, select: { id: true, status: true, courseId: true } });
    if (live.some((e) => e.status !== "WAITLISTED")) return;
    const official = who.officialOf(client);
    for (const place of live) {
      // Still queued on a course that has started without them: the official takes them off it.
      if (!started.has(place.courseId)) return;
      await call("cancelEnrolment", cancelEnrolment({ actor: staff(official), enrolmentId: place.id, reason: "Course started without a seat for the client; referring to another course", now: now() }));
    }
    const choice = await chooseCourse(client);
    if (!choice.courseId) {
      log.nothingOpen++;
      // Nothing fitting takes referrals: the official follows up when the next fitting course opens, or in two weeks.
      const next = choice.nextOpeningDay === null ? today() + RATES.retryDays : Math.min(choice.nextOpeningDay, today() + RATES.retryDays);
      agenda.push(dayAt(next, 7) + s.official.uniform(0, 6) * HOUR_MS, { kind: "review", client });
      return;
    }
    const course = choice.courseId;
    const first = (await db().enrolment.count({ where: { clientId: client.id } })) === 0;
    const r = await call("referClient", referClient({ actor: staff(official), clientId: client.id, courseId: course, now: now() }));
    if (r.ok) {
      log.referrals++;
      if (!first) log.reReferrals++;
    } else agenda.push(dayAt(today() + RATES.retryDays, 7) + s.official.uniform(0, 6) * HOUR_MS, { kind: "review", client });
  }

  /**
   * The per-course official's rule, on the real course finder: courses in the client's municipality or
   * remote that take referrals today, fit the client's path, level, language and (if evening only)
   * schedule, and that the client has not been on. The soonest-starting course with a free seat for
   * them; otherwise the one with the fewest people queued beyond its free seats (then the soonest).
   * A course that has already started is chosen only if it has a free seat (late entry).
   * Nothing open: when the next fitting published course opens for referrals (the official follows up then).
   * With `official: "PREFERENCE"` the official instead refers to the open course the client likes best
   * (sooner is better, each client with a taste of their own, as the pooled run's ranking), without
   * comparing free seats or queues.
   */
  async function chooseCourse(client: SimClient): Promise<{ courseId: string | null; nextOpeningDay: number | null }> {
    const t = now();
    const found = await findCoursesForClient(
      who.officialOf(client),
      client.id,
      {
        municipality: client.municipality,
        remote: "include",
        schedule: client.eveningOnly ? "EVENING" : undefined,
        instructionLanguage: client.instructionLanguage,
        startsFrom: dayString(world, today() - 21),
        startsTo: undefined,
      },
      { now: t },
    );
    if (!found) throw new Error(`course finder: client ${client.id} not found`);
    const tried = new Set((await db().enrolment.findMany({ where: { clientId: client.id }, select: { courseId: true } })).map((e) => e.courseId));
    const todayString = dayString(world, today());
    const open = found.courses.filter((c) => c.referralOpen && !c.current && !tried.has(c.id) && (c.startsOn > todayString || c.freeSeats > c.queueLength));
    if (open.length === 0) {
      const upcoming = found.courses.map((c) => courseById.get(c.id)!.referralOpensDay).filter((day) => day > today());
      return { courseId: null, nextOpeningDay: upcoming.length ? Math.min(...upcoming) : null };
    }
    if (world.config.official === "PREFERENCE") return { courseId: inOrderOfLiking(client, open.map((c) => courseById.get(c.id)!))[0]!, nextOpeningDay: null };
    const withSeat = open.find((c) => c.freeSeats > c.queueLength);
    if (withSeat) return { courseId: withSeat.id, nextOpeningDay: null };
    let best = open[0]!;
    for (const c of open) if (c.queueLength - c.freeSeats < best.queueLength - best.freeSeats) best = c;
    return { courseId: best.id, nextOpeningDay: null };
  }

  /**
   * Pooled run: the client's favourites among the published courses in their own municipality that
   * fit them and still take referrals (what the official's course finder lists; the simulation knows
   * the catalogue, so it does not ask). Sooner is better, but each client has their own taste.
   */
  function favourites(client: SimClient): string[] {
    const soonest = world.config.pool === "SOONEST";
    const open = world.courses.filter(
      (c) => (soonest ? c.remote || c.municipality === client.municipality : !c.remote && c.municipality === client.municipality) && c.publishDay <= today() && c.referralClosesDay >= today() && c.startDay >= today() && fits(client, c),
    );
    if (soonest) return open.sort((a, b) => a.startDay - b.startDay || (a.id < b.id ? -1 : 1)).map((c) => c.id);
    return inOrderOfLiking(client, open).slice(0, client.favourites);
  }

  /** Courses as the client likes them: sooner is better, with the client's own taste (0–60 days) on top. */
  function inOrderOfLiking(client: SimClient, courses: SimCourse[]): string[] {
    const s = state.get(client.id)!;
    return courses
      .map((c) => ({ id: c.id, score: c.startDay - today() + s.taste.uniform(0, 60) }))
      .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1))
      .map((c) => c.id);
  }

  async function arrive(client: SimClient): Promise<void> {
    state.get(client.id)!.arrived = true;
    if (policy === "PER_COURSE") return review(client);
    const ranked = favourites(client);
    const r = await call(
      "referToPool",
      referToPool({
        actor: staff(who.officialOf(client)),
        clientId: client.id,
        criteria: {
          studyPath: client.studyPath,
          levelFit: true,
          municipalities: [client.municipality],
          includeRemote: true,
          schedule: client.eveningOnly ? "EVENING" : null,
          instructionLanguage: client.instructionLanguage,
          startFrom: null,
          startTo: null,
        },
        rankedCourseIds: ranked,
        now: now(),
      }),
    );
    if (r.ok) log.referrals++;
  }

  async function answer(client: SimClient, enrolmentId: string, kind: "ACCEPT" | "DECLINE"): Promise<void> {
    const s = state.get(client.id)!;
    const current = await statusOf(enrolmentId);
    if (current?.status !== "OFFERED") return;
    const actor = who.client(client);
    if (kind === "DECLINE") {
      const r = await call("declineOffer", declineOffer({ actor, enrolmentId, reason: "Does not suit me", now: now() }));
      if (!r.ok) return;
      if (s.answers.chance(RATES.leaveAfterDecline)) return leave(client, "DECLINED");
      if (policy === "PER_COURSE") agenda.push(clock + s.official.uniform(...RATES.reactionDays) * DAY_MS, { kind: "review", client });
      return;
    }
    const course = courseById.get(current.courseId)!;
    const conditionalWanted = s.answers.chance(RATES.conditional) || world.config.pool === "SOONEST";
    let accepted: Result<object> | null = null;
    if (policy === "POOLED" && conditionalWanted) {
      // Offered a seat ranked below a course the client still waits for: take it on condition.
      const higher = await db().enrolment.count({
        where: { clientId: client.id, status: "WAITLISTED", preferenceRank: { not: null, lt: current.preferenceRank ?? 2_147_483_647 } },
      });
      if (higher > 0) {
        const r = await call("acceptOffer(conditional)", acceptOffer({ actor, enrolmentId, conditional: true, now: now() }));
        if (r.ok) log.conditionalAcceptances++;
        if (r.ok || r.code !== "CONDITIONAL_NOT_AVAILABLE") accepted = r;
      }
    }
    accepted ??= await call("acceptOffer", acceptOffer({ actor, enrolmentId, now: now() }));
    if (!accepted.ok) {
      if (accepted.code === "OFFER_EXPIRED") await expired(client, enrolmentId);
      return;
    }
    // Accepted after the course began: the provider marks the late start the next morning.
    if (started.has(course.id)) agenda.push(dayAt(today() + 1, 6), { kind: "lateStart", client, course, enrolmentId });
  }

  async function expired(client: SimClient, enrolmentId: string): Promise<void> {
    if ((await statusOf(enrolmentId))?.status !== "EXPIRED") return;
    const s = state.get(client.id)!;
    s.expiries++;
    if (s.expiries >= RATES.expiriesBeforeLeaving) return leave(client, "UNREACHABLE");
    if (policy === "PER_COURSE") agenda.push(clock + s.official.uniform(...RATES.reactionDays) * DAY_MS, { kind: "review", client });
  }

  /** The provider's first day: confirmed seat holders start, or do not turn up. */
  async function startSeat(client: SimClient, course: SimCourse, enrolmentId: string): Promise<void> {
    const s = state.get(client.id)!;
    const provider = who.providerOf(course);
    if (s.fate.chance(RATES.noShow)) {
      const r = await call("markNoShow", markNoShow({ actor: provider, enrolmentId, now: now() }));
      if (r.ok) await leave(client, "NO_SHOW");
      return;
    }
    const r = await call("markStarted", markStarted({ actor: provider, enrolmentId, now: now() }));
    if (r.ok && s.fate.chance(RATES.interruption)) {
      const last = Math.min(course.endDay - 1, course.startDay + 150);
      const day = Math.floor(s.fate.uniform(Math.min(today() + 14, last), last));
      agenda.push(dayAt(day, 10), { kind: "interrupt", course, enrolmentId });
    }
  }

  async function handle(event: Event): Promise<void> {
    switch (event.kind) {
      case "daily": {
        // The minute job (expiry, pools joining newly matching courses, the free-seat safety net) has
        // work to do only on a day a referral period opens (pools then join the course; expiry is run
        // one minute after each deadline): on those days it runs whole, on the others only its safety net.
        const jobs = openingDays.has(event.day) ? await runMinuteJobs(now()) : { expired: 0, joined: 0, offered: await offerForgottenSeats(now()) };
        changed ||= jobs.expired + jobs.joined + jobs.offered > 0;
        log.minuteJobs.expired += jobs.expired;
        log.minuteJobs.joined += jobs.joined;
        if (jobs.offered > 0) {
          log.minuteJobs.forgottenSeatsOffered += jobs.offered;
          log.minuteJobs.forgottenOn.push(dayString(world, event.day));
        }
        for (const course of world.courses) {
          if (course.publishDay === event.day) await call("setCourseStatus", setCourseStatus({ actor: who.providerOf(course), courseId: course.id, status: "PUBLISHED", now: now() }));
        }
        if (event.day % 30 === 0) options.progress?.(`${policy} day ${event.day}/${world.endDay}`);
        return;
      }
      case "arrival":
        return arrive(event.client);
      case "answer":
        return answer(event.client, event.enrolmentId, event.answer);
      case "deadline": {
        changed ||= (await expireDueOffers(now())) > 0;
        return expired(event.client, event.enrolmentId);
      }
      case "start": {
        started.add(event.course.id);
        const seats = await db().enrolment.findMany({ where: { courseId: event.course.id, status: "CONFIRMED" }, select: { id: true, clientId: true }, orderBy: { clientId: "asc" } });
        for (const seat of seats) await startSeat(clientById.get(seat.clientId)!, event.course, seat.id);
        if (policy === "PER_COURSE") {
          // The official notices a course that started without the client after a while.
          const queued = await db().enrolment.findMany({ where: { courseId: event.course.id, status: "WAITLISTED" }, select: { clientId: true }, orderBy: { clientId: "asc" } });
          for (const q of queued) {
            const client = clientById.get(q.clientId)!;
            agenda.push(clock + state.get(client.id)!.official.uniform(...RATES.reactionDays) * DAY_MS, { kind: "review", client });
          }
        }
        return;
      }
      case "lateStart": {
        if ((await statusOf(event.enrolmentId))?.status === "CONFIRMED") await startSeat(event.client, event.course, event.enrolmentId);
        return;
      }
      case "cutoff": {
        // The late-entry window is over: the provider ends the places still queued for the course.
        const provider = who.providerOf(event.course);
        const queued = await db().enrolment.findMany({ where: { courseId: event.course.id, status: "WAITLISTED" }, select: { id: true, clientId: true }, orderBy: { clientId: "asc" } });
        for (const q of queued) {
          await call("cancelEnrolment", cancelEnrolment({ actor: provider, enrolmentId: q.id, reason: CUTOFF_REASON, now: now() }));
          if (policy === "PER_COURSE") {
            const client = clientById.get(q.clientId)!;
            agenda.push(clock + state.get(client.id)!.official.uniform(...RATES.reactionDays) * DAY_MS, { kind: "review", client });
          }
        }
        return;
      }
      case "interrupt": {
        if ((await statusOf(event.enrolmentId))?.status === "STARTED") {
          await call("markInterrupted", markInterrupted({ actor: who.providerOf(event.course), enrolmentId: event.enrolmentId, reason: "Stopped the course", now: now() }));
        }
        return;
      }
      case "review":
        return review(event.client);
      case "leave": {
        const s = state.get(event.client.id)!;
        if (s.arrived && !s.left && !(await holdsSeat(event.client))) await leave(event.client, "WAITING");
        return;
      }
    }
  }

  for (let item = agenda.pop(); item; item = agenda.pop()) {
    if (item.at > dayAt(world.endDay + 1, 0)) break;
    eventAt = item.at;
    const since = now();
    changed = false;
    log.events++;
    const began = performance.now();
    try {
      await handle(item.event);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.errors.push({ at: since.toISOString(), event: describe(item.event), message: message.slice(0, 2000) });
      if (log.errors.length > 25) throw new Error(`simulation stopped after 25 engine errors; the first: ${log.errors[0]!.event}: ${log.errors[0]!.message}`);
    }
    if (changed) await scheduleAnswers(since);
    log.timeByEvent[item.event.kind] = (log.timeByEvent[item.event.kind] ?? 0) + Math.round(performance.now() - began);
  }
  return log;
}

export const CUTOFF_REASON = "The course has started and takes no more participants";

function describe(event: Event): string {
  switch (event.kind) {
    case "daily":
      return `daily jobs, day ${event.day}`;
    case "arrival":
    case "review":
    case "leave":
      return `${event.kind} of client ${event.client.id}`;
    case "answer":
      return `${event.answer} of enrolment ${event.enrolmentId} by client ${event.client.id}`;
    case "deadline":
      return `deadline of enrolment ${event.enrolmentId}`;
    case "start":
    case "cutoff":
      return `${event.kind} of course ${event.course.id}`;
    case "lateStart":
    case "interrupt":
      return `${event.kind} of enrolment ${event.enrolmentId} on course ${event.course.id}`;
  }
}
