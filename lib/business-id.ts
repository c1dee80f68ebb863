// Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit. The digits are weighted
// 7, 9, 10, 5, 8, 4, 2; the remainder of the sum mod 11 is 0 (check digit 0) or 2–10 (check digit
// 11 − remainder); a remainder of 1 is never issued.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

export type BusinessIdProblem = "format" | "checkDigit";

export function businessIdProblem(value: string): BusinessIdProblem | null {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return "format";
  const digits = [...match[1]!].map(Number);
  const remainder = digits.reduce((sum, d, i) => sum + d * WEIGHTS[i]!, 0) % 11;
  if (remainder === 1) return "checkDigit";
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === Number(match[2]) ? null : "checkDigit";
}

/** For tests and demo data: the full business id for seven digits, or null when no check digit exists. */
export function withCheckDigit(seven: string): string | null {
  const remainder = [...seven].map(Number).reduce((sum, d, i) => sum + d * WEIGHTS[i]!, 0) % 11;
  if (remainder === 1) return null;
  return `${seven}-${remainder === 0 ? 0 : 11 - remainder}`;
}
