// Since 1.1.2025 there are no TE offices (Integration Act 681/2023 and the employment-services
// reform): no UI or e-mail text in any language may send a client to one. Clients are told to
// contact their own office, by name, with its contact details.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// The TE office in each language the portal writes (and the English "employment office" it was translated as).
const TE_OFFICE = /TE[-\s]?(toimisto|palvelu|byrå|office)|työ- ja elinkeino|arbets- och näringsbyrå|employment office|бюро занятост|бюро зайнятост|центр занятост|центр зайнятост|مكتب العمل/i;

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsonFiles(path.join(dir, e.name)) : e.name.endsWith(".json") ? [path.join(dir, e.name)] : []));
}

function strings(value: unknown, at: string, out: { at: string; text: string }[] = []): { at: string; text: string }[] {
  if (typeof value === "string") out.push({ at, text: value });
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) strings(v, `${at}.${k}`, out);
  return out;
}

describe("words since 2025", () => {
  const files = [...jsonFiles(path.join(root, "messages")), ...jsonFiles(path.join(root, "emails", "messages"))];

  it("reads every UI and e-mail message file", () => {
    expect(files.length).toBeGreaterThanOrEqual(3 * 14 + 6);
  });

  it("no message in any language names the TE office", () => {
    const found = files.flatMap((file) => strings(JSON.parse(readFileSync(file, "utf8")), path.relative(root, file)).filter((s) => TE_OFFICE.test(s.text)));
    expect(found).toEqual([]);
  });

  it("the pattern does catch the old texts", () => {
    for (const old of ["ota yhteyttä TE-toimistoon", "kontakta arbets- och näringsbyrån", "contact your employment office", "зверніться до бюро зайнятості", "обратитесь в бюро занятости", "تواصل مع مكتب العمل"]) expect(old).toMatch(TE_OFFICE);
  });
});
