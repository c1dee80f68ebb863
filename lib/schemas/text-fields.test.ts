import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as admin from "./admin";
import * as advice from "./advice";
import * as client from "./client";
import * as course from "./course";
import * as enrolment from "./enrolment";
import * as official from "./official";
import * as password from "./password";
import * as pool from "./pool";
import * as provider from "./provider";
import * as reports from "./reports";
import * as selfService from "./self-service";
import * as signIn from "./sign-in";

// Every field of every input schema that takes a written word must refuse a NUL byte and a
// megabyte string with a translated key, so a new field written with a bare z.string() fails here.
// Response schemas (api.ts) describe what we send, not what we accept, and are not listed.

type Any = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };
const modules = { admin, advice, client, course, enrolment, official, password, pool, provider, reports, selfService, signIn };

/** The object shape under refinements, pipes (transforms) and preprocessors, if there is one. */
function shapeOf(schema: Any): Record<string, Any> | null {
  const def = schema._zod.def;
  if (def.type === "object") return def.shape as Record<string, Any>;
  if (def.type === "pipe") return shapeOf(def.in as Any) ?? shapeOf(def.out as Any);
  return null;
}

const inputSchemas = Object.entries(modules).flatMap(([moduleName, exports]) =>
  Object.entries(exports as Record<string, unknown>)
    .filter(([, value]) => typeof value === "object" && value !== null && "_zod" in value)
    .map(([name, value]) => ({ name: `${moduleName}/${name}`, shape: shapeOf(value as Any) }))
    .filter((s): s is { name: string; shape: Record<string, Any> } => s.shape !== null),
);

// Words a text field of some kind accepts (and keeps as a string: a flag that reads any word as
// false is not a text field): a name, an address, an e-mail, a long passphrase.
const WORDS = ["Helsinki", "aino.virtanen@example.fi", "pitkä salasana vuodelta 2027"];

const fields = inputSchemas.flatMap(({ name, shape }) =>
  Object.entries(shape)
    .map(([field, schema]) => ({ field: `${name}.${field}`, schema, word: WORDS.find((w) => typeof schema.safeParse(w).data === "string") }))
    .filter((f): f is { field: string; schema: Any; word: string } => f.word !== undefined),
);

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("every written field of every input schema", () => {
  it("finds the schemas and their text fields", () => {
    expect(inputSchemas.length).toBeGreaterThan(30);
    expect(fields.length).toBeGreaterThan(40);
    expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(["course/coursePatchSchema.name", "client/clientSchema.notes", "official/clientRegisterFilterSchema.q", "signIn/signInSchema.password", "advice/visitSchema.note"]));
  });

  it.each(fields.map((f) => [f.field, f] as const))("%s refuses a NUL byte and a megabyte string with a translated key", (_name, { schema, word }) => {
    expect(firstMessage(schema.safeParse(`${word}\u0000`))).toBe("validation.controlCharacters");
    expect(firstMessage(schema.safeParse(`${word}${"x".repeat(1_000_000)}`))).toBe("validation.tooLong");
  });

  it.each(inputSchemas.flatMap(({ name, shape }) => Object.entries(shape).map(([field, schema]) => [`${name}.${field}`, schema] as const)))(
    "%s answers a wrong type with a translation key, not zod's English",
    (_name, schema) => {
      const result = schema.safeParse({ not: "a value" });
      if (!result.success) for (const issue of result.error.issues) expect(issue.message).toMatch(/^[a-z]+(\.[A-Za-z0-9]+)+$/);
    },
  );
});
