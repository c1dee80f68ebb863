// The enrolment state machine of the domain brief, as data: the one place that says which
// transitions exist. The engine refuses anything else with INVALID_TRANSITION.
import type { EnrolmentStatus } from "../db/generated/enums";

export type { EnrolmentStatus };

/** A live enrolment keeps the client's place: in the queue or on a seat. */
export const LIVE_STATUSES = ["WAITLISTED", "OFFERED", "CONFIRMED", "STARTED"] as const satisfies readonly EnrolmentStatus[];
/** These hold one of the course's seats (OFFERED + CONFIRMED + STARTED ≤ capacity). */
export const HELD_STATUSES = ["OFFERED", "CONFIRMED", "STARTED"] as const satisfies readonly EnrolmentStatus[];

const transitions: Record<EnrolmentStatus, readonly EnrolmentStatus[]> = {
  // WAITLISTED → CONFIRMED: a course that confirms on referral gives a freed seat without an offer.
  WAITLISTED: ["OFFERED", "CONFIRMED", "CANCELLED", "WITHDRAWN"],
  OFFERED: ["CONFIRMED", "DECLINED", "EXPIRED", "CANCELLED", "WITHDRAWN"],
  CONFIRMED: ["STARTED", "NO_SHOW", "CANCELLED", "WITHDRAWN"],
  STARTED: ["COMPLETED", "INTERRUPTED", "CANCELLED"],
  COMPLETED: [],
  INTERRUPTED: [],
  NO_SHOW: [],
  DECLINED: [],
  EXPIRED: [],
  CANCELLED: [],
  WITHDRAWN: [],
};

/** Where a referral may start: in the queue, on an offered seat, or confirmed at once. */
export const INITIAL_STATUSES = ["WAITLISTED", "OFFERED", "CONFIRMED"] as const satisfies readonly EnrolmentStatus[];

export function canTransition(from: EnrolmentStatus, to: EnrolmentStatus): boolean {
  return transitions[from].includes(to);
}

export function isLive(status: EnrolmentStatus): boolean {
  return (LIVE_STATUSES as readonly EnrolmentStatus[]).includes(status);
}

export function holdsSeat(status: EnrolmentStatus): boolean {
  return (HELD_STATUSES as readonly EnrolmentStatus[]).includes(status);
}

/** Transitions that need a written reason from the person making them. */
export function reasonRequired(to: EnrolmentStatus): boolean {
  return to === "CANCELLED" || to === "INTERRUPTED";
}
