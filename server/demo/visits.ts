// Six months of anonymous visits at the two demo advice points, so that the statistics tell a story:
// more visitors in autumn and in January, few in July; Mondays busiest; weekdays only, within each
// point's opening hours, never on a Finnish public holiday; the languages of the capital region's
// newcomers (Arabic, Somali, Russian, Ukrainian, Persian, English, Finnish, Swedish, Kurdish,
// Tigrinya) in proportions that differ a little between the points; mostly walk-ins and phone calls;
// one or two topics a visit, whose mix follows the season (taxes in spring, studies before the terms);
// outcomes and referral destinations that fit the topics; a banded profile on some visits.
//
// Plain data, no database access, and deterministic: each point's day is drawn from a random
// generator seeded with the point and the date, so the same day always has the same visits whatever
// `today` is, and the six months before `today` are always filled. Topics and destinations are the
// built-in entries' codes (prisma/migrations/…_advice_points); server/demo/seed.ts finds their ids.
import type { AgeBand, InterpreterKind, TimeInFinlandBand, VisitChannel, VisitOutcome, VisitorGender } from "../db/generated/enums";
import { addDays, formatDate, helsinkiDayStart, helsinkiToday, parseDate } from "../../lib/dates";

export type DemoAdvicePointKey = "advice-helsinki" | "advice-vantaa";

export interface DemoVisit {
  advicePoint: DemoAdvicePointKey;
  adviserEmail: string;
  occurredAt: Date;
  channel: VisitChannel;
  languages: string[];
  interpreter: InterpreterKind;
  /** Built-in topic codes, one or two. */
  topics: string[];
  outcome: VisitOutcome;
  /** Built-in destination codes: one or two when the visitor was referred, none otherwise. */
  destinations: string[];
  durationMinutes: number | null;
  ageBand: AgeBand | null;
  gender: VisitorGender | null;
  origin: string | null;
  timeInFinland: TimeInFinlandBand | null;
  firstVisit: boolean | null;
  note: string | null;
}

export const DEMO_VISIT_MONTHS = 6;

type Weights<K extends string> = Readonly<Record<K, number>>;

interface PointProfile {
  adviserEmail: string;
  /** Mean visits on an ordinary Wednesday in March. */
  perDay: number;
  /** Opening hours on a Helsinki clock, by weekday (1 = Monday … 5 = Friday): [open, close) in hours. */
  hours: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly [number, number]>>;
  languages: Weights<Language>;
  /** Languages the point's own staff speak: no interpreter needed. */
  staffSpeak: readonly Language[];
  channels: Weights<VisitChannel>;
}

type Language = "ar" | "so" | "ru" | "uk" | "fa" | "en" | "fi" | "sv" | "ku" | "ti";

const POINTS: Readonly<Record<DemoAdvicePointKey, PointProfile>> = {
  // The city's point in the centre: open every weekday, late on Thursdays.
  "advice-helsinki": {
    adviserEmail: "neuvoja@example.fi",
    perDay: 7.5,
    hours: { 1: [9, 16], 2: [9, 16], 3: [9, 16], 4: [9, 18], 5: [9, 15] },
    languages: { ar: 19, so: 14, ru: 13, uk: 11, fa: 9, en: 13, fi: 10, sv: 2, ku: 5, ti: 4 },
    staffSpeak: ["fi", "sv", "en", "ar", "so", "ru"],
    channels: { WALK_IN: 54, PHONE: 29, EMAIL: 8, CHAT: 7, OUTREACH: 2 },
  },
  // The NGO's point in Tikkurila: afternoons, short Fridays, more outreach (mosques, libraries, schools).
  "advice-vantaa": {
    adviserEmail: "neuvoja2@example.fi",
    perDay: 4.5,
    hours: { 1: [10, 17], 2: [10, 17], 3: [12, 18], 4: [10, 17], 5: [10, 14] },
    languages: { ar: 16, so: 12, ru: 15, uk: 17, fa: 7, en: 9, fi: 12, sv: 1, ku: 6, ti: 5 },
    staffSpeak: ["fi", "en", "ru", "uk", "ar"],
    channels: { WALK_IN: 52, PHONE: 30, EMAIL: 5, CHAT: 6, OUTREACH: 7 },
  },
};

/** Visitors by month (index 0 = January): the autumn term and January are busy, July is quiet. */
const SEASON = [1.3, 1.1, 1.0, 0.95, 0.9, 0.7, 0.4, 0.9, 1.25, 1.3, 1.2, 0.85] as const;
/** Visitors by weekday (index 1 = Monday): after the weekend the queue is longest. */
const WEEKDAY = [0, 1.25, 1.05, 1.0, 1.0, 0.75] as const;

