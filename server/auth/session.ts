import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "../db/generated/enums";
import { db } from "../db/client";
import { loadActor, type Actor } from "./actor";
import type { SessionEnd } from "./lifetime";
import { authOptions } from "./options";

/** This request's session: the signed-in staff member, or why the session ended (lifetime.ts), or nobody. */
const currentSession = cache(async (): Promise<{ actor: Actor | null; ended: SessionEnd | null }> => {
  const session = await getServerSession(authOptions());
  if (!session) return { actor: null, ended: null };
  if (session.ended) return { actor: null, ended: session.ended };
  return { actor: await loadActor(db(), session.user.id), ended: null };
});

/** The signed-in staff member for this request, or null. */
export async function currentActor(): Promise<Actor | null> {
  return (await currentSession()).actor;
}

/**
 * For pages, actions and exports: sends the anonymous to sign in (saying so when their session ended
 * for inactivity or its 8 hours), and answers 404 to a role that has no business here.
 */
export async function requireActor(roles: readonly Role[]): Promise<Actor> {
  const { actor, ended } = await currentSession();
  if (!actor) redirect(ended ? `/signin?ended=${ended}` : "/signin");
  if (!roles.includes(actor.role)) notFound();
  return actor;
}
