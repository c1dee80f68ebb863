import "./zod-config";
import { z } from "zod";
import { hasForbiddenCharacters } from "./fields";

// A client's answer on their personal page (/o/<token>).
export const SELF_SERVICE_ANSWERS = ["accept", "acceptConditional", "decline", "leave"] as const;

export const selfServiceAnswerSchema = z.object({
  token: z.string().min(1).max(200, "validation.tooLong").refine((s) => !hasForbiddenCharacters(s), "validation.controlCharacters"),
  answer: z.enum(SELF_SERVICE_ANSWERS),
});
export type SelfServiceAnswerInput = z.infer<typeof selfServiceAnswerSchema>;

/** The languages of the client pages: the UI's three and the other languages clients choose. */
export const SELF_SERVICE_LANGUAGES = ["fi", "sv", "en", "ru", "uk", "ar"] as const;
export type SelfServiceLanguage = (typeof SELF_SERVICE_LANGUAGES)[number];
export const selfServiceLanguageNames: Record<SelfServiceLanguage, string> = {
  fi: "Suomi",
  sv: "Svenska",
  en: "English",
  ru: "Русский",
  uk: "Українська",
  ar: "العربية",
};

export function isSelfServiceLanguage(value: unknown): value is SelfServiceLanguage {
  return typeof value === "string" && (SELF_SERVICE_LANGUAGES as readonly string[]).includes(value);
}
