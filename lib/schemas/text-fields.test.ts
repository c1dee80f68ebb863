// Every text field of every schema in lib/schemas, found by walking the schemas themselves, against
// the input that used to reach PostgreSQL as a 500 or that spoofs what a reader sees: NUL and other
// control characters, half a surrogate pair, a megabyte, bidirectional overrides, wrong types.
// Right-to-left marks (RLM/LRM) are legitimate in Arabic names and are kept (lib/schemas/fields.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { z } from "zod";

const here = path.dirname(fileURLToPath(import.meta.url));
/** Schemas of answers, not of input (the API's response shapes): nobody writes into them. */
const ANSWERS = new Set(["api.ts"]);
/** Every module of lib/schemas, so that a new one's text fields are checked without being listed here. */
const MODULES = Object.fromEntries(
  await Promise.all(
    readdirSync(here)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !ANSWERS.has(file))
      .map(async (file) => [file.replace(/\.ts$/, ""), (await import(`./${file}`)) as Record<string, unknown>] as const),
  ),
);

const ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const COURSE = { name: "Suomi 1", studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Helsinki", schedule: "DAY", startsOn: inDays(30), endsOn: inDays(90), capacity: 10 };

/**
 * A valid input for each schema with text fields, and which of its fields are not free text: an
 * address or a code (the primitive's refusals hold, but an Arabic name is not a valid e-mail) or
 * multi-line text. Fields left out of the primitive on purpose are listed under `exempt`, with why.
 */
interface Row {
  valid: unknown;
  /** E-mail addresses, identity codes, business ids: refused the same, but only their own form is accepted. */
  formatted?: string[];
  multiline?: string[];
  exempt?: Record<string, string>;
}
const NOT_STORED = "a password is hashed, never stored as text, and may hold any character";

const ROWS: Record<string, Row> = {
  "admin/businessIdField": { valid: "0824417-3", formatted: [""] },
  "admin/organisationSchema": { valid: { type: "TRAINING_PROVIDER", name: "Opisto", businessId: "0824417-3", municipality: "Espoo" }, formatted: ["businessId", "email"] },
  "admin/inviteUserSchema": { valid: { name: "Aino", role: "ADMIN", organisationId: null, email: "aino@example.fi", locale: "fi" }, formatted: ["email"] },
  "admin/updateUserSchema": { valid: { name: "Aino", role: "ADMIN", organisationId: null } },
  "admin/organisationListFilterSchema": { valid: {} },
  "admin/userListFilterSchema": { valid: {} },
  "admin/auditFilterSchema": { valid: {} },
  "admin/auditExportSchema": { valid: { format: "csv" } },
  "client/clientSchema": {
    valid: { firstName: "Amina", lastName: "Testinen", dateOfBirth: "1990-04-12", preferredLanguage: "ar", studyPath: "BASIC" },
    formatted: ["personalIdentityCode", "email"],
    multiline: ["workExperience", "specialNeeds", "notes"],
  },
  "course/courseSchema": { valid: COURSE, multiline: ["description"] },
  "course/coursePatchSchema": { valid: {}, multiline: ["description", "statusReason"] },
  "course/courseFilterSchema": { valid: {} },
  "enrolment/reasonField": { valid: "Syy", multiline: [""] },
  "enrolment/optionalReasonField": { valid: null, multiline: [""] },
  "enrolment/referralNoteField": { valid: null, multiline: [""] },
  "enrolment/referralSchema": { valid: { clientId: ID }, multiline: ["reason", "note"] },
  "enrolment/enrolmentActionSchema": { valid: {}, multiline: ["reason"] },
  "fields/emailField": { valid: "aino@example.fi", formatted: [""] },
  "fields/optionalEmailField": { valid: null, formatted: [""] },
  "official/clientRegisterFilterSchema": { valid: {} },
  "official/courseFinderFilterSchema": { valid: {} },
  "official/enrolmentReasonSchema": { valid: { reason: "Syy" }, multiline: ["reason"] },
  "official/officialReferralSchema": { valid: { clientId: ID, courseId: ID }, multiline: ["reason", "note"] },
  "official/bulkReferralSchema": { valid: { clientIds: [ID], courseId: ID }, multiline: ["note"] },
  "official/exportSchema": { valid: { format: "csv", identityCodes: false } },
  "password/newPasswordField": { valid: "x", exempt: { "": NOT_STORED } },
  "password/setPasswordSchema": { valid: {}, exempt: { password: NOT_STORED, confirm: NOT_STORED } },
  "pool/poolCriteriaSchema": { valid: { municipalities: ["Espoo"] } },
  "pool/poolReferralSchema": { valid: { clientId: ID, criteria: { studyPath: "BASIC", municipalities: ["Espoo"] } }, multiline: ["reason", "note"] },
  "pool/closePoolSchema": { valid: { queueEntryId: ID, reason: "Syy" }, multiline: ["reason"] },
  "pool/closePoolBodySchema": { valid: { reason: "Syy" }, multiline: ["reason"] },
  "provider/queueMoveSchema": { valid: { enrolmentId: ID, position: 1, reason: "Syy" }, multiline: ["reason"] },
  "provider/enrolmentActionFormSchema": { valid: { enrolmentId: ID, action: "confirm" }, multiline: ["reason"] },
  "provider/bulkActionSchema": { valid: { enrolmentIds: [ID], action: "confirm" }, multiline: ["reason"] },
  "provider/courseStatusSchema": { valid: { courseId: ID, status: "PUBLISHED" }, multiline: ["reason"] },
  "reports/reportFilterSchema": { valid: {} },
  "reports/reportExportSchema": { valid: { table: "fillByCourse", format: "csv" } },
  "self-service/selfServiceAnswerSchema": { valid: {}, exempt: { token: "a link token: looked up by its hash, never stored, and compared against the token alphabet" } },
  "sign-in/signInSchema": { valid: { email: "aino@example.fi", password: "x" }, formatted: ["email"], exempt: { password: NOT_STORED } },
};

// ---------------------------------------------------------------------------------------------

type Def = { type: string; format?: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType; left?: z.ZodType; right?: z.ZodType; options?: z.ZodType[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isSchema = (value: unknown): value is z.ZodType => typeof value === "object" && value !== null && "_zod" in value;
const join = (base: string, key: string | number) => (base ? `${base}.${key}` : String(key));

/** Dotted paths of the free-text strings in a schema (not uuids, dates or enums); "" is the schema itself. */
function textPaths(schema: z.ZodType, at = ""): string[] {
  const def = defOf(schema);
  const unique = (paths: string[]) => [...new Set(paths)];
  switch (def.type) {
    case "object":
      return Object.entries(def.shape!).flatMap(([key, child]) => textPaths(child, join(at, key)));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return textPaths(def.innerType!, at);
    case "pipe":
      return unique([...textPaths(def.in!, at), ...textPaths(def.out!, at)]);
    case "array":
      return textPaths(def.element!, join(at, 0));
    case "intersection":
      return unique([...textPaths(def.left!, at), ...textPaths(def.right!, at)]);
    case "union":
      return unique(def.options!.flatMap((option) => textPaths(option, at)));
    case "string":
      return def.format ? [] : [at];
    default:
      return [];
  }
}

/** `input` with the value at a dotted path replaced (arrays and objects made on the way). */
function withValue(input: unknown, at: string, value: unknown): unknown {
  if (at === "") return value;
  const [head, ...rest] = at.split(".");
  const container: Record<string, unknown> = Array.isArray(input) ? [...input] as unknown as Record<string, unknown> : { ...(input as Record<string, unknown> | undefined) };
  container[head!] = withValue(container[head!], rest.join("."), value);
  return container;
}

function valueAt(output: unknown, at: string): unknown {
  return at === "" ? output : at.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], output);
}

const root = path.resolve(here, "../..");
const english = (namespace: string) => JSON.parse(readFileSync(path.join(root, "messages", "en", `${namespace}.json`), "utf8")) as Record<string, unknown>;
const KEYS = { validation: english("validation"), admin: english("admin") };
/** A message is a translation key with an English sentence behind it. */
function isTranslationKey(message: string): boolean {
  const [namespace, ...rest] = message.split(".");
  const value = rest.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], KEYS[namespace as keyof typeof KEYS]);
  return typeof value === "string";
}

