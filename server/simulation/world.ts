// The synthetic world of the simulation, as plain data: employment offices, training providers,
// courses and clients with everything about them drawn from one seed. Nothing here touches the
// database; seed.ts writes it, run.ts replays the year on it. docs/simulation.md explains the numbers.
import type { InstructionLanguage, LanguageLevel, Schedule, StudyPath } from "../db/generated/enums";
import { Random } from "./random";
import { addDays, formatDate, parseDate } from "../../lib/dates";

export interface SimulationConfig {
  /** Same seed, same world and same behaviour. */
  seed: string;
  /** Clients arriving over the arrival period. */
  clients: number;
  courses: number;
  /** Length of the arrival period; courses keep starting for about ten weeks after it. */
  months: number;
  /** How many of the municipalities (largest first) the area has. */
  municipalities: number;
  /** The first day of the simulated year (a Monday). */
  startDate: string;
  /**
   * How the per-course run's official picks a course: DILIGENT compares every fitting course's free
   * seats and queue in the course finder at each referral (the default); PREFERENCE refers to the
   * course the client likes best (the same taste the pooled run ranks by) without comparing queues.
   */
  official?: "DILIGENT" | "PREFERENCE";
  /**
   * How the pooled run's client ranks courses: FAVOURITES ranks 1–3 courses of their own municipality
   * by their liking and accepts conditionally half the time (the default); SOONEST ranks every fitting
   * open course (own municipality and remote) soonest start first and always accepts a lower-ranked
   * seat conditionally, so they keep trading up to a sooner seat (an experiment: the most the
   * "soonest seat, then swap" idea can give with the engine as it is).
   */
  pool?: "FAVOURITES" | "SOONEST";
}

export const DEFAULT_CONFIG: SimulationConfig = { seed: "koulutusportti", clients: 3000, courses: 120, months: 12, municipalities: 6, startDate: "2027-01-04" };

/** The behaviour rates of clients, officials and providers (docs/simulation.md). */
export const RATES = {
  /** An offer is declined … */
  decline: 0.12,
  /** … or left unanswered until it expires (72 h); otherwise it is accepted. */
  noAnswer: 0.09,
  /** Hours from the offer to the client's answer. */
  acceptHours: [2, 60] as const,
  declineHours: [4, 70] as const,
  /** Pooled run: an acceptance of a seat ranked below a place the client still waits for is conditional. */
  conditional: 0.5,
  /** A confirmed seat holder does not turn up on the first day. */
  noShow: 0.05,
  /** A client who started stops during the course. */
  interruption: 0.05,
  /** A client who declines leaves the service (found work, moved, changed plans). */
  leaveAfterDecline: 0.2,
  /** A waiting client leaves (found work, moved away), per month of waiting. */
  leavePerMonth: 0.02,
  /** A second offer left unanswered: the official closes the case as unreachable. */
  expiriesBeforeLeaving: 2,
  /** Days before the official acts on a course that started without the client, a decline or an expiry (per-course run). */
  reactionDays: [7, 14] as const,
  /** Per-course run: with no fitting course taking referrals, the official looks again when the next one opens, at most this many days later. */
  retryDays: 14,
  /** Days a course's referral period stays open after its start (late entry), with probabilities. */
  lateEntryDays: { 0: 0.4, 7: 0.3, 14: 0.3 } as Record<string, number>,
  /** Referral period opens this many days before the start; the course is published four weeks before that. */
  referralOpensDaysBefore: 56,
  publishedDaysBeforeReferral: 28,
  offerResponseHours: 72,
};

interface Municipality {
  name: string;
  /** Share of the area's clients. */
  weight: number;
  /** Share of its clients who study in Swedish. */
  swedish: number;
}

const MUNICIPALITIES: Municipality[] = [
  { name: "Helsinki", weight: 0.38, swedish: 0.04 },
  { name: "Espoo", weight: 0.22, swedish: 0.05 },
  { name: "Vantaa", weight: 0.2, swedish: 0 },
  { name: "Kerava", weight: 0.08, swedish: 0 },
  { name: "Porvoo", weight: 0.07, swedish: 0.2 },
  { name: "Lohja", weight: 0.05, swedish: 0 },
];

/** Study paths of Finnish-speaking clients; Swedish integration training here is the basic path only. */
const PATHS: Record<StudyPath, number> = { FAST: 0.2, BASIC: 0.5, SLOW: 0.18, LITERACY: 0.12 };

const LEVELS: Record<StudyPath, Partial<Record<LanguageLevel, number>>> = {
  LITERACY: { A0: 1 },
  SLOW: { A0: 0.7, A1_1: 0.3 },
  BASIC: { A0: 0.45, A1_1: 0.35, A1_2: 0.2 },
  FAST: { A0: 0.4, A1_1: 0.3, A1_2: 0.2, A1_3: 0.1 },
};