type Topic =
  | "residence_permit" | "registration" | "housing" | "health_social" | "work" | "studies" | "integration_training"
  | "family" | "money_kela" | "taxes" | "letters_forms" | "legal" | "digital" | "everyday" | "other";
type Destination =
  | "employment_services" | "integration_services" | "kela" | "migri" | "dvv" | "health" | "social" | "school_daycare"
  | "legal_aid" | "police" | "ngo" | "other";

const TOPICS: Weights<Topic> = {
  residence_permit: 11, registration: 7, housing: 10, health_social: 8, work: 11, studies: 7, integration_training: 8,
  family: 6, money_kela: 13, taxes: 4, letters_forms: 14, legal: 3, digital: 9, everyday: 6, other: 3,
};

/** What a topic often comes with, as a second topic. */
const COMPANION: Partial<Record<Topic, Topic>> = {
  money_kela: "letters_forms", letters_forms: "money_kela", housing: "money_kela", work: "studies", studies: "integration_training",
  integration_training: "studies", residence_permit: "registration", registration: "digital", digital: "money_kela", family: "health_social",
  health_social: "family", taxes: "letters_forms", legal: "residence_permit",
};

/** Where a topic's visitor is referred, most likely first. */
const DESTINATIONS: Readonly<Record<Topic, readonly Destination[]>> = {
  residence_permit: ["migri", "legal_aid", "ngo"],
  registration: ["dvv", "migri"],
  housing: ["social", "kela", "ngo"],
  health_social: ["health", "social"],
  work: ["employment_services", "integration_services"],
  studies: ["integration_services", "employment_services", "school_daycare"],
  integration_training: ["employment_services", "integration_services"],
  family: ["school_daycare", "health", "social"],
  money_kela: ["kela", "social"],
  taxes: ["other"],
  letters_forms: ["kela", "migri", "other"],
  legal: ["legal_aid", "police"],
  digital: ["dvv", "other"],
  everyday: ["ngo", "other"],
  other: ["ngo", "other"],
};

/** Topics that are mostly a form filled in together, and those that mostly need another service. */
const FORM_TOPICS: ReadonlySet<Topic> = new Set(["letters_forms", "digital", "money_kela", "taxes"]);
const REFERRAL_TOPICS: ReadonlySet<Topic> = new Set(["residence_permit", "legal", "integration_training", "work", "health_social"]);

const ORIGINS: Readonly<Record<Language, readonly string[]>> = {
  ar: ["Syyria", "Irak", "Irak", "Sudan", "Jemen", "Marokko"],
  so: ["Somalia"],
  ru: ["Venäjä", "Venäjä", "Viro", "Kazakstan", "Valko-Venäjä"],
  uk: ["Ukraina"],
  fa: ["Afganistan", "Afganistan", "Iran"],
  en: ["Nigeria", "Intia", "Filippiinit", "Kenia", "Ghana", "Pakistan", "Bangladesh"],
  fi: ["Thaimaa", "Vietnam", "Viro", "Kongon demokraattinen tasavalta", "Turkki"],
  sv: ["Ruotsi", "Somalia"],
  ku: ["Irak", "Syyria", "Turkki"],
  ti: ["Eritrea", "Etiopia"],
};

/** Short notes with nothing that identifies a person, as the log requires. */
const NOTES: Partial<Record<Topic, readonly string[]>> = {
  money_kela: ["Asumistukihakemus täytetty yhdessä OmaKelassa.", "Selvitetty Kelan päätöksen perustelut."],
  letters_forms: ["Käyty läpi viranomaisen kirje ja vastausaika.", "Autettu lomakkeen liitteiden kanssa."],
  residence_permit: ["Neuvottu jatkolupahakemuksen liitteet.", "Ohjattu varaamaan aika palvelupisteeseen."],
  digital: ["Neuvottu pankkitunnusten hankinnassa.", "Asennettu Suomi.fi-sovellus yhdessä."],
  housing: ["Neuvottu vuokra-asuntohakemuksen teossa."],
  work: ["Käyty läpi työnhakijaksi ilmoittautuminen."],
  integration_training: ["Kerrottu kotoutumiskoulutuksen hakemisesta ja jonotilanteesta."],
};

// ---------------------------------------------------------------------------------------------

