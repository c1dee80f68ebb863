import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "../db/generated/enums";
import { db } from "../db/client";
import { loadActor, type Actor } from "./actor";
import { authOptions } from "./options";

/** The signed-in staff member for this request, or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  return session ? loadActor(db(), session.user.id) : null;
});

/** For pages: sends the anonymous to sign in, and answers 404 to a role that has no business here. */
export async function requireActor(roles: readonly Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  if (!roles.includes(actor.role)) notFound();
  return actor;
}
