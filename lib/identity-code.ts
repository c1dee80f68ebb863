// Finnish personal identity code (henkilötunnus), DDMMYYCZZZQ. Pure (calendar days from ./dates) so the same
// rules run in form validation in the browser, in server actions and in demo-data scripts.
// Rules: https://dvv.fi/en/personal-identity-code (century letters Y–U and B–F added in 2023).

import { helsinkiToday, isDateString, parseDate } from "./dates";

export type IdentityCodeError =
  | "FORMAT"
  | "CENTURY_SIGN"
  | "DATE"
  | "FUTURE_DATE"
  | "INDIVIDUAL_NUMBER"
  | "CHECK_CHARACTER";

export type ParsedIdentityCode = {
  /** Trimmed and upper-cased: the form to store and compare. */
  normalised: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /** Individual number 900–999: a temporary code, not a permanent identity. */
  temporary: boolean;
};

type IdentityCodeResult = { ok: true; value: ParsedIdentityCode } | { ok: false; error: IdentityCodeError };

const CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

const CENTURY_BY_SIGN: Readonly<Record<string, number>> = {
  "+": 1800,
  "-": 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

// The sign written when a caller does not choose one: the traditional pre-2023 signs.
const DEFAULT_SIGN_BY_CENTURY: Readonly<Record<number, string>> = { 1800: "+", 1900: "-", 2000: "A" };

const FIRST_TEMPORARY_INDIVIDUAL_NUMBER = 900;
// 000 and 001 are never issued.
const FIRST_ISSUED_INDIVIDUAL_NUMBER = 2;

// Only the shape is checked here; the century sign is any one character so that a wrong sign is
// reported as CENTURY_SIGN, and the check character any letter or digit so that a wrong one is
// reported as CHECK_CHARACTER rather than as a formatting mistake.
const SHAPE = /^(\d{2})(\d{2})(\d{2})(.)(\d{3})([0-9A-Z])$/;

const ERROR_KEYS: Readonly<Record<IdentityCodeError, string>> = {
  FORMAT: "validation.identityCode.format",
  CENTURY_SIGN: "validation.identityCode.centurySign",
  DATE: "validation.identityCode.date",
  FUTURE_DATE: "validation.identityCode.futureDate",
  INDIVIDUAL_NUMBER: "validation.identityCode.individualNumber",
  CHECK_CHARACTER: "validation.identityCode.checkCharacter",
};

export function parseIdentityCode(input: string, today: Date = new Date()): IdentityCodeResult {
  const normalised = input.trim().toUpperCase();
  const match = SHAPE.exec(normalised);
  if (!match) return { ok: false, error: "FORMAT" };
  const [, dd = "", mm = "", yy = "", sign = "", individualDigits = "", checkCharacter = ""] = match;

  const century = CENTURY_BY_SIGN[sign];
  if (century === undefined) return { ok: false, error: "CENTURY_SIGN" };

  const individualNumber = Number(individualDigits);
  if (individualNumber < FIRST_ISSUED_INDIVIDUAL_NUMBER) return { ok: false, error: "INDIVIDUAL_NUMBER" };

  const dateOfBirth = `${century + Number(yy)}-${mm}-${dd}`;
  if (!isDateString(dateOfBirth)) return { ok: false, error: "DATE" };
  // ISO dates compare correctly as strings; being born today (in Finland) is fine.
  if (dateOfBirth > helsinkiToday(today)) return { ok: false, error: "FUTURE_DATE" };

  if (checkCharacter !== identityCodeCheckCharacter(dd + mm + yy + individualDigits)) {
    return { ok: false, error: "CHECK_CHARACTER" };
  }

  return {
    ok: true,
    value: { normalised, dateOfBirth, temporary: individualNumber >= FIRST_TEMPORARY_INDIVIDUAL_NUMBER },
  };
}

export function isValidIdentityCode(input: string, today?: Date): boolean {
  return parseIdentityCode(input, today).ok;
}

/** Shaped like an identity code, valid or not: such a term never goes into a URL (a mistyped code is still someone's). */
export function looksLikeIdentityCode(input: string): boolean {
  return SHAPE.test(input.trim().toUpperCase());
}

// Inside running text: a valid century sign between the date and the individual part, and no
// letter or digit glued to either end (so a longer number or word is not taken for one).
const SHAPE_IN_TEXT = /(?<![0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Za-z](?![0-9A-Za-z])/i;

/**
 * Whether running text (a note) holds something shaped like an identity code, valid or not: a
 * mistyped code is still someone's. Returns the first such part, or null.
 */
export function findIdentityCodeShape(text: string): string | null {
  return SHAPE_IN_TEXT.exec(text)?.[0] ?? null;
}

/** The check character for DDMMYYZZZ: the nine digits as one integer, mod 31. */
export function identityCodeCheckCharacter(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError(`Expected nine digits, got "${nineDigits}"`);
  // At most 999 999 999, well inside the exact integer range of a double.
  return CHECK_CHARACTERS.charAt(Number(nineDigits) % 31);
}

/**
 * Builds a valid code, e.g. for demo data and tests. The century sign defaults to "+" for the
 * 1800s, "-" for the 1900s and "A" for the 2000s. Throws on input that cannot give a valid code,
 * so that bad demo data fails loudly instead of producing codes the validator rejects.
 */
export function makeIdentityCode(dateOfBirth: string, individualNumber: number, centurySign?: string): string {
  const year = parseDate(dateOfBirth).getUTCFullYear();
  const [yyyy = "", mm = "", dd = ""] = dateOfBirth.split("-");
  const century = year - (year % 100);
  const sign = centurySign?.toUpperCase() ?? DEFAULT_SIGN_BY_CENTURY[century];
  if (sign === undefined || CENTURY_BY_SIGN[sign] !== century) {
    throw new RangeError(`No century sign "${centurySign ?? ""}" for the year ${year}`);
  }
  if (!Number.isInteger(individualNumber) || individualNumber < FIRST_ISSUED_INDIVIDUAL_NUMBER || individualNumber > 999) {
    throw new RangeError(`Individual number must be an integer 2–999, got ${individualNumber}`);
  }
  const yy = yyyy.slice(2);
  const individualDigits = String(individualNumber).padStart(3, "0");
  return `${dd}${mm}${yy}${sign}${individualDigits}${identityCodeCheckCharacter(dd + mm + yy + individualDigits)}`;
}

/**
 * Masks everything after the century sign: "131052-308T" -> "131052-****". The date of birth stays
 * visible to tell people apart; the individual part is what makes the code identifying. Anything that
 * is not 11 characters is masked entirely, so a malformed code never leaks.
 */
export function maskIdentityCode(code: string): string {
  const normalised = code.trim().toUpperCase();
  if (normalised.length !== 11) return "*".repeat(normalised.length);
  return normalised.slice(0, 7) + "****";
}

/** Translation key under "validation" in messages/*.json, e.g. "validation.identityCode.checkCharacter". */
export function identityCodeErrorKey(error: IdentityCodeError): string {
  return ERROR_KEYS[error];
}
