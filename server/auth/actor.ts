import "server-only";
import type { Role } from "../db/generated/enums";

/** Who is acting, from which organisation: every domain function takes one. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
}

export function homePathFor(role: Role): string {
  switch (role) {
    case "OFFICIAL":
      return "/official";
    case "PROVIDER_STAFF":
      return "/provider";
    case "ADMIN":
      return "/admin";
    case "ADVISER":
      return "/advice";
  }
}

/** Loads the acting user fresh from the database so deactivation takes effect at once. */
export async function loadActor(
  prisma: import("../db/client").PrismaClient,
  userId: string,
): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { organisation: true } });
  if (!user || user.deactivatedAt) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisation?.name ?? null,
  };
}
