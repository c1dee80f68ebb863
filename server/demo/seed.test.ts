// The demo seed against a real migrated database. The test database is shared with other test
// files, so the seed may already be there (it is keyed on admin@example.fi): assertions look at
// the demo organisations' rows only and hold whether this run created them or not.
import { beforeAll, describe, expect, it } from "vitest";
import { isValidIdentityCode } from "../../lib/identity-code";
import { testDb } from "../testing/db";
import { verifyPassword } from "../auth/password";
import { decryptIdentityCode } from "../crypto";
import { buildDemoData, checkDemoData, DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from "./data";
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
    count: organisations.length,
  };
}

async function demoRowCounts() {
  const { officeIds, providerIds, count } = await demoOrganisations();
  const ofCourses = { course: { providerId: { in: providerIds } } };
  const [users, clients, courses, enrolments, events] = await Promise.all([
    prisma.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } }),
    prisma.client.count({ where: { officeId: { in: officeIds } } }),
    prisma.course.count({ where: { providerId: { in: providerIds } } }),
    prisma.enrolment.count({ where: ofCourses }),
    prisma.enrolmentEvent.count({ where: { enrolment: ofCourses } }),
  ]);
  return { organisations: count, users, clients, courses, enrolments, events };
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
      const expectedType = { OFFICIAL: "EMPLOYMENT_AUTHORITY", PROVIDER_STAFF: "TRAINING_PROVIDER", ADVISER: "ADVICE_POINT", ADMIN: undefined }[account.role];
      expect(user?.organisation?.type).toBe(expectedType);
    }
    for (const email of ["virkailija@example.fi", "virkailija2@example.fi", "jarjestaja@example.fi", "admin@example.fi"]) {
      expect(users.map((u) => u.email)).toContain(email);
    }
    const official = users.find((u) => u.email === "virkailija@example.fi");
    expect(await verifyPassword(official?.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
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
