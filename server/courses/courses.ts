import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { CourseData, CoursePatch } from "../../lib/schemas/course";
import type { z } from "zod";
import type { courseFilterSchema } from "../../lib/schemas/course";
import { changeCapacity, courseQueueLength, setCourseStatus, staff } from "../enrolment";
import { getSettings } from "../settings";
import { addDays, daysBetween, formatDate, parseDate } from "../../lib/dates";
import type { EngineErrorCode } from "../enrolment";

const toDate = (d: string | null | undefined) => (d ? parseDate(d) : d === null ? null : undefined);

type CourseRow = Prisma.CourseGetPayload<object>;

export function presentCourse(row: CourseRow, queueLength?: number) {
  return {
    ...row,
    startsOn: formatDate(row.startsOn),
    endsOn: formatDate(row.endsOn),
    referralOpensOn: formatDate(row.referralOpensOn),
    referralClosesOn: formatDate(row.referralClosesOn),
    freeSeats: Math.max(0, row.capacity - row.seatsHeld),
    ...(queueLength === undefined ? {} : { queueLength }),
  };
}

/** Officials see published and closed courses; providers their own (drafts too); admins all. */
function visibility(actor: Actor): Prisma.CourseWhereInput | null {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "PROVIDER_STAFF") return { providerId: actor.organisationId ?? "-" };
  if (actor.role === "OFFICIAL") return { status: { in: ["PUBLISHED", "CLOSED"] } };
  return null;
}

export async function createCourse(actor: Actor, data: CourseData) {
  if (actor.role !== "PROVIDER_STAFF" || !actor.organisationId) return { ok: false as const, code: "FORBIDDEN" as const };
  const offerResponseHours = data.offerResponseHours ?? (await getSettings()).defaultOfferResponseHours;
  const course = await db().$transaction(async (tx) => {
    const created = await tx.course.create({
      data: {
        ...data,
        offerResponseHours,
        providerId: actor.organisationId!,
        startsOn: toDate(data.startsOn)!,
        endsOn: toDate(data.endsOn)!,
        referralOpensOn: toDate(data.referralOpensOn),
        referralClosesOn: toDate(data.referralClosesOn),
      },
    });
    await recordAudit(tx, { actorUserId: actor.userId, action: "course.create", entityType: "Course", entityId: created.id, courseId: created.id, organisationId: actor.organisationId });
    return created;
  });
  return { ok: true as const, course: presentCourse(course, 0) };
}

export async function getCourse(actor: Actor, courseId: string) {
  const where = visibility(actor);
  if (!where || !/^[0-9a-f-]{36}$/i.test(courseId)) return null;
  const visible = await db().course.findFirst({ where: { id: courseId, ...where }, select: { id: true } });
  if (!visible) return null;
  const queueLength = await courseQueueLength(courseId);
  return presentCourse(await db().course.findUniqueOrThrow({ where: { id: courseId } }), queueLength);
}

export async function listCourses(actor: Actor, filter: z.output<typeof courseFilterSchema>) {
  const where = visibility(actor);
  if (!where) return null;
  const rows = await db().course.findMany({
    where: {
      ...where,
      ...(filter.studyPath ? { studyPath: filter.studyPath } : {}),
      ...(filter.instructionLanguage ? { instructionLanguage: filter.instructionLanguage } : {}),
      ...(filter.schedule ? { schedule: filter.schedule } : {}),
      ...(filter.municipality ? { municipality: { equals: filter.municipality, mode: "insensitive" } } : {}),
      ...(filter.status ? { AND: [{ status: filter.status }] } : {}),
      ...(filter.startsFrom || filter.startsTo ? { startsOn: { gte: toDate(filter.startsFrom) ?? undefined, lte: toDate(filter.startsTo) ?? undefined } } : {}),
    },
    orderBy: [{ startsOn: "asc" }, { name: "asc" }],
    take: filter.limit,
    skip: filter.offset,
  });
  const queues = await db().enrolment.groupBy({ by: ["courseId"], where: { courseId: { in: rows.map((r) => r.id) }, status: "WAITLISTED" }, _count: true });
  const queueOf = new Map(queues.map((q) => [q.courseId, q._count]));
  return rows.map((r) => presentCourse(r, queueOf.get(r.id) ?? 0));
}

