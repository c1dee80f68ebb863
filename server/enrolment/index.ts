// The enrolment engine: the rules of the domain brief, implemented once and used by pages, the
// JSON API, jobs and scripts. Every verb takes an explicit actor and runs its own transaction.
export { referClient } from "./referral";
export { acceptOffer, confirmSeat, declineOffer, offerSeat, expireDueOffers } from "./offers";
export { markStarted, markNoShow, markInterrupted, markCompleted, cancelEnrolment, leaveQueue } from "./lifecycle";
export { changeCapacity, setCourseStatus } from "./courses";
export { moveInQueue, setPriority } from "./moves";
export { getEnrolment, listCourseEnrolments, courseQueueLength } from "./read";
export { fillFreeSeats } from "./hand-over";
export { referToPool, closePool } from "./pool";
export { syncPools } from "./pool-matching";
export { poolStatusOfClient, type PoolStatus, type PoolPlace } from "./pool-status";
export { staff, SYSTEM, type EngineActor, type EngineErrorCode, type Result } from "./types";
