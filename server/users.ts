import "server-only";
import type { Actor } from "./auth/actor";
import { db } from "./db/client";
import { isLocale, type Locale } from "../lib/i18n";

export async function rememberLocale(actor: Actor, locale: Locale): Promise<void> {
  await db().user.update({ where: { id: actor.userId }, data: { locale } });
}

/** The UI language the user last chose, if any (the JSON API answers labels in it). */
export async function storedLocale(userId: string): Promise<Locale | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { locale: true } });
  return isLocale(user?.locale) ? user.locale : null;
}
