// Field schemas shared by forms (zodResolver), server actions and the JSON API. Messages are
// translation keys under "validation" in messages/*.json, never English sentences.
import "./zod-config";
import { z } from "zod";

// C0 controls other than tab and newline, DEL and the C1 block. PostgreSQL refuses U+0000 in
// text outright (a 500 if it got that far); the others are invisible and have no use in a name
// or a note. Directional marks (U+200E, U+200F) are ordinary Arabic typing and stay allowed.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const NEWLINE = /[\n\r]/;

/** True when the string holds a character no written text may hold (see FORBIDDEN_CONTROL) or broken UTF-16. */
export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN_CONTROL.test(value) || !value.isWellFormed();
}

export interface TextOptions {
  /** Longest accepted length after trimming, in UTF-16 code units (what PostgreSQL's varchar counts is close enough; there is no varchar limit below this). */
  max: number;
  /** Shortest accepted length after trimming; 1 makes the field required. */
  min?: number;
  /** A note or a description: newlines are kept (CRLF becomes LF). A single-line field refuses them. */
  multiline?: boolean;
}

/**
 * The one schema for a string a person or a system writes: trimmed, bounded, free of control
 * characters and of broken UTF-16 (a lone surrogate), refused with a translated key otherwise.
 * Length is checked before anything else looks at a megabyte string.
 */
export function text({ max, min = 0, multiline = false }: TextOptions) {
  return z
    .string({ error: "validation.required" })
    .max(max * 4 + 1024, "validation.tooLong") // a cheap early cut before trimming a huge string
    .transform((raw) => (multiline ? raw.replace(/\r\n?/g, "\n") : raw).trim())
    .pipe(
      z
        .string()
        .min(min, "validation.required")
        .max(max, "validation.tooLong")
        .refine((s) => !hasForbiddenCharacters(s), "validation.controlCharacters")
        .refine((s) => multiline || !NEWLINE.test(s), "validation.singleLine"),
    );
}

/** A required single-line text (a name, a municipality). */
export const requiredText = (max = 200) => text({ max, min: 1 });

/** Optional text: missing, null and blank all become null, so the database keeps one "empty". */
export const optionalText = (max: number, options: { multiline?: boolean } = {}) =>
  text({ max, multiline: options.multiline })
    .nullish()
    .transform((v) => (v ? v : null));

/** A written reason for a decision (cancelling, marking urgent, moving in the queue). */
export const reasonField = text({ max: 1000, min: 1, multiline: true });
/** An optional reason: required only where a refinement says so. */
export const optionalReason = text({ max: 1000, multiline: true }).nullish();
/** A note for the provider or the record. */
export const optionalNote = text({ max: 2000, multiline: true }).nullish();

/** A free-text filter from a query string or a search box: blank means "no filter". */
export const filterText = (max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), text({ max }).optional());

export const emailField = z
  .string({ error: "validation.required" })
  .max(1024, "validation.tooLong")
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .refine((s) => !hasForbiddenCharacters(s), "validation.controlCharacters")
  .pipe(z.email({ error: "validation.email" }));

/** An optional e-mail address: missing, null and blank all become null. */
export const optionalEmail = z
  .preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), emailField.nullish())
  .transform((v) => v ?? null);