/** 32-bit FNV-1a of a string: the seed of a point's day. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for demo data. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

function pick<K extends string>(random: Random, weights: Weights<K>, except: readonly K[] = []): K {
  const entries = (Object.entries(weights) as [K, number][]).filter(([k]) => !except.includes(k));
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [key, weight] of entries) {
    r -= weight;
    if (r < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

function oneOf<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

/** A Poisson-distributed count (Knuth; means here stay small). */
function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** Easter Sunday (the anonymous Gregorian algorithm), YYYY-MM-DD. */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The weekday public holidays (and Christmas and Midsummer Eves) on which the points are closed. */
export function isFinnishHoliday(day: string): boolean {
  const year = Number(day.slice(0, 4));
  const md = day.slice(5);
  if (["01-01", "01-06", "05-01", "12-06", "12-24", "12-25", "12-26"].includes(md)) return true;
  const e = easter(year);
  if ([addDays(e, -2), addDays(e, 1), addDays(e, 39)].includes(day)) return true;
  // Midsummer Eve: the Friday between 19 and 25 June.
  return md >= "06-19" && md <= "06-25" && weekday(day) === 5;
}

/** 0 = Sunday … 6 = Saturday, of a calendar day. */
function weekday(day: string): number {
  return parseDate(day).getUTCDay();
}

/** The same day `months` earlier (the last day of a shorter month). */
function monthsBefore(day: string, months: number): string {
  const d = parseDate(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return formatDate(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last))));
}

/** A visit's topics: one, or two that often go together. The season shifts the mix. */
function topicsFor(random: Random, month: number, language: Language): Topic[] {
  const weights: Record<Topic, number> = { ...TOPICS };
  if (month === 3 || month === 4) weights.taxes *= 4; // April–May: tax returns
  if (month === 0 || month === 7 || month === 8) {
    weights.studies *= 1.7; // applications for the coming term
    weights.integration_training *= 1.4;
  }
  if (month === 11 || month === 0) weights.money_kela *= 1.3; // year-end decisions and new benefit amounts
  if (language === "uk") weights.residence_permit *= 1.8; // temporary protection renewals
  if (language === "fi" || language === "sv") weights.letters_forms *= 1.3;
  const first = pick(random, weights);
  if (random() >= 0.35) return [first];
  const companion = COMPANION[first];
  const second = companion && random() < 0.5 ? companion : pick(random, weights, [first]);
  return second === first ? [first] : [first, second];
}

function outcomeFor(random: Random, topics: readonly Topic[], channel: VisitChannel): VisitOutcome {
  const weights: Record<VisitOutcome, number> = { ANSWERED: 50, HELPED_WITH_FORM: 20, APPOINTMENT_BOOKED: 8, REFERRED: 22 };
  if (topics.some((t) => FORM_TOPICS.has(t))) weights.HELPED_WITH_FORM += 20;
  if (topics.some((t) => REFERRAL_TOPICS.has(t))) weights.REFERRED += 15;
  if (channel === "PHONE" || channel === "EMAIL" || channel === "CHAT") {
    weights.HELPED_WITH_FORM /= 3; // a form is filled in at the desk
    weights.APPOINTMENT_BOOKED *= 2;
  }
  return pick(random, weights);
}

function destinationsFor(random: Random, topics: readonly Topic[]): Destination[] {
  const first = topics[0]!;
  const main = random() < 0.7 ? DESTINATIONS[first][0]! : oneOf(random, DESTINATIONS[first]);
  const chosen: Destination[] = [main];
  const second = topics[1];
  if (second && random() < 0.35) {
    const extra = DESTINATIONS[second][0]!;
    if (!chosen.includes(extra)) chosen.push(extra);
  }
  return chosen;
}

function durationFor(random: Random, channel: VisitChannel, topics: number, outcome: VisitOutcome): number | null {
  if (random() < 0.05) return null; // not written down
  const base = { WALK_IN: 12, PHONE: 6, EMAIL: 10, CHAT: 7, OUTREACH: 20 }[channel];
  const extra = (topics - 1) * 8 + (outcome === "HELPED_WITH_FORM" ? 12 : 0);
  // A long tail: most visits are short, a few take most of an hour.
  const minutes = base + extra + Math.round(-Math.log(1 - random()) * base * 0.8);
  return Math.min(minutes, 120);
}

interface Profile {
  ageBand: AgeBand | null;
  gender: VisitorGender | null;
  origin: string | null;
  timeInFinland: TimeInFinlandBand | null;
  firstVisit: boolean | null;
}

const NO_PROFILE: Profile = { ageBand: null, gender: null, origin: null, timeInFinland: null, firstVisit: null };