const schemas = Object.entries(MODULES).flatMap(([module, exports]) =>
  Object.entries(exports).flatMap(([name, value]) => (isSchema(value) ? [{ key: `${module}/${name}`, schema: value, paths: textPaths(value) }] : [])),
);

it("every schema with a text field has a row, and every row names a schema", () => {
  const withText = schemas.filter((s) => s.paths.length > 0).map((s) => s.key).sort();
  expect(withText).toEqual(Object.keys(ROWS).sort());
  expect(withText.length).toBeGreaterThan(30);
});

const cases = schemas.flatMap(({ key, schema, paths }) => {
  const row = ROWS[key];
  if (!row) return [];
  return paths.filter((p) => !(p in (row.exempt ?? {}))).map((p) => ({ key, schema, at: p, row }));
});

describe.each(cases)("$key: $at", ({ schema, at, row }) => {
  const parse = (value: unknown) => schema.safeParse(withValue(row.valid, at, value));
  const issueAt = (value: unknown) => {
    const result = parse(value);
    expect(result.success, `${JSON.stringify(value).slice(0, 40)} is refused`).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join(".") === at);
    expect(issue, `an issue at "${at}"`).toBeDefined();
    expect(isTranslationKey(issue!.message), `${issue!.message} is a translation key`).toBe(true);
    return issue!.message;
  };

  it("accepts the valid input", () => {
    expect(schema.safeParse(row.valid).error?.issues ?? []).toEqual([]);
  });

  it.each([
    ["NUL", "Abc\u0000def"],
    ["U+0001", "Abc\u0001def"],
    ["DEL", "Abc\u007Fdef"],
    ["a C1 control", "Abc\u0085def"],
    ["a lone surrogate", "Abc\uD800def"],
    ["a lone low surrogate", "\uDE00Abc"],
  ])("refuses %s with a translated message", (_name, value) => {
    expect(issueAt(value)).toBe("validation.controlCharacter");
  });

  it.each([
    ["RLO U+202E", "\u202Eabc.exe"],
    ["LRE U+202A", "\u202Aabc"],
    ["PDF U+202C", "abc\u202C"],
    ["RLI U+2067", "\u2067abc\u2069"],
    ["PDI U+2069", "abc\u2069"],
  ])("refuses the bidirectional control %s as spoofing", (_name, value) => {
    expect(issueAt(value)).toBe("validation.bidiControl");
  });

  it("refuses a megabyte as too long", () => {
    expect(issueAt("a".repeat(1_000_000))).toBe("validation.tooLong");
  });

  it.each([["a number", 42], ["an object", { text: "x" }], ["an array", ["x"]], ["a boolean", true]])("refuses %s where text belongs", (_name, value) => {
    issueAt(value);
  });

  const formatted = (row.formatted ?? []).includes(at);
  const multiline = (row.multiline ?? []).includes(at);
  it.skipIf(formatted)("keeps the right-to-left and left-to-right marks of a name, trimmed", () => {
    const result = parse("  \u200Fعلي\u200F حسن\u200E ");
    expect(result.error?.issues ?? []).toEqual([]);
    expect(valueAt(result.data, at)).toBe("\u200Fعلي\u200F حسن\u200E");
  });

  if (multiline) {
    it("keeps line breaks and tabs, a CRLF made LF", () => {
      const result = parse("Rivi 1\r\nRivi 2\n\tsisennetty\rRivi 3");
      expect(result.error?.issues ?? []).toEqual([]);
      expect(valueAt(result.data, at)).toBe("Rivi 1\nRivi 2\n\tsisennetty\nRivi 3");
    });
  } else {
    it.each([["a line feed", "Abc\ndef"], ["a carriage return", "Abc\rdef"], ["a tab", "Abc\tdef"]])("refuses %s in single-line text", (_name, value) => {
      expect(issueAt(value)).toBe("validation.controlCharacter");
    });
  }
});
