// The enrolment status sets, named once for every layer (pages, components, the engine). Their SQL
// twins are enrolment_is_live and enrolment_holds_seat (prisma/sql/010_rules.sql); the engine's
// states.test.ts holds the two to one meaning. The transitions between states are the engine's
// (server/enrolment/states.ts).
import type { EnrolmentStatus } from "./enums";

/** A live enrolment keeps the client's place: in the queue or on a seat. */
export const LIVE_STATUSES = ["WAITLISTED", "OFFERED", "CONFIRMED", "STARTED"] as const satisfies readonly EnrolmentStatus[];
/** These hold one of the course's seats (OFFERED + CONFIRMED + STARTED ≤ capacity). */
export const HELD_STATUSES = ["OFFERED", "CONFIRMED", "STARTED"] as const satisfies readonly EnrolmentStatus[];

export function isLive(status: EnrolmentStatus): boolean {
  return (LIVE_STATUSES as readonly EnrolmentStatus[]).includes(status);
}

export function holdsSeat(status: EnrolmentStatus): boolean {
  return (HELD_STATUSES as readonly EnrolmentStatus[]).includes(status);
}
