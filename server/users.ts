import "server-only";
import type { Actor } from "./auth/actor";
import { db } from "./db/client";
import type { Locale } from "../lib/i18n";

export async function rememberLocale(actor: Actor, locale: Locale): Promise<void> {
  await db().user.update({ where: { id: actor.userId }, data: { locale } });
}