/** Clients who can only study in the evening (they work, or look after children by day). */
const EVENING_ONLY: Record<StudyPath, number> = { FAST: 0.15, BASIC: 0.15, SLOW: 0.04, LITERACY: 0 };
/** Courses taught in the evening. */
const EVENING_COURSES: Record<StudyPath, number> = { FAST: 0.25, BASIC: 0.22, SLOW: 0.1, LITERACY: 0 };
/** Share of courses taught remotely (Finnish, fast and basic paths, from a Helsinki provider). */
const REMOTE_SHARE = 0.1;
/** The first course starts on the first Monday of week 6. */
const FIRST_START_DAY = 35;
/** Relative number of course starts per calendar month (few in summer, many in August and January). */
const STARTS_BY_MONTH = [1.3, 1, 1, 1, 0.6, 0.3, 0.1, 1.6, 1.3, 1, 1, 0.4];

export interface SimOrganisation {
  id: string;
  name: string;
  municipality: string;
  userId: string;
}

export interface SimCourse {
  id: string;
  index: number;
  providerIndex: number;
  name: string;
  municipality: string;
  remote: boolean;
  studyPath: StudyPath;
  instructionLanguage: InstructionLanguage;
  levelFrom: LanguageLevel;
  levelTo: LanguageLevel;
  schedule: Schedule;
  capacity: number;
  /** Days from the start of the simulated year. */
  startDay: number;
  endDay: number;
  publishDay: number;
  referralOpensDay: number;
  referralClosesDay: number;
}

export interface SimClient {
  id: string;
  index: number;
  officeIndex: number;
  municipality: string;
  studyPath: StudyPath;
  instructionLanguage: InstructionLanguage;
  languageLevel: LanguageLevel;
  eveningOnly: boolean;
  /** Milliseconds from the start of the simulated year. */
  arrivalMs: number;
  /** Days of waiting after which the client leaves if still without a seat. */
  leaveAfterDays: number;
  /** How many courses the client ranks in a pooled referral (1–3). */
  favourites: number;
}

export interface World {
  config: SimulationConfig;
  start: Date;
  /** The last day anything happens (the last course's late-entry window has closed). */
  endDay: number;
  offices: SimOrganisation[];
  providers: SimOrganisation[];
  courses: SimCourse[];
  clients: SimClient[];
}

export const DAY_MS = 86_400_000;

export function dayDate(world: Pick<World, "start">, day: number): Date {
  return parseDate(dayString(world, day));
}

/** YYYY-MM-DD of a day of the simulated year. */
export function dayString(world: Pick<World, "start">, day: number): string {
  return addDays(formatDate(world.start), day);
}

/** Largest-remainder apportionment of `total` over the weights. */
function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k]![1]]!++;
  return counts;
}

const PATH_NAMES: Record<StudyPath, string> = { FAST: "nopea", BASIC: "perus", SLOW: "hidas", LITERACY: "lukutaito" };