function profileFor(random: Random, channel: VisitChannel, language: Language): Profile {
  const share = { WALK_IN: 0.6, OUTREACH: 0.5, PHONE: 0.25, CHAT: 0.1, EMAIL: 0.1 }[channel];
  if (random() >= share) return NO_PROFILE;
  const newcomer = language === "uk" ? 3 : 1;
  return {
    ageBand: random() < 0.9 ? pick(random, { UNDER_18: 3, AGE_18_29: 28, AGE_30_44: 39, AGE_45_64: 24, AGE_65_PLUS: 6 }) : null,
    gender: random() < 0.85 ? pick(random, { FEMALE: 53, MALE: 41, OTHER: 1, NOT_STATED: 5 }) : null,
    origin: random() < 0.5 ? oneOf(random, ORIGINS[language]) : null,
    timeInFinland: random() < 0.7 ? pick(random, { UNDER_1_YEAR: 28 * newcomer, YEARS_1_3: 34 * newcomer, YEARS_3_5: 16, OVER_5_YEARS: 22 }) : null,
    firstVisit: random() < 0.8 ? random() < 0.4 : null,
  };
}

function interpreterFor(random: Random, point: PointProfile, channel: VisitChannel, language: Language): { interpreter: InterpreterKind; languages: string[] } {
  if (point.staffSpeak.includes(language)) {
    // A colleague sometimes steps in; a Finnish word here and there is common.
    const interpreter: InterpreterKind = channel === "WALK_IN" && language !== "fi" && random() < 0.08 ? "STAFF" : "NONE";
    return { interpreter, languages: language !== "fi" && random() < 0.15 ? [language, "fi"] : [language] };
  }
  if (channel === "EMAIL" || channel === "CHAT") return { interpreter: "NONE", languages: [language, "en"] };
  const interpreter = pick<InterpreterKind>(random, { PHONE: 55, VIDEO: 25, ON_SITE: channel === "WALK_IN" ? 10 : 0, NONE: 10, STAFF: 0 });
  return { interpreter, languages: interpreter === "NONE" ? [language, random() < 0.5 ? "en" : "fi"] : [language, "fi"] };
}

/** The visits of one point on one day: none on weekends and holidays. */
function visitsOn(key: DemoAdvicePointKey, day: string): DemoVisit[] {
  const wd = weekday(day);
  if (wd === 0 || wd === 6 || isFinnishHoliday(day)) return [];
  const point = POINTS[key];
  const random = generator(hash(`${key}:${day}`));
  const month = Number(day.slice(5, 7)) - 1;
  const count = poisson(random, point.perDay * SEASON[month]! * WEEKDAY[wd]!);
  const [open, close] = point.hours[wd as 1 | 2 | 3 | 4 | 5];
  const start = helsinkiDayStart(day).getTime();
  const visits: DemoVisit[] = [];
  for (let i = 0; i < count; i++) {
    const channel = pick(random, point.channels);
    const language = pick(random, point.languages);
    const topics = topicsFor(random, month, language);
    const outcome = outcomeFor(random, topics, channel);
    // Mornings are busier than afternoons: the square skews the time towards the opening.
    const minute = Math.floor(open * 60 + random() ** 1.3 * ((close - open) * 60 - 5));
    const { interpreter, languages } = interpreterFor(random, point, channel, language);
    const notes = NOTES[topics[0]!];
    visits.push({
      advicePoint: key,
      adviserEmail: point.adviserEmail,
      occurredAt: new Date(start + minute * 60_000 + Math.floor(random() * 60) * 1000),
      channel,
      languages,
      interpreter,
      topics,
      outcome,
      destinations: outcome === "REFERRED" ? destinationsFor(random, topics) : [],
      durationMinutes: durationFor(random, channel, topics.length, outcome),
      ...profileFor(random, channel, language),
      note: notes && random() < 0.12 ? oneOf(random, notes) : null,
    });
  }
  return visits.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** Every visit at the demo advice points in the six months before the Finnish day of `today`, oldest first. */
export function buildDemoVisits(today: Date): DemoVisit[] {
  const last = addDays(helsinkiToday(today), -1);
  const visits: DemoVisit[] = [];
  for (let day = monthsBefore(last, DEMO_VISIT_MONTHS); day <= last; day = addDays(day, 1)) {
    for (const key of Object.keys(POINTS) as DemoAdvicePointKey[]) visits.push(...visitsOn(key, day));
  }
  return visits.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** Each point's opening hours on a weekday (1 = Monday), for checks: [open, close) in hours, Helsinki time. */
export function openingHours(key: DemoAdvicePointKey, weekdayNumber: 1 | 2 | 3 | 4 | 5): readonly [number, number] {
  return POINTS[key].hours[weekdayNumber];
}
