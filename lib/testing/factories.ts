// Small builders for integration tests: each call creates fresh, uniquely named rows.
import type { Role } from "../../server/db/generated/enums";
import { hashPassword } from "../../server/auth/password";
import { testDb, uniqueSuffix } from "./db";

export async function makeOrganisation(type: "EMPLOYMENT_OFFICE" | "TRAINING_PROVIDER" = "EMPLOYMENT_OFFICE") {
  return testDb().organisation.create({
    data: { type, name: `Test ${type} ${uniqueSuffix()}`, municipality: "Helsinki" },
  });
}

let passwordHash: Promise<string> | undefined;

export async function makeUser(role: Role, options: { password?: string; organisationId?: string | null } = {}) {
  const organisationId =
    options.organisationId !== undefined
      ? options.organisationId
      : role === "ADMIN"
        ? null
        : (await makeOrganisation(role === "OFFICIAL" ? "EMPLOYMENT_OFFICE" : "TRAINING_PROVIDER")).id;
  const hash = options.password ? hashPassword(options.password) : (passwordHash ??= hashPassword("correct horse battery staple"));
  return testDb().user.create({
    data: { email: `user.${uniqueSuffix()}@example.fi`, name: "Test User", role, organisationId, passwordHash: await hash },
  });
}
