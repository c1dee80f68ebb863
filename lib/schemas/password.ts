// The password rule, shared by the set-password form (zodResolver) and its server action.
import "./zod-config";
import { z } from "zod";
import { hasForbiddenCharacters } from "./fields";

export const PASSWORD_MIN_LENGTH = 12;

/** Not trimmed: spaces may be part of a password. Length counts characters, not bytes. */
export const newPasswordField = z
  .string({ error: "validation.required" })
  .min(1, "validation.required")
  .min(PASSWORD_MIN_LENGTH, "admin.validation.passwordTooShort")
  .max(200, "validation.tooLong")
  .refine((s) => !hasForbiddenCharacters(s), "validation.controlCharacters");

export const setPasswordSchema = z
  .object({ password: newPasswordField, confirm: z.string({ error: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong").refine((s) => !hasForbiddenCharacters(s), "validation.controlCharacters") })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "admin.validation.passwordsDiffer" });

export type SetPasswordInput = z.infer<typeof setPasswordSchema>;