export function buildWorld(config: SimulationConfig): World {
  const random = new Random(config.seed, "world");
  const start = parseDate(config.startDate);
  if (start.getUTCDay() !== 1) throw new Error(`SIM start date ${config.startDate} is not a Monday`);
  const arrivalDays = Math.round(config.months * 30.44);
  const municipalities = MUNICIPALITIES.slice(0, Math.max(1, Math.min(MUNICIPALITIES.length, config.municipalities)));

  const offices = municipalities.map((m, i) => ({ id: random.uuid(), name: `TE-palvelut ${m.name}`, municipality: m.name, userId: random.uuid(), index: i }));
  // One provider per municipality, a second in the two largest, and a remote-teaching provider.
  const providerPlaces = [...municipalities.map((m) => m.name), ...municipalities.slice(0, 2).map((m) => m.name)];
  const providers = providerPlaces.map((place, i) => ({ id: random.uuid(), name: `Opisto ${i + 1} (${place})`, municipality: place, userId: random.uuid() }));
  const remoteProvider = { id: random.uuid(), name: "Etäopisto (Helsinki)", municipality: municipalities[0]!.name, userId: random.uuid() };
  providers.push(remoteProvider);

  // Course cells (municipality, path, language) get courses in proportion to their clients.
  interface Cell { municipality: string; path: StudyPath; language: InstructionLanguage; weight: number }
  const cells: Cell[] = [];
  for (const m of municipalities) {
    for (const [path, share] of Object.entries(PATHS) as [StudyPath, number][]) cells.push({ municipality: m.name, path, language: "FI", weight: m.weight * (1 - m.swedish) * share });
    if (m.swedish > 0) cells.push({ municipality: m.name, path: "BASIC", language: "SV", weight: m.weight * m.swedish });
  }
  const remoteCount = municipalities.length > 1 ? Math.round(config.courses * REMOTE_SHARE) : 0;
  const perCell = apportion(cells.map((c) => c.weight), config.courses - remoteCount);

  // Course starts: Mondays from week 6 (the area starts empty: the first courses get the first
  // weeks' arrivals) to ten weeks after the last arrival, weighted by month.
  const mondays: { day: number; weight: number }[] = [];
  for (let day = FIRST_START_DAY; day <= arrivalDays + 70; day += 7) mondays.push({ day, weight: STARTS_BY_MONTH[dayDate({ start }, day).getUTCMonth()]! });
  const mondayWeights = Object.fromEntries(mondays.map((m) => [String(m.day), m.weight])) as Record<string, number>;

  const courses: SimCourse[] = [];
  const addCourse = (cell: Omit<Cell, "weight">, remote: boolean) => {
    const index = courses.length;
    const startDay = Number(random.weighted(mondayWeights));
    const basicOrFast = cell.path === "BASIC" || cell.path === "FAST";
    const continuation = basicOrFast && cell.language === "FI" && random.chance(0.25);
    const levels: [LanguageLevel, LanguageLevel] =
      cell.path === "LITERACY" ? ["A0", "A1_1"] : cell.path === "SLOW" ? ["A0", "A1_2"] : continuation ? ["A1_1", "A2_2"] : ["A0", "A1_3"];
    const evening = random.chance(remote ? 0.35 : EVENING_COURSES[cell.path]);
    const lateEntry = Number(random.weighted(RATES.lateEntryDays));
    const referralOpensDay = startDay - RATES.referralOpensDaysBefore;
    const sameCity = providers.map((p, i) => [p, i] as const).filter(([p]) => p.municipality === cell.municipality && p !== remoteProvider);
    const providerIndex = remote ? providers.length - 1 : random.pick(sameCity)[1];
    courses.push({
      id: random.uuid(),
      index,
      providerIndex,
      name: `${cell.language === "SV" ? "Svenska" : "Suomi"} ${PATH_NAMES[cell.path]} ${dayString({ start }, startDay)} ${remote ? "etä" : cell.municipality} #${index + 1}`,
      municipality: cell.municipality,
      remote,
      studyPath: cell.path,
      instructionLanguage: cell.language,
      levelFrom: levels[0],
      levelTo: levels[1],
      schedule: evening ? "EVENING" : "DAY",
      capacity: random.int(12, 20),
      startDay,
      endDay: startDay + 7 * random.int(16, 40) - 3,
      publishDay: Math.max(0, referralOpensDay - RATES.publishedDaysBeforeReferral),
      referralOpensDay,
      referralClosesDay: startDay + lateEntry,
    });
  };
  cells.forEach((cell, i) => {
    for (let k = 0; k < perCell[i]!; k++) addCourse(cell, false);
  });
  for (let k = 0; k < remoteCount; k++) addCourse({ municipality: municipalities[0]!.name, path: random.chance(0.4) ? "FAST" : "BASIC", language: "FI" }, true);

  // Clients arrive on working days during office hours, evenly over the arrival period.
  const municipalityWeights = Object.fromEntries(municipalities.map((m) => [m.name, m.weight])) as Record<string, number>;
  const drafts = Array.from({ length: config.clients }, () => {
    let day: number;
    do day = random.int(0, arrivalDays - 1);
    while (dayDate({ start }, day).getUTCDay() % 6 === 0);
    const arrivalMs = day * DAY_MS + random.int(7 * 3600, 13 * 3600) * 1000 + random.int(0, 999);
    const home = random.weighted(municipalityWeights);
    const municipality = municipalities.find((m) => m.name === home)!;
    const language: InstructionLanguage = random.chance(municipality.swedish) ? "SV" : "FI";
    const studyPath: StudyPath = language === "SV" ? "BASIC" : random.weighted(PATHS);
    return {
      arrivalMs,
      municipality: municipality.name,
      officeIndex: municipalities.indexOf(municipality),
      studyPath,
      instructionLanguage: language,
      languageLevel: language === "SV" ? "A0" : random.weighted(LEVELS[studyPath] as Record<LanguageLevel, number>),
      eveningOnly: random.chance(EVENING_ONLY[studyPath]),
      leaveAfterDays: random.exponential(30.44 / RATES.leavePerMonth),
      favourites: random.int(1, 3),
    };
  });
  drafts.sort((a, b) => a.arrivalMs - b.arrivalMs);
  const clients: SimClient[] = drafts.map((d, index) => ({ ...d, index, id: random.uuid() }));

  const endDay = Math.max(arrivalDays, ...courses.map((c) => c.referralClosesDay)) + 14;
  return { config, start, endDay, offices, providers, courses, clients };
}

const LEVEL_ORDER = ["A0", "A1_1", "A1_2", "A1_3", "A2_1", "A2_2", "B1_1", "B1_2", "B2_1", "B2_2", "C1_1"];

/** The pooled referral's criteria as the simulation sets them (and the per-course official's filters): would this course do for this client? */
export function fits(client: SimClient, course: SimCourse): boolean {
  const level = LEVEL_ORDER.indexOf(client.languageLevel);
  return (
    course.studyPath === client.studyPath &&
    course.instructionLanguage === client.instructionLanguage &&
    level >= LEVEL_ORDER.indexOf(course.levelFrom) &&
    level <= LEVEL_ORDER.indexOf(course.levelTo) &&
    (course.municipality === client.municipality || course.remote) &&
    (!client.eveningOnly || course.schedule === "EVENING")
  );
}
