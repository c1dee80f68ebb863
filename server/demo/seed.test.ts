// The demo seed against a real migrated database. The test database is shared with other test
// files, so the seed may already be there (it is keyed on admin@example.fi): assertions look at
// the demo organisations' rows only and hold whether this run created them or not.
import { beforeAll, describe, expect, it } from "vitest";
import { isValidIdentityCode } from "../../lib/identity-code";
import { testDb } from "../testing/db";
import { verifyPassword } from "../auth/password";
import { decryptIdentityCode } from "../crypto";
import { ORGANISATION_TYPES_OF_ROLE } from "../../lib/organisations";
import { helsinkiTimestamp } from "../../lib/dates";
import { buildDemoData, checkDemoData, DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from "./data";
import { buildDemoVisits, isFinnishHoliday } from "./visits";
import { seedDemoData } from "./seed";

const prisma = testDb();
const HELD = ["OFFERED", "CONFIRMED", "STARTED"] as const;

async function demoOrganisations() {
  const organisations = await prisma.organisation.findMany({
    where: { businessId: { in: DEMO_ORGANISATIONS.map((o) => o.businessId) } },
  });
  return {
    officeIds: organisations.filter((o) => o.type === "EMPLOYMENT_AUTHORITY").map((o) => o.id),
    providerIds: organisations.filter((o) => o.type === "TRAINING_PROVIDER").map((o) => o.id),
    advicePointIds: organisations.filter((o) => o.type === "ADVICE_POINT").map((o) => o.id),
    count: organisations.length,
  };
}

async function demoRowCounts() {
  const { officeIds, providerIds, advicePointIds, count } = await demoOrganisations();
  const ofCourses = { course: { providerId: { in: providerIds } } };
  const ofPoints = { visit: { advicePointId: { in: advicePointIds } } };
  const [users, clients, courses, enrolments, events, visits, topics, destinations] = await Promise.all([
    prisma.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } }),
    prisma.client.count({ where: { officeId: { in: officeIds } } }),
    prisma.course.count({ where: { providerId: { in: providerIds } } }),
    prisma.enrolment.count({ where: ofCourses }),
    prisma.enrolmentEvent.count({ where: { enrolment: ofCourses } }),
    prisma.adviceVisit.count({ where: { advicePointId: { in: advicePointIds } } }),
    prisma.adviceVisitTopic.count({ where: ofPoints }),
    prisma.adviceVisitDestination.count({ where: ofPoints }),
  ]);
  return { organisations: count, users, clients, courses, enrolments, events, visits, topics, destinations };
}

describe("demo data (pure)", () => {
  const days = [
    new Date(),
    new Date("2026-01-01T00:00:00Z"),
    new Date("2026-03-29T23:59:59Z"),
    new Date("2026-10-25T01:30:00Z"),
    new Date("2028-02-29T12:00:00Z"),
  ];

  it.each(days.map((d) => [d.toISOString(), d] as const))("is consistent when told on %s", (_label, today) => {
    expect(checkDemoData(buildDemoData(today), today)).toEqual([]);
  });

  it("is deterministic for a given day", () => {
    const today = new Date("2026-06-15T10:00:00Z");
    expect(buildDemoData(today)).toEqual(buildDemoData(today));
  });

  it("has valid identity codes, and about a quarter of the clients have none", () => {
    const { clients } = buildDemoData(new Date());
    const codes = clients.flatMap((c) => (c.identityCode ? [c.identityCode] : []));
    for (const code of codes) expect(isValidIdentityCode(code), code).toBe(true);
    const without = clients.length - codes.length;
    expect(without).toBeGreaterThanOrEqual(Math.floor(clients.length / 5));
    expect(without).toBeLessThanOrEqual(Math.ceil(clients.length / 3));
  });

  it("uses only example domains for client e-mail", () => {
    for (const c of buildDemoData(new Date()).clients) {
      if (c.email) expect(c.email).toMatch(/^[a-z0-9.-]+@example\.(com|org)$/);
    }
  });
});

