// Field schemas shared by forms (zodResolver), server actions and the JSON API. Messages are
// translation keys under "validation" in messages/*.json, never English sentences.
import "./zod-config";
import { z } from "zod";

// Characters nobody means to write are refused, not stored or silently dropped:
// - control characters (C0, DEL, C1), NUL among them: PostgreSQL cannot store NUL in text, so it
//   used to surface as a 500. Multi-line text keeps tab and line feed; a carriage return becomes a
//   line feed first (a browser posts a textarea's lines as CRLF). Single-line text takes none.
// - lone UTF-16 surrogates, half a character: the database driver would write U+FFFD instead.
// - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder
//   what is displayed, so a name or a reason would read differently from what it holds (spoofing).
// Allowed on purpose: the plain direction marks LRM U+200E, RLM U+200F and the Arabic letter mark
// U+061C, which people writing Arabic names use to place digits and punctuation, and the
// zero-width (non-)joiners U+200C/U+200D that Persian, Indic scripts and emoji need.
// Passwords are not text in this sense (never stored, only hashed), so they keep every character.
const LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/;
const MULTILINE_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /\p{Cs}/u;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export interface TextOptions {
  /** Longest accepted length, in UTF-16 code units after trimming; every field states its own. */
  max: number;
  /** Notes, reasons, descriptions: line breaks and tabs are part of the text. */
  multiline?: boolean;
}

/**
 * The one primitive for a string a person writes: trimmed, at most `max` long, and free of the
 * characters above. Required, optional and filter fields are built from it.
 */
export function text({ max, multiline = false }: TextOptions) {
  const controls = multiline ? MULTILINE_CONTROLS : LINE_CONTROLS;
  return z
    .string({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.text") })
    .overwrite((value) => value.replace(/\r\n?/g, "\n"))
    .trim()
    .max(max, "validation.tooLong")
    .refine((value) => !controls.test(value) && !LONE_SURROGATE.test(value), "validation.controlCharacter")
    .refine((value) => !BIDI_CONTROLS.test(value), "validation.bidiControl");
}

/** Text that must be given. */
export const requiredText = (max: number, options: Omit<TextOptions, "max"> = {}) => text({ max, ...options }).min(1, "validation.required");

/** Text that may be left out: missing, null or blank is stored as null. */
export const optionalText = (max: number, options: Omit<TextOptions, "max"> = {}) =>
  text({ max, ...options })
    .optional()
    .nullable()
    .transform((value) => value || null);

const email = z.email({ error: "validation.email" });

export const emailField = text({ max: 254 }).toLowerCase().min(1, "validation.required").pipe(email);

/** An e-mail address that may be left out: missing, null or blank is stored as null. */
export const optionalEmailField = text({ max: 254 })
  .toLowerCase()
  .optional()
  .nullable()
  .transform((value) => value || null)
  .pipe(email.nullable());
