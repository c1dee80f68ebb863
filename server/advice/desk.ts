import "server-only";
import type { Actor } from "../auth/actor";
import type { Locale } from "../../lib/i18n";
import { ISO_639_1_CODES, languageNamer } from "../../lib/iso-639-1";
import { helsinkiTimestamp } from "../../lib/dates";
import type { VisitInput } from "../../lib/schemas/advice";
import { recentVisits, visitDefaults, visitForCorrection, visitOptions, VISIT_CORRECTION_DAYS, type RecentVisit, type VisitDefaults, type VisitOptions } from "./visits";

/** How many of the adviser's latest visits the desk lists for correction. */
export const RECENT_ON_DESK = 5;

export interface Choice {
  value: string;
  label: string;
}

/** Every ISO 639-1 language as a choice, "arabia (ar)", in the reader's alphabetical order. */
export function languageChoices(locale: Locale): Choice[] {
  const name = languageNamer(locale);
  const collator = new Intl.Collator(locale);
  return ISO_639_1_CODES.map((code) => ({ value: code, label: `${name(code)} (${code})` })).sort((a, b) => collator.compare(a.label, b.label));
}

export interface DeskChoices {
  topics: Choice[];
  destinations: Choice[];
  languages: Choice[];
}

const asChoice = (o: { id: string; label: string }) => ({ value: o.id, label: o.label });
const choicesOf = (options: VisitOptions, locale: Locale): DeskChoices => ({ topics: options.topics.map(asChoice), destinations: options.destinations.map(asChoice), languages: languageChoices(locale) });

export interface AdviceDesk {
  choices: DeskChoices;
  defaults: VisitDefaults;
  recent: RecentVisit[];
  correctionDays: number;
}

/** The adviser's desk (/advice): the form's lists and remembered choices, and their latest visits. Null for anyone but an adviser of an advice point. */
export async function adviceDesk(actor: Actor, locale: Locale): Promise<AdviceDesk | null> {
  const [options, defaults, recent] = await Promise.all([visitOptions(actor, locale), visitDefaults(actor, locale), recentVisits(actor, RECENT_ON_DESK, locale)]);
  if (!options.ok || !recent.ok) return null;
  return { choices: choicesOf(options, locale), defaults, recent: recent.visits, correctionDays: VISIT_CORRECTION_DAYS };
}

export interface CorrectionForm {
  visitId: string;
  createdAt: Date;
  choices: DeskChoices;
  initial: { values: VisitInput; day: string; time: string };
}

/**
 * The correction form of one of the point's visits (/advice/visits/<id>/edit): its values as the
 * form holds them, its time on a Finnish clock, and the choices (its own retired entries kept).
 */
export async function correctionForm(actor: Actor, visitId: string, locale: Locale): Promise<{ ok: true; form: CorrectionForm } | { ok: false; code: "FORBIDDEN" | "NOT_FOUND" | "EDIT_PERIOD_OVER" }> {
  const found = await visitForCorrection(actor, visitId, locale);
  if (!found.ok) return { ok: false, code: found.code === "EDIT_PERIOD_OVER" || found.code === "FORBIDDEN" ? found.code : "NOT_FOUND" };
  const { visit, options } = found;
  const clock = helsinkiTimestamp(visit.occurredAt);
  return {
    ok: true,
    form: {
      visitId: visit.id,
      createdAt: visit.createdAt,
      choices: choicesOf(options, locale),
      initial: {
        values: {
          occurredAt: visit.occurredAt.toISOString(),
          channel: visit.channel,
          languages: visit.languages,
          interpreter: visit.interpreter,
          topicIds: visit.topicIds,
          outcome: visit.outcome,
          referredToIds: visit.referredToIds,
          durationMinutes: visit.durationMinutes,
          profile: { ...visit.profile, origin: visit.profile.origin ?? "" },
          note: visit.note ?? "",
        },
        day: clock.slice(0, 10),
        time: `${Number(clock.slice(11, 13))}.${clock.slice(14, 16)}`,
      },
    },
  };
}
