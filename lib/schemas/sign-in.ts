import "./zod-config";
import { z } from "zod";
import { emailField, hasForbiddenCharacters } from "./fields";

export const signInSchema = z.object({
  email: emailField,
  // Not trimmed: spaces may be part of a password.
  password: z.string({ error: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong").refine((s) => !hasForbiddenCharacters(s), "validation.controlCharacters"),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** Why a sign-in failed; the UI maps each to a sentence under "signIn.errors". */
export type SignInFailure = "INVALID_CREDENTIALS" | "RATE_LIMITED";
