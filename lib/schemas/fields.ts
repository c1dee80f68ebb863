// Field schemas shared by forms (zodResolver), server actions and the JSON API. Messages are
// translation keys under "validation" in messages/*.json, never English sentences.
import "./zod-config";
import { z } from "zod";

// C0 controls other than tab and newline, DEL and the C1 block. PostgreSQL refuses U+0000 in
// text outright (a 500 if it got that far); the others are invisible and have no use in a name
// or a note. Directional marks (U+200E, U+200F) are ordinary Arabic typing and stay allowed.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const NEWLINE = /[\n\r]/;

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
        .refine((s) => !FORBIDDEN_CONTROL.test(s), "validation.controlCharacters")
        .refine((s) => multiline || !NEWLINE.test(s), "validation.singleLine")
        .refine((s) => s.isWellFormed(), "validation.controlCharacters"),
    );
}

/** A required single-line text (a name, a municipality). */
export const requiredText = (max = 200) => text({ max, min: 1 });

/** Optional text: missing, null and blank all become null, so the database keeps one "empty". */
export const optionalText = (max: number, options: { multiline?: boolean } = {}) =>
  text({ max, multiline: options.multiline })
    .nullish()
    .transform((v) => (v ? v : null));

export const emailField = z
  .string({ error: "validation.required" })
  .max(1024, "validation.tooLong")
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .refine((s) => !FORBIDDEN_CONTROL.test(s), "validation.controlCharacters")
  .pipe(z.email({ error: "validation.email" }));
