// The enrolment state machine of the domain brief, as data: the one place that says which
// transitions exist. The engine refuses anything else with INVALID_TRANSITION.
import type { CourseStatus, EnrolmentStatus } from "../db/generated/enums";

export type { EnrolmentStatus };
export { HELD_STATUSES, LIVE_STATUSES, holdsSeat, isLive } from "../../lib/enrolment-status";

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

/** Transitions that need a written reason from the person making them. */
export function reasonRequired(to: EnrolmentStatus): boolean {
  return to === "CANCELLED" || to === "INTERRUPTED";
}

/** What decides whether a course takes referrals (course dates are Finnish calendar days, YYYY-MM-DD). */
export interface ReferralWindow {
  status: CourseStatus;
  referralOpensOn: string | null;
  referralClosesOn: string | null;
  endsOn: string;
}

/**
 * A course takes referrals on a Finnish calendar day when it is published, the day is in its
 * referral period (either end may be open) and the course has not ended. SQL's twin is
 * course_takes_referrals (prisma/sql/010_rules.sql).
 */
export function takesReferrals(course: ReferralWindow, today: string): boolean {
  return (
    course.status === "PUBLISHED" &&
    (course.referralOpensOn === null || course.referralOpensOn <= today) &&
    (course.referralClosesOn === null || course.referralClosesOn >= today) &&
    course.endsOn >= today
  );
}
