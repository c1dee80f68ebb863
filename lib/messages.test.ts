// The UI strings in messages/<locale>/<namespace>.json: every language has the same keys and placeholders as English,
// and every translation key written in the source exists.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CLIENT_PAGE_NAMESPACES, CLIENT_SHELL_KEYS, MESSAGE_NAMESPACES } from "./messages";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LOCALES = ["en", "fi", "sv"] as const;
type Locale = (typeof LOCALES)[number];

function load(locale: Locale): unknown {
  return Object.fromEntries(
    MESSAGE_NAMESPACES.map((namespace) => [
      namespace,
      JSON.parse(readFileSync(path.join(root, "messages", locale, `${namespace}.json`), "utf8")),
    ]),
  );
}

/** Dot-path → leaf value, e.g. "shell.roles.ADMIN" → "Administrator". */
function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** Argument names of an ICU message: {name}, {count, plural, …}. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

const messages = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(load(locale))])) as Record<
  Locale,
  Map<string, unknown>
>;
const english = messages.en;

describe.each(LOCALES)("messages/%s", (locale) => {
  const own = messages[locale];

  it("has exactly the keys of en", () => {
    expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("has only non-empty strings", () => {
    const bad = [...own].filter(([, value]) => typeof value !== "string" || value.trim() === "").map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it("uses the same placeholders as en.json in every message", () => {
    const mismatched = [...english]
      .filter(([key, value]) => typeof value === "string" && typeof own.get(key) === "string")
      .map(([key, value]) => ({
        key,
        en: placeholders(value as string),
        [locale]: placeholders(own.get(key) as string),
      }))
      .filter((row) => JSON.stringify(row.en) !== JSON.stringify(row[locale]));
    expect(mismatched).toEqual([]);
  });
});

// A client's page speaks three more languages, with only the namespaces it shows (lib/messages.ts).
const CLIENT_ONLY_LANGUAGES = ["uk", "ru", "ar"] as const;

function loadClientPage(language: string): Map<string, unknown> {
  return flatten(
    Object.fromEntries(
      CLIENT_PAGE_NAMESPACES.map((namespace) => [namespace, JSON.parse(readFileSync(path.join(root, "messages", language, `${namespace}.json`), "utf8"))]),
    ),
  );
}

describe("messages/ of the client-only languages", () => {
  it("have only the client page's namespaces", () => {
    for (const language of CLIENT_ONLY_LANGUAGES) {
      expect(readdirSync(path.join(root, "messages", language)).sort(), language).toEqual(CLIENT_PAGE_NAMESPACES.map((n) => `${n}.json`).sort());
    }
  });

  describe.each(CLIENT_ONLY_LANGUAGES)("messages/%s", (language) => {
    const own = loadClientPage(language);
    // The shell: only the texts a client's page shows; the other namespaces: everything en has.
    const expected = [...english.keys()].filter((key) => {
      const [namespace, ...rest] = key.split(".");
      if (namespace === "shell") return (CLIENT_SHELL_KEYS as readonly string[]).includes(rest.join("."));
      return (CLIENT_PAGE_NAMESPACES as readonly string[]).includes(namespace!);
    });

    it("has exactly the client page's keys of en", () => {
      expect([...own.keys()].sort()).toEqual(expected.sort());
    });

    it("has only non-empty strings", () => {
      const bad = [...own].filter(([, value]) => typeof value !== "string" || value.trim() === "").map(([key]) => key);
      expect(bad).toEqual([]);
    });

    it("uses the same placeholders as en in every message", () => {
      const mismatched = expected
        .filter((key) => typeof own.get(key) === "string")
        .map((key) => ({ key, en: placeholders(english.get(key) as string), [language]: placeholders(own.get(key) as string) }))
        .filter((row) => JSON.stringify(row.en) !== JSON.stringify(row[language]));
      expect(mismatched).toEqual([]);
    });
  });
});

const SOURCE_DIRS = ["app", "components", "lib", "server"];
const SKIPPED_DIRS = new Set([path.join(root, "server", "db", "generated")]);
const KEY = new RegExp(`^(${MESSAGE_NAMESPACES.join("|")})\\.[A-Za-z0-9_.]+$`);

function sourceFiles(dir: string): string[] {
  if (SKIPPED_DIRS.has(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/**
 * The string literals of a file that look like translation keys. The TypeScript parser is used
 * rather than a regular expression over the text so that keys named in comments ("the sentences
 * under "signIn.errors"") are not taken as uses.
 */
function keysUsedIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && KEY.test(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A key ending in a dot is a prefix completed at run time, e.g. `shell.roles.${role}`.
  return found.filter((key) => !key.endsWith("."));
}

describe("translation keys in the source", () => {
  const uses = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))).flatMap((file) =>
    keysUsedIn(file).map((key) => ({ key, file: path.relative(root, file) })),
  );

  it("finds some keys to check", () => {
    expect(uses.length).toBeGreaterThan(0);
  });

  it("each resolves to a string in en.json", () => {
    const missing = uses.filter(({ key }) => typeof english.get(key) !== "string");
    expect(missing).toEqual([]);
  });
});
