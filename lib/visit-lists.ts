// The managed lists of advice visits (topics, referral destinations) carry a name in each UI language.
import type { Locale } from "./i18n";

export interface ListLabels {
  labelFi: string;
  labelSv: string;
  labelEn: string;
}

export function listLabel(entry: ListLabels, locale: Locale | string): string {
  return locale === "sv" ? entry.labelSv : locale === "en" ? entry.labelEn : entry.labelFi;
}