describe("demo visits (pure)", () => {
  const today = new Date("2026-12-03T08:00:00Z");
  const visits = buildDemoVisits(today);
  const month = (v: { occurredAt: Date }) => helsinkiTimestamp(v.occurredAt).slice(0, 7);
  const count = <T,>(values: T[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<T, number>());

  it("fills the six months before today at both points, several hundred each, weekdays only and never on a holiday", () => {
    const byPoint = count(visits.map((v) => v.advicePoint));
    expect(byPoint.get("advice-helsinki")).toBeGreaterThan(600);
    expect(byPoint.get("advice-vantaa")).toBeGreaterThan(300);
    expect(helsinkiTimestamp(visits[0]!.occurredAt) >= "2026-06-02").toBe(true);
    expect(helsinkiTimestamp(visits.at(-1)!.occurredAt) < "2026-12-03").toBe(true);
    for (const v of visits) {
      const day = helsinkiTimestamp(v.occurredAt).slice(0, 10);
      expect([0, 6]).not.toContain(new Date(`${day}T12:00:00Z`).getUTCDay());
      expect(isFinnishHoliday(day), day).toBe(false);
    }
    // Every month has visits at both points, also for another day the demo is started on.
    const later = buildDemoVisits(new Date("2027-05-20T06:00:00Z"));
    for (const set of [visits, later]) {
      const months = count(set.map((v) => `${v.advicePoint} ${month(v)}`));
      expect(months.size).toBe(14);
    }
  });

  it("is seasonal: autumn is busier than July, and the same day has the same visits whatever today is", () => {
    const helsinki = count(visits.filter((v) => v.advicePoint === "advice-helsinki").map(month));
    expect(helsinki.get("2026-07")! * 2).toBeLessThan(helsinki.get("2026-10")!);
    expect(helsinki.get("2026-09")!).toBeGreaterThan(helsinki.get("2026-07")!);
    const october = (set: typeof visits) => set.filter((v) => month(v) === "2026-10");
    expect(october(buildDemoVisits(new Date("2026-12-20T08:00:00Z")))).toEqual(october(visits));
  });

  it("speaks the region's languages, comes mostly in person or by phone, and refers according to the topic", () => {
    const languages = count(visits.map((v) => v.languages[0]!));
    expect(new Set(languages.keys())).toEqual(new Set(["ar", "so", "ru", "uk", "fa", "en", "fi", "sv", "ku", "ti"]));
    expect(languages.get("ar")!).toBeGreaterThan(languages.get("sv")! * 4);
    const channels = count(visits.map((v) => v.channel));
    expect((channels.get("WALK_IN")! + channels.get("PHONE")!) / visits.length).toBeGreaterThan(0.7);
    const topics = count(visits.map((v) => v.topics.length));
    expect(topics.get(1)! > topics.get(2)! && topics.get(2)! > visits.length / 5).toBe(true);
    const permits = visits.filter((v) => v.topics[0] === "residence_permit" && v.outcome === "REFERRED");
    expect(permits.filter((v) => v.destinations.includes("migri")).length / permits.length).toBeGreaterThan(0.5);
    const withProfile = visits.filter((v) => v.ageBand || v.gender || v.timeInFinland).length;
    expect(withProfile / visits.length).toBeGreaterThan(0.2);
    expect(withProfile / visits.length).toBeLessThan(0.7);
  });
});

describe("seedDemoData", () => {
  let firstRun: { created: boolean };

  beforeAll(async () => {
    firstRun = await seedDemoData(prisma);
  }, 120_000);

  it("is idempotent: a second run changes nothing", async () => {
    expect(typeof firstRun.created).toBe("boolean");
    const before = await demoRowCounts();
    expect(await seedDemoData(prisma)).toEqual({ created: false });
    expect(await demoRowCounts()).toEqual(before);
  });

  it("creates the demo accounts with their roles and organisations", async () => {
    const users = await prisma.user.findMany({
      where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
      include: { organisation: true },
    });
    for (const account of DEMO_ACCOUNTS) {
      const user = users.find((u) => u.email === account.email);
      expect(user, account.email).toBeDefined();
      expect(user?.role).toBe(account.role);
      if (account.role === "ADMIN") expect(user?.organisation).toBeNull();
      else expect(ORGANISATION_TYPES_OF_ROLE[account.role], account.email).toContain(user?.organisation?.type);
    }
    for (const email of ["virkailija@example.fi", "virkailija2@example.fi", "virkailija3@example.fi", "jarjestaja@example.fi", "neuvoja@example.fi", "neuvoja2@example.fi", "admin@example.fi"]) {
      expect(users.map((u) => u.email)).toContain(email);
    }
    const where = (email: string) => users.find((u) => u.email === email)?.organisation;
    expect(where("virkailija@example.fi")).toMatchObject({ name: "Helsingin työllisyyspalvelut", type: "EMPLOYMENT_AUTHORITY" });
    expect(where("virkailija3@example.fi")).toMatchObject({ name: "Espoon kotoutumispalvelut", type: "INTEGRATION_SERVICES", operator: null });
    expect(where("neuvoja@example.fi")).toMatchObject({ name: "Helsingin kaupungin neuvontapiste", municipality: "Helsinki", type: "ADVICE_POINT", operator: "MUNICIPALITY" });
    expect(where("neuvoja2@example.fi")).toMatchObject({ municipality: "Vantaa", type: "ADVICE_POINT", operator: "NGO" });
    for (const email of ["neuvoja@example.fi", "neuvoja2@example.fi"]) {
      const adviser = users.find((u) => u.email === email)!;
      expect(adviser).toMatchObject({ role: "ADVISER", locale: "fi" });
      expect(await verifyPassword(adviser.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    }
    const official = users.find((u) => u.email === "virkailija@example.fi");
    expect(await verifyPassword(official?.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
  });

  it("has several hundred visits at each advice point, logged by its adviser, with built-in topics and destinations", async () => {
    const { advicePointIds } = await demoOrganisations();
    expect(advicePointIds).toHaveLength(2);
    for (const id of advicePointIds) {
      const visits = await prisma.adviceVisit.count({ where: { advicePointId: id } });
      expect(visits).toBeGreaterThan(300);
      const advisers = await prisma.adviceVisit.groupBy({ by: ["adviserId"], where: { advicePointId: id } });
      const adviser = await prisma.user.findUniqueOrThrow({ where: { id: advisers[0]!.adviserId! } });
      expect(advisers).toHaveLength(1);
      expect(adviser).toMatchObject({ role: "ADVISER", organisationId: id });
    }
    const topics = await prisma.adviceVisitTopic.findMany({ where: { visit: { advicePointId: { in: advicePointIds } } }, select: { topic: { select: { kind: true, code: true } } }, distinct: ["topicId"] });
    expect(topics.every((t) => t.topic.kind === "TOPIC" && t.topic.code)).toBe(true);
    expect(topics.length).toBeGreaterThan(10);
    const referred = await prisma.adviceVisit.count({ where: { advicePointId: { in: advicePointIds }, outcome: "REFERRED", destinations: { none: {} } } });
    expect(referred).toBe(0);
  });

  it("has at least 15 courses covering every study path, both languages and both schedules", async () => {
    const { providerIds } = await demoOrganisations();
    const courses = await prisma.course.findMany({ where: { providerId: { in: providerIds } } });
    expect(courses.length).toBeGreaterThanOrEqual(15);
    expect(new Set(courses.map((c) => c.studyPath))).toEqual(new Set(["FAST", "BASIC", "SLOW", "LITERACY"]));
    expect(new Set(courses.map((c) => c.instructionLanguage))).toEqual(new Set(["FI", "SV"]));
    expect(new Set(courses.map((c) => c.schedule))).toEqual(new Set(["DAY", "EVENING"]));
  });

  it("has at least 60 clients, some without an identity code", async () => {
    const { officeIds } = await demoOrganisations();
    const clients = await prisma.client.findMany({
      where: { officeId: { in: officeIds } },
      select: { identityCodeCiphertext: true, identityCodeHmac: true },
    });
    expect(clients.length).toBeGreaterThanOrEqual(60);
    expect(clients.filter((c) => c.identityCodeHmac === null).length).toBeGreaterThan(0);
    const withCode = clients.find((c) => c.identityCodeCiphertext !== null);
    // Decryptable with the environment's key when this run wrote the rows.
    if (firstRun.created && withCode?.identityCodeCiphertext) {
      expect(isValidIdentityCode(decryptIdentityCode(withCode.identityCodeCiphertext))).toBe(true);
    }
  });

  it("keeps seatsHeld equal to the held enrolments and within capacity, with a full course that has a queue", async () => {
    const { providerIds } = await demoOrganisations();
    const courses = await prisma.course.findMany({
      where: { providerId: { in: providerIds } },
      select: {
        name: true,
        capacity: true,
        seatsHeld: true,
        enrolments: { select: { status: true } },
      },
    });
    for (const course of courses) {
      const held = course.enrolments.filter((e) => (HELD as readonly string[]).includes(e.status)).length;
      expect(course.seatsHeld, course.name).toBe(held);
      expect(course.seatsHeld, course.name).toBeLessThanOrEqual(course.capacity);
    }
    const fullWithQueue = courses.filter(
      (c) => c.seatsHeld === c.capacity && c.enrolments.some((e) => e.status === "WAITLISTED"),
    );
    expect(fullWithQueue.length).toBeGreaterThanOrEqual(1);
  });

  it("gives every enrolment a history that ends in its status", async () => {
    const { providerIds } = await demoOrganisations();
    const enrolments = await prisma.enrolment.findMany({
      where: { course: { providerId: { in: providerIds } } },
      select: {
        status: true,
        events: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { toStatus: true } },
      },
    });
    expect(enrolments.length).toBeGreaterThan(0);
    for (const e of enrolments) {
      expect(e.events.length).toBeGreaterThanOrEqual(1);
      expect(e.events[0]?.toStatus).toBe(e.status);
    }
  });
});
