// Small builders for integration tests: each call creates fresh, uniquely named rows.
import type { Role } from "../db/generated/enums";
import { hashPassword } from "../auth/password";
import { testDb, uniqueSuffix } from "./db";
import { parseDate } from "../../lib/dates";
import { ORGANISATION_TYPES_OF_ROLE, type ManagedOrganisationType } from "../../lib/organisations";

export async function makeOrganisation(type: ManagedOrganisationType = "EMPLOYMENT_AUTHORITY") {
  return testDb().organisation.create({
    // An advice point needs its operator (a CHECK); the others have none.
    data: { type, name: `Test ${type} ${uniqueSuffix()}`, municipality: "Helsinki", operator: type === "ADVICE_POINT" ? "NGO" : null },
  });
}

let passwordHash: Promise<string> | undefined;

export async function makeUser(role: Role, options: { password?: string; organisationId?: string | null } = {}) {
  const organisationId =
    options.organisationId !== undefined
      ? options.organisationId
      : role === "ADMIN"
        ? null
        : (await makeOrganisation(ORGANISATION_TYPES_OF_ROLE[role][0])).id;
  const hash = options.password ? hashPassword(options.password) : (passwordHash ??= hashPassword("correct horse battery staple"));
  return testDb().user.create({
    data: { email: `user.${uniqueSuffix()}@example.fi`, name: "Test User", role, organisationId, passwordHash: await hash },
  });
}

export interface World {
  office: { id: string };
  provider: { id: string };
  official: import("../auth/actor").Actor;
  providerStaff: import("../auth/actor").Actor;
}

function actorOf(user: { id: string; email: string; name: string; role: Role; organisationId: string | null }, organisationName: string) {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId, organisationName };
}

/** An employment office with an official and a training provider with a coordinator. */
export async function makeWorld(): Promise<World> {
  const office = await makeOrganisation("EMPLOYMENT_AUTHORITY");
  const provider = await makeOrganisation("TRAINING_PROVIDER");
  const official = await makeUser("OFFICIAL", { organisationId: office.id });
  const staff = await makeUser("PROVIDER_STAFF", { organisationId: provider.id });
  return { office, provider, official: actorOf(official, office.name), providerStaff: actorOf(staff, provider.name) };
}

export async function makeCourse(providerId: string, capacity: number, data: Partial<import("../db/generated/client").Prisma.CourseUncheckedCreateInput> = {}) {
  return testDb().course.create({
    data: {
      providerId,
      name: `Suomi ${uniqueSuffix()}`,
      instructionLanguage: "FI",
      studyPath: "BASIC",
      levelFrom: "A0",
      levelTo: "A1_3",
      municipality: "Helsinki",
      schedule: "DAY",
      startsOn: parseDate("2099-01-10"),
      endsOn: parseDate("2099-06-10"),
      capacity,
      status: "PUBLISHED",
      ...data,
    },
  });
}

export async function makeClient(officeId: string, data: Partial<import("../db/generated/client").Prisma.ClientUncheckedCreateInput> = {}) {
  const s = uniqueSuffix();
  return testDb().client.create({
    data: { officeId, firstName: "Test", lastName: `Client ${s}`, dateOfBirth: parseDate("1990-01-01"), studyPath: "BASIC", email: `client.${s}@example.com`, preferredLanguage: "en", ...data },
  });
}

/** An advice point (neuvontapiste) run by a municipality. */
export async function makeAdvicePoint(name?: string) {
  return testDb().organisation.create({
    data: { type: "ADVICE_POINT", operator: "MUNICIPALITY", name: name ?? `Test ADVICE_POINT ${uniqueSuffix()}`, municipality: "Helsinki" },
  });
}

/** An adviser of the advice point. */
export async function makeAdviser(advicePointId: string) {
  return makeUser("ADVISER", { organisationId: advicePointId });
}
