// Calendar days and Finnish time, in one place. A calendar day is a "YYYY-MM-DD" string in the
// code and a Date at 00:00 UTC in a Prisma `@db.Date` column; "today" is the day in Finland,
// whatever the server's clock zone. Pure, so pages, forms, scripts and the server share it.

export const FINNISH_TIME_ZONE = "Europe/Helsinki";

const DAY_MS = 86_400_000;
const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_SHAPE = /^(\d{4})-(\d{2})$/;

// Building an Intl formatter costs more than a referral's queries; build it once.
const finnishClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: FINNISH_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function finnishWallClock(at: Date): WallClock {
  if (Number.isNaN(at.getTime())) throw new RangeError("Invalid Date");
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of finnishClock.formatToParts(at)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dayOf = (c: Pick<WallClock, "year" | "month" | "day">) => `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;

/** The calendar day in Finland at `now` (YYYY-MM-DD): referral periods and course days are Finnish days. */
export function helsinkiToday(now: Date): string {
  return dayOf(finnishWallClock(now));
}

/** The hour (0–23) on a Finnish clock at `now`. */
export function helsinkiHour(now: Date): number {
  return finnishWallClock(now).hour;
}

/** `at` on a Finnish clock, "YYYY-MM-DD HH:MM:SS" (sorts as text; for exports). */
export function helsinkiTimestamp(at: Date): string {
  const c = finnishWallClock(at);
  return `${dayOf(c)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
}

/** 00:00 UTC of a calendar day; null when the parts are not a day of the Gregorian calendar. */
function utcMidnight(year: number, month: number, day: number): Date | null {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

function parsed(day: string): Date | null {
  const match = DAY_SHAPE.exec(day);
  return match ? utcMidnight(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** Whether `value` is a real calendar day written YYYY-MM-DD (2024-02-29 is, 2023-02-29 is not). */
export function isDateString(value: string): boolean {
  return parsed(value) !== null;
}

/** A YYYY-MM-DD calendar day as the Date Prisma reads and writes for a `@db.Date` column (00:00 UTC). */
export function parseDate(day: string): Date {
  const date = parsed(day);
  if (!date) throw new RangeError(`Not a YYYY-MM-DD calendar date: "${day}"`);
  return date;
}

/** A YYYY-MM month as the Date of its first day (00:00 UTC). */
export function parseMonth(month: string): Date {
  const match = MONTH_SHAPE.exec(month);
  const date = match ? utcMidnight(Number(match[1]), Number(match[2]), 1) : null;
  if (!date) throw new RangeError(`Not a YYYY-MM month: "${month}"`);
  return date;
}

/** A `@db.Date` value (00:00 UTC) as YYYY-MM-DD. An instant is refused: its day depends on the zone (see helsinkiToday). */
export function formatDate(date: Date): string;
export function formatDate(date: Date | null): string | null;
export function formatDate(date: Date | null): string | null {
  if (date === null) return null;
  const ms = date.getTime();
  if (Number.isNaN(ms) || ms % DAY_MS !== 0) throw new RangeError(`Not a calendar date (00:00 UTC): ${Number.isNaN(ms) ? "Invalid Date" : date.toISOString()}`);
  return dayOf({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** The calendar day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return formatDate(new Date(parseDate(day).getTime() + days * DAY_MS));
}

/** The same day `years` later (earlier, when negative); 29 February becomes the 28th in a common year. */
export function addYears(day: string, years: number): string {
  if (!Number.isInteger(years)) throw new RangeError(`Not a whole number of years: ${years}`);
  const date = parseDate(day);
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth() + 1;
  const target = utcMidnight(year, month, date.getUTCDate()) ?? utcMidnight(year, month, 28)!;
  return formatDate(target);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / DAY_MS);
}

/** The instant a Finnish calendar day begins (00:00 in Helsinki: 22:00 UTC the day before in winter, 21:00 in summer). */
export function helsinkiDayStart(day: string): Date {
  const midnight = parseDate(day).getTime();
  // Helsinki is UTC+2 or +3, and midnight is never in a daylight-saving gap (changes are at 03:00/04:00).
  let start = midnight - 2 * 3_600_000;
  for (let i = 0; i < 2; i++) start = midnight - offsetAt(new Date(start));
  return new Date(start);
}

/** The instant a Finnish calendar day ends: the next day's start, excluded from the day. */
export function helsinkiDayEnd(day: string): Date {
  return helsinkiDayStart(addDays(day, 1));
}

/**
 * The instant a Finnish clock shows `hour`:`minute` on `day` (YYYY-MM-DD). In the hour skipped
 * in spring it is read as summer time; in the hour repeated in autumn, the first of the two.
 */
export function helsinkiInstant(day: string, hour: number, minute: number): Date {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    throw new RangeError(`Not a time of day: ${hour}:${minute}`);
  }
  const wall = parseDate(day).getTime() + (hour * 60 + minute) * 60_000;
  let at = wall - 3 * 3_600_000;
  for (let i = 0; i < 2; i++) at = wall - offsetAt(new Date(at));
  return new Date(at);
}

/** How far a Finnish clock is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: Date): number {
  const c = finnishWallClock(at);
  const wall = utcMidnight(c.year, c.month, c.day)!.getTime() + ((c.hour * 60 + c.minute) * 60 + c.second) * 1000;
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** Intl options that show a calendar day (from parseDate) as itself in any formatter's time zone. */
export const CALENDAR_DAY = { dateStyle: "medium", timeZone: "UTC" } as const satisfies Intl.DateTimeFormatOptions;
/** The same for a month (from parseMonth). */
export const CALENDAR_MONTH = { year: "numeric", month: "short", timeZone: "UTC" } as const satisfies Intl.DateTimeFormatOptions;

/** The month (YYYY-MM) a calendar day is in. */
export function monthOf(day: string): string {
  return formatDate(parseDate(day)).slice(0, 7);
}

/** The month `months` after `month` (YYYY-MM; before, when negative). */
export function addMonths(month: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const first = parseMonth(month);
  const index = first.getUTCFullYear() * 12 + first.getUTCMonth() + months;
  return formatDate(utcMidnight(Math.floor(index / 12), (index % 12) + 1, 1)!).slice(0, 7);
}

/** The first and the last calendar day of a month (YYYY-MM). */
export function monthDays(month: string): { first: string; last: string } {
  const first = formatDate(parseMonth(month));
  return { first, last: addDays(formatDate(parseMonth(addMonths(month, 1))), -1) };
}