/** Field changes directly; capacity and status through the engine, which guards seats. */
export async function updateCourse(actor: Actor, courseId: string, patch: CoursePatch): Promise<{ ok: true; course: ReturnType<typeof presentCourse> } | { ok: false; code: EngineErrorCode }> {
  if (actor.role !== "PROVIDER_STAFF" || !/^[0-9a-f-]{36}$/i.test(courseId)) return { ok: false, code: "NOT_FOUND" };
  const own = await db().course.findFirst({ where: { id: courseId, providerId: actor.organisationId ?? "-" }, select: { id: true } });
  if (!own) return { ok: false, code: "NOT_FOUND" };
  const { capacity, status, statusReason, startsOn, endsOn, referralOpensOn, referralClosesOn, ...fields } = patch;
  if (capacity !== undefined) {
    const r = await changeCapacity({ actor: staff(actor), courseId, capacity });
    if (!r.ok) return r;
  }
  await db().$transaction(async (tx) => {
    await tx.course.update({
      where: { id: courseId },
      data: { ...fields, startsOn: toDate(startsOn) ?? undefined, endsOn: toDate(endsOn) ?? undefined, referralOpensOn: toDate(referralOpensOn), referralClosesOn: toDate(referralClosesOn) },
    });
    await recordAudit(tx, { actorUserId: actor.userId, action: "course.update", entityType: "Course", entityId: courseId, courseId, organisationId: actor.organisationId, details: { fields: Object.keys(patch) } });
  });
  if (status !== undefined) {
    const r = await setCourseStatus({ actor: staff(actor), courseId, status, reason: statusReason });
    if (!r.ok) return r;
  }
  const course = await getCourse(actor, courseId);
  return { ok: true, course: course! };
}


/**
 * A copy of one of the provider's courses for the next term: the same content as a DRAFT, with
 * every date moved on by the course's length in whole weeks plus one week, and no enrolments.
 */
export async function duplicateCourse(actor: Actor, courseId: string) {
  if (actor.role !== "PROVIDER_STAFF" || !actor.organisationId || !/^[0-9a-f-]{36}$/i.test(courseId)) return { ok: false as const, code: "NOT_FOUND" as const };
  const source = await db().course.findFirst({ where: { id: courseId, providerId: actor.organisationId } });
  if (!source) return { ok: false as const, code: "NOT_FOUND" as const };
  const shift = (Math.ceil(daysBetween(formatDate(source.startsOn), formatDate(source.endsOn)) / 7) + 1) * 7;
  const moved = (d: Date | null) => (d ? parseDate(addDays(formatDate(d), shift)) : null);
  const course = await db().$transaction(async (tx) => {
    const created = await tx.course.create({
      data: {
        providerId: source.providerId, name: source.name, description: source.description, instructionLanguage: source.instructionLanguage, studyPath: source.studyPath,
        levelFrom: source.levelFrom, levelTo: source.levelTo, targetLevel: source.targetLevel, municipality: source.municipality, address: source.address, remote: source.remote,
        schedule: source.schedule, hoursPerWeek: source.hoursPerWeek, capacity: source.capacity, offerResponseHours: source.offerResponseHours, confirmOnReferral: source.confirmOnReferral,
        startsOn: moved(source.startsOn)!, endsOn: moved(source.endsOn)!, referralOpensOn: moved(source.referralOpensOn), referralClosesOn: moved(source.referralClosesOn), status: "DRAFT",
      },
    });
    await recordAudit(tx, { actorUserId: actor.userId, action: "course.create", entityType: "Course", entityId: created.id, courseId: created.id, organisationId: actor.organisationId, details: { duplicatedFrom: source.id } });
    return created;
  });
  return { ok: true as const, course: presentCourse(course, 0) };
}
