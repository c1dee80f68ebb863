import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import { encryptIdentityCode, identityCodeHmac } from "../crypto";
import type { PrismaClient } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { ADVICE_DEMO_ORGANISATIONS, buildDemoData, checkDemoData, DEMO_ADMIN_EMAIL, DEMO_ADVISER_EMAIL, DEMO_PASSWORD, type DemoData } from "./data";

// Writes the demo data of ./data.ts. Idempotent and all-or-nothing: keyed on the administrator
// account, written in one transaction, and serialised by an advisory lock so that two processes
// starting at once cannot both seed. The advice points' part (their organisations, staff and
// visits) is keyed on the first adviser's account, so a demo database seeded before it existed
// gets it on its next start; a fresh one gets both parts in the one transaction.

/** pg_advisory_xact_lock key for the seed ("KP-SEED" in spirit; any constant nobody else uses). */
const SEED_LOCK_KEY = 727_347_333;

export interface SeedOptions {
  /** The day the demo story is told from; default now. */
  today?: Date;
  /** DATA_ENCRYPTION_KEY (base64) to encrypt identity codes with; default the environment's. */
  encryptionKey?: string;
}

export async function seedDemoData(prisma: PrismaClient, options: SeedOptions = {}): Promise<{ created: boolean }> {
  if ((await demoPresent(prisma)) && (await advicePresent(prisma))) return { created: false };

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

  const core = <T extends { key: string }>(o: T) => !ADVICE_DEMO_ORGANISATIONS.has(o.key as never);
  const organisations: Prisma.OrganisationCreateManyInput[] = data.organisations.filter(core).map((o) => ({
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

  const users: Prisma.UserCreateManyInput[] = data.users.filter((u) => u.organisation === null || core({ key: u.organisation })).map((u) => ({
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
    assessedOn: c.assessedOn,
    assessedBy: c.assessedBy,
    inIntegrationProgramme: c.inIntegrationProgramme,
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
      const advice = await seedAdvicePart(tx, data, { today, passwordHash });
      if (await demoPresent(tx)) return { created: advice };
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

async function advicePresent(db: Pick<PrismaClient, "user"> | Prisma.TransactionClient): Promise<boolean> {
  return (await db.user.findUnique({ where: { email: DEMO_ADVISER_EMAIL }, select: { id: true } })) !== null;
}

/**
 * The advice points, the integration services, their staff and six months of visits, unless the
 * first adviser's account is there. Organisations and accounts already present (by business id and
 * e-mail) are left as they are; the visits go to the advice points created here: about 1 500
 * visits and their topics and destinations, each table in one statement.
 */
async function seedAdvicePart(tx: Prisma.TransactionClient, data: DemoData, { today, passwordHash }: { today: Date; passwordHash: string }): Promise<boolean> {
  if (await advicePresent(tx)) return false;
  const day = 24 * 3600_000;
  const wanted = data.organisations.filter((o) => ADVICE_DEMO_ORGANISATIONS.has(o.key));
  const existing = await tx.organisation.findMany({ where: { businessId: { in: wanted.map((o) => o.businessId) } }, select: { id: true, businessId: true } });
  const ids = new Map(wanted.map((o) => [o.key, existing.find((e) => e.businessId === o.businessId)?.id ?? randomUUID()]));
  const created = wanted.filter((o) => !existing.some((e) => e.businessId === o.businessId));
  const since = new Date(today.getTime() - 200 * day);
  await tx.organisation.createMany({
    data: created.map((o) => ({ id: ids.get(o.key)!, type: o.type, name: o.name, businessId: o.businessId, municipality: o.municipality, email: o.email, phone: o.phone, address: o.address, operator: o.operator ?? null, createdAt: since, updatedAt: since })),
  });

  const staff = data.users.filter((u) => u.organisation !== null && ADVICE_DEMO_ORGANISATIONS.has(u.organisation));
  const present = new Map((await tx.user.findMany({ where: { email: { in: staff.map((u) => u.email) } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const userIds = new Map(staff.map((u) => [u.email, present.get(u.email) ?? randomUUID()]));
  await tx.user.createMany({
    data: staff.filter((u) => !present.has(u.email)).map((u) => ({ id: userIds.get(u.email)!, email: u.email, name: u.name, role: u.role, organisationId: ids.get(u.organisation!)!, passwordHash, locale: u.locale, createdAt: since, updatedAt: since })),
  });

  // The built-in topics and destinations, by code (the migration wrote them; nothing deletes them).
  const entries = await tx.visitListEntry.findMany({ where: { code: { not: null } }, select: { id: true, kind: true, code: true } });
  const entryId = (kind: "TOPIC" | "DESTINATION", code: string) => {
    const found = entries.find((e) => e.kind === kind && e.code === code);
    if (!found) throw new Error(`Demo data: no built-in ${kind} "${code}"`);
    return found.id;
  };
  const fresh = new Set(created.map((o) => o.key));
  const visits = data.visits.filter((v) => fresh.has(v.advicePoint)).map((v) => ({ v, id: randomUUID() }));
  await insertVisits(tx, visits.map(({ v, id }) => ({ ...v, id, advicePointId: ids.get(v.advicePoint)!, adviserId: userIds.get(v.adviserEmail) ?? null })));
  await tx.adviceVisitTopic.createMany({ data: visits.flatMap(({ v, id }) => v.topics.map((code) => ({ visitId: id, topicId: entryId("TOPIC", code) }))) });
  await tx.adviceVisitDestination.createMany({ data: visits.flatMap(({ v, id }) => v.destinations.map((code) => ({ visitId: id, destinationId: entryId("DESTINATION", code) }))) });
  await tx.auditEvent.create({ data: { action: "demo_data.seed_advice", details: { organisations: created.length, users: staff.length - present.size, visits: visits.length } } });
  return true;
}

type VisitRow = DemoData["visits"][number] & { id: string; advicePointId: string; adviserId: string | null };

/**
 * The visits in one INSERT … SELECT FROM unnest(column arrays): 17 parameters instead of 17 a row,
 * which Prisma's createMany takes about two seconds to bind for the demo's visits. Each row is
 * logged at the desk a couple of minutes after the visitor left (createdAt).
 */
async function insertVisits(tx: Prisma.TransactionClient, rows: VisitRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(f: (r: VisitRow) => T) => rows.map(f);
  const logged = column((r) => new Date(r.occurredAt.getTime() + 120_000).toISOString());
  await tx.$executeRaw`
    INSERT INTO "AdviceVisit" (id, "advicePointId", "adviserId", "occurredAt", channel, languages, interpreter, outcome,
      "durationMinutes", "ageBand", gender, origin, "timeInFinland", "firstVisit", note, "createdAt", "updatedAt")
    SELECT u.id, u.point, u.adviser, u.at, u.channel::"VisitChannel", string_to_array(u.languages, ','), u.interpreter::"InterpreterKind",
      u.outcome::"VisitOutcome", u.minutes, u.age::"AgeBand", u.gender::"VisitorGender", u.origin, u.here::"TimeInFinlandBand",
      u.first, u.note, u.logged, u.logged
    FROM unnest(
      ${column((r) => r.id)}::uuid[], ${column((r) => r.advicePointId)}::uuid[], ${column((r) => r.adviserId)}::uuid[],
      ${column((r) => r.occurredAt.toISOString())}::timestamptz[], ${column((r) => r.channel)}::text[], ${column((r) => r.languages.join(","))}::text[],
      ${column((r) => r.interpreter)}::text[], ${column((r) => r.outcome)}::text[], ${column((r) => r.durationMinutes)}::int[],
      ${column((r) => r.ageBand)}::text[], ${column((r) => r.gender)}::text[], ${column((r) => r.origin)}::text[],
      ${column((r) => r.timeInFinland)}::text[], ${column((r) => r.firstVisit)}::boolean[], ${column((r) => r.note)}::text[], ${logged}::timestamptz[]
    ) AS u(id, point, adviser, at, channel, languages, interpreter, outcome, minutes, age, gender, origin, here, first, note, logged)`;
}
