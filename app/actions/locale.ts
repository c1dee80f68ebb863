"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "@/lib/i18n";
import { rememberLocale } from "@/server/users";
import { currentActor } from "@/server/auth/session";

const localeSchema = z.object({ locale: z.enum(locales) });

/** Remembers the chosen UI language in a cookie and, for staff, on their account. */
export async function chooseLocale(formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
    secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  });
  const actor = await currentActor();
  if (actor) await rememberLocale(actor, parsed.data.locale);
  revalidatePath("/", "layout");
}
