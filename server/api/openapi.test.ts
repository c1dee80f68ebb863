import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const API_ROOT = join(import.meta.dirname, "../../app/api/v1");
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Every route handler under app/api/v1, as "METHOD /path/{param}", read from the file system. */
function routeHandlers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === "route.ts") {
        const route = `/${relative(API_ROOT, dir).split(sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");
        const source = readFileSync(path, "utf8");
        for (const [, method] of source.matchAll(/^export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/gm)) found.push(`${method} ${route}`);
      }
    }
  };
  walk(API_ROOT);
  return found.sort();
}

type Operation = {
  operationId?: string;
  parameters?: { $ref?: string }[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};
const operations = (doc: ReturnType<typeof openApiDocument>) =>
  Object.entries(doc.paths as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ key: `${method.toUpperCase()} ${path}`, method, path, operation: item[method] }] : [])),
  );

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and describes the shared input schemas", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const client = doc.components.schemas.Client as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(client.properties)).toEqual(expect.arrayContaining(["firstName", "dateOfBirth", "personalIdentityCode", "studyPath", "preferredLanguage"]));
    expect(client.required).toEqual(expect.arrayContaining(["firstName", "lastName", "dateOfBirth", "studyPath", "preferredLanguage"]));
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs).toEqual(expect.arrayContaining(["PoolReferral", "ClosePool"]));
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
    const pool = doc.components.schemas.PoolReferral as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(pool.properties)).toEqual(expect.arrayContaining(["clientId", "criteria", "rankedCourseIds", "priority"]));
  });

  it("passes a standard OpenAPI validator", async () => {
    await expect(SwaggerParser.validate(structuredClone(openApiDocument()) as never)).resolves.toBeTruthy();
  });

  it("describes exactly the route handlers under app/api/v1, each operation once by a unique id", () => {
    const doc = openApiDocument();
    const handlers = routeHandlers();
    expect(handlers.length).toBeGreaterThan(15);
    expect(operations(doc).map((o) => o.key).sort()).toEqual(handlers);
    const ids = operations(doc).map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares every operation's 2xx answer by a named response schema, and its errors as problem+json", () => {
    const doc = openApiDocument();
    for (const { key, operation } of operations(doc)) {
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((s) => s.startsWith("2"));
      expect(success, key).toHaveLength(1);
      const schema = operation.responses[success[0]!]!.content?.["application/json"]?.schema;
      if (key === "GET /openapi.json") continue;
      expect(schema?.$ref, key).toMatch(/^#\/components\/schemas\/\w+Response$/);
      const named = doc.components.schemas[schema!.$ref!.split("/").at(-1)! as keyof typeof doc.components.schemas] as { type?: string; properties?: object };
      expect(named.type, key).toBe("object");
      expect(Object.keys(named.properties ?? {}).length, key).toBeGreaterThan(0);
      for (const status of statuses.filter((s) => !s.startsWith("2"))) {
        expect(operation.responses[status]!.content, `${key} ${status}`).toEqual({ "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } });
      }
      expect(statuses, key).toEqual(expect.arrayContaining(["401", "429", "500"]));
    }
  });

  it("offers Idempotency-Key on every write and documents what a reused or running key answers", () => {
    for (const { key, method, operation } of operations(openApiDocument())) {
      const idempotent = (operation.parameters ?? []).some((p) => p.$ref === "#/components/parameters/IdempotencyKey");
      expect(idempotent, key).toBe(method !== "get");
      if (method !== "get") expect(Object.keys(operation.responses), key).toEqual(expect.arrayContaining(["409", "422"]));
    }
  });

  it("documents the rate limit's 429 with Retry-After on authenticated calls", () => {
    const me = openApiDocument().paths["/me"] as { get: { responses: Record<string, { headers?: Record<string, unknown> }> } };
    expect(me.get.responses["429"]?.headers).toHaveProperty("Retry-After");
  });

  it("describes the provider's view of a client without any identity code", () => {
    const { schemas } = openApiDocument().components;
    for (const name of ["CourseEnrolmentListResponse", "EnrolmentResponse"] as const) {
      const text = JSON.stringify(schemas[name]);
      expect(text, name).toContain('"preferredLanguage"');
      expect(text.toLowerCase(), name).not.toContain("identitycode");
    }
  });
});
