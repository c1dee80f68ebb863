// The advice-point visit log is anonymous by design: a free text written into it (the note, the
// region of origin) must not identify the visitor. This finds what is shaped like a personal
// identity code, an e-mail address or a phone number; the schema refuses such a text.
import { findIdentityCodeShape } from "./identity-code";

export type IdentifyingData = "identityCode" | "email" | "phone";

// Anything@anything.tld, also with spaces around the @ left out.
const EMAIL = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[A-Za-z]{2,}/;
// A number that starts like a phone number ("+358…", "040…", "(09) …") with at least seven
// digits in groups separated by spaces, dashes or brackets. A zero inside a date (1.02.2027,
// 2027-02-01, 1/02) or a clock time (10:05) does not start one.
const PHONE_STARTING = /(?:(?<![\w+])\+|(?<![\d.,\-/:])\(?0)(?:[ \-()]{0,2}\d){6,}/;
// Or nine digits or more in one run (a mobile number without its leading zero, 358401234567).
const LONG_NUMBER = /\d{9,}/;

/** The first kind of identifying data in `text`, or null when there is none. */
export function identifyingDataIn(text: string): IdentifyingData | null {
  if (findIdentityCodeShape(text)) return "identityCode";
  if (EMAIL.test(text)) return "email";
  if (PHONE_STARTING.test(text) || LONG_NUMBER.test(text)) return "phone";
  return null;
}
