import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import { encryptIdentityCode, identityCodeHmac } from "../crypto";
import type { PrismaClient } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { buildDemoData, checkDemoData, DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from "./data";

// Writes the demo data of ./data.ts. Idempotent and all-or-nothing: keyed on the administrator
// account, written in one transaction, and serialised by an advisory lock so that two processes
// starting at once cannot both seed.

/** pg_advisory_xact_lock key for the seed ("KP-SEED" in spirit; any constant nobody else uses). */
const SEED_LOCK_KEY = 727_347_333;

export interface SeedOptions {
  /** The day the demo story is told from; default now. */
  today?: Date;
  /** DATA_ENCRYPTION_KEY (base64) to encrypt identity codes with; default the environment's. */
  encryptionKey?: string;
}

export async function seedDemoData(prisma: PrismaClient, options: SeedOptions = {}): Promise<{ created: boolean }> {
  if (await demoPresent(prisma)) return { created: false };

  const today = options.today ?? new Date();
  const data = buildDemoData(today);
  const problems = checkDemoData(data, today);
  if (problems.length > 0) throw new Error(`Demo data is inconsistent:\n  ${problems.join("\n  ")}`);

  // Everything slow (argon2, encryption) and every id is prepared before the transaction opens.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const day = 24 * 3600_000;
  const organisationIds = new Map(data.organisations.map((o) => [o.key, randomUUID()]));
  const userIds = new Map(data.users.map((u) => [u.email, randomUUID()]));
  const clientIds = new Map(data.clients.map((c) => [c.key, randomUUID()]));
  const courseIds = new Map(data.courses.map((c) => [c.key, randomUUID()]));
  const idOf = <K>(ids: Map<K, string>, key: K): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`Demo data: no id for ${String(key)}`);
    return id;
  };
  const userId = (email: string | null) => (email === null ? null : idOf(userIds, email));

  const organisations: Prisma.OrganisationCreateManyInput[] = data.organisations.map((o) => ({
    id: idOf(organisationIds, o.key),
    type: o.type,
    name: o.name,
    businessId: o.businessId,
    municipality: o.municipality,
    email: o.email,
    phone: o.phone,
    address: o.address,
    createdAt: new Date(today.getTime() - 400 * day),
    updatedAt: new Date(today.getTime() - 400 * day),
  }));

  const users: Prisma.UserCreateManyInput[] = data.users.map((u) => ({
    id: idOf(userIds, u.email),
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: u.organisation === null ? null : idOf(organisationIds, u.organisation),
    passwordHash,
    locale: u.locale,
    createdAt: new Date(today.getTime() - 200 * day),
    updatedAt: new Date(today.getTime() - 200 * day),
  }));

  const clients: Prisma.ClientCreateManyInput[] = data.clients.map((c) => ({
    id: idOf(clientIds, c.key),
    officeId: idOf(organisationIds, c.office),
    firstName: c.firstName,
    lastName: c.lastName,
    dateOfBirth: c.dateOfBirth,
    identityCodeCiphertext: c.identityCode === null ? null : encryptIdentityCode(c.identityCode, options.encryptionKey),
    identityCodeHmac: c.identityCode === null ? null : identityCodeHmac(c.identityCode, options.encryptionKey),
    email: c.email,
    phone: c.phone,
    municipality: c.municipality,
    preferredLanguage: c.preferredLanguage,
    nativeLanguage: c.nativeLanguage,
    interpreterNeeded: c.interpreterNeeded,
    literacy: c.literacy,
    yearsOfSchooling: c.yearsOfSchooling,
    highestEducation: c.highestEducation,
    workExperience: c.workExperience,
    languageLevel: c.languageLevel,
    placementTestOn: c.placementTestOn,
    studyPath: c.studyPath,
    integrationPlanStartsOn: c.integrationPlanStartsOn,
    integrationPlanEndsOn: c.integrationPlanEndsOn,
    needsChildcare: c.needsChildcare,
    needsAccessibility: c.needsAccessibility,
    eveningOnly: c.eveningOnly,
    specialNeeds: c.specialNeeds,
    notes: c.notes,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
  }));

  const courses: Prisma.CourseCreateManyInput[] = data.courses.map((c) => ({
    id: idOf(courseIds, c.key),
    providerId: idOf(organisationIds, c.provider),
    name: c.name,
    description: c.description,
    instructionLanguage: c.instructionLanguage,
    studyPath: c.studyPath,
    levelFrom: c.levelFrom,
    levelTo: c.levelTo,
    targetLevel: c.targetLevel,
    municipality: c.municipality,
    address: c.address,
    remote: c.remote,
    schedule: c.schedule,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    hoursPerWeek: c.hoursPerWeek,
    capacity: c.capacity,
    // seatsHeld is left to the trigger: it counts the enrolments as they are inserted.
    referralOpensOn: c.referralOpensOn,
    referralClosesOn: c.referralClosesOn,
    offerResponseHours: c.offerResponseHours,
    confirmOnReferral: c.confirmOnReferral,
    status: c.status,
    statusReason: c.statusReason,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
  }));

  // Enrolments go in with their final status. Seats only ever get added while inserting, and
  // checkDemoData has proven the final count per course fits, so the seat CHECK holds after every
  // row; the one-live and one-held-seat indexes are likewise proven for the final state.
  const withIds = data.enrolments.map((e) => ({ e, id: randomUUID() }));
  const enrolments: Prisma.EnrolmentCreateManyInput[] = withIds.map(({ e, id }) => {
    const lastAt = e.events[e.events.length - 1]?.at ?? e.referredAt;
    return {
      id,
      clientId: idOf(clientIds, e.client),
      courseId: idOf(courseIds, e.course),
      status: e.status,
      priority: e.priority,
      priorityReason: e.priorityReason,
      queueOrder: e.queueOrder,
      referredAt: e.referredAt,
      referredById: userId(e.referredByEmail),
      referralNote: e.referralNote,
      offeredAt: e.offeredAt,
      offerExpiresAt: e.offerExpiresAt,
      confirmedAt: e.confirmedAt,
      startedAt: e.startedAt,
      endedAt: e.endedAt,
      statusReason: e.statusReason,
      createdAt: e.referredAt,
      updatedAt: lastAt,
    };
  });

  // Events in time order, so their serial ids follow the story too.
  const events: Prisma.EnrolmentEventCreateManyInput[] = withIds
    .flatMap(({ e, id }) =>
      e.events.map((ev) => ({
        enrolmentId: id,
        at: ev.at,
        actorKind: ev.actorKind,
        actorUserId: userId(ev.actorEmail),
        fromStatus: ev.fromStatus,
        toStatus: ev.toStatus,
        reason: ev.reason,
        data: ev.data ?? undefined,
      })),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime());

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if (await demoPresent(tx)) return { created: false };
      await tx.organisation.createMany({ data: organisations });
      await tx.user.createMany({ data: users });
      await tx.client.createMany({ data: clients });
      await tx.course.createMany({ data: courses });
      await tx.enrolment.createMany({ data: enrolments });
      await tx.enrolmentEvent.createMany({ data: events });
      await tx.auditEvent.create({
        data: {
          action: "demo_data.seed",
          details: {
            organisations: organisations.length,
            users: users.length,
            clients: clients.length,
            courses: courses.length,
            enrolments: enrolments.length,
            enrolmentEvents: events.length,
          },
        },
      });
      return { created: true };
    },
    { timeout: 120_000 },
  );
}

async function demoPresent(db: Pick<PrismaClient, "user"> | Prisma.TransactionClient): Promise<boolean> {
  return (await db.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } })) !== null;
}
