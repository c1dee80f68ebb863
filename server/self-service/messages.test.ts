// The client page speaks six languages; the three beyond the UI's have the same keys and placeholders.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

function flatten(value: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = String(value);
  return out;
}
const load = (lang: string) => flatten(JSON.parse(readFileSync(`messages/${lang}/selfService.json`, "utf8")));
const shape = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, [...v.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort()]));

it.each(["ru", "uk", "ar"])("messages/%s/selfService.json has the keys and placeholders of en", (lang) => {
  const own = load(lang);
  expect(shape(own)).toEqual(shape(load("en")));
  expect(Object.values(own).every((v) => v.trim().length > 0)).toBe(true);
});
