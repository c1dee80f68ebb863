import { test as base, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// Every answer of /api/v1 that a journey receives is checked against the server's own OpenAPI
// document: its status must be declared for the operation and its body must fit the declared
// schema (the 2xx answer's or the problem's). Specs import `test` from here instead of
// @playwright/test; their `request` fixture is then checked on every call.

type Method = "get" | "post" | "put" | "patch" | "delete";
type Document = {
  paths: Record<string, Partial<Record<Method, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>>;
  components: { schemas: Record<string, object> };
};

const API = "/api/v1";
let checker: Promise<(method: Method, url: string, response: APIResponse) => Promise<void>> | undefined;

async function makeChecker(request: APIRequestContext) {
  const served = await request.get(`${API}/openapi.json`);
  expect(served.status()).toBe(200);
  const doc = (await served.json()) as Document;
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  // The document's schemas as one JSON Schema, so their references resolve.
  const toDefs = (schema: object) => JSON.parse(JSON.stringify(schema).replaceAll("#/components/schemas/", "openapi#/$defs/")) as object;
  ajv.addSchema({ $id: "openapi", $defs: toDefs(doc.components.schemas) });
  const validators = new Map<string, ValidateFunction>();
  const routes = Object.keys(doc.paths)
    .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`), params: (template.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);

  return async (method: Method, url: string, response: APIResponse) => {
    const path = new URL(url, "http://x").pathname.slice(API.length);
    const route = routes.find((r) => r.pattern.test(path) && doc.paths[r.template]![method]);
    expect(route, `${method.toUpperCase()} ${path} is in the OpenAPI document`).toBeDefined();
    const operation = `${method.toUpperCase()} ${route!.template}`;
    const status = String(response.status());
    const declared = doc.paths[route!.template]![method]!.responses[status];
    expect(declared, `${operation} declares the status ${status} it answered`).toBeDefined();
    const [type, media] = Object.entries(declared!.content ?? {})[0] ?? [];
    if (!type || !media) return;
    expect(response.headers()["content-type"], `${operation} ${status}`).toContain(type);
    const key = `${operation} ${status}`;
    if (!validators.has(key)) validators.set(key, ajv.compile(toDefs(media.schema)));
    const validate = validators.get(key)!;
    const body: unknown = await response.json();
    expect(validate(body) ? [] : validate.errors, `${key}: the answer fits its declared schema`).toEqual([]);
  };
}

function checked(request: APIRequestContext): APIRequestContext {
  const check = (checker ??= makeChecker(request));
  return new Proxy(request, {
    get(target, property, receiver) {
      const original = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== "string" || !["get", "post", "put", "patch", "delete", "fetch"].includes(property) || typeof original !== "function") return original;
      return async (url: string, options?: { method?: string }) => {
        const response = (await (original as (u: string, o?: object) => Promise<APIResponse>).call(target, url, options)) as APIResponse;
        const path = new URL(url, "http://x").pathname;
        if (path.startsWith(`${API}/`) && path !== `${API}/openapi.json`) {
          const method = (property === "fetch" ? (options?.method ?? "get").toLowerCase() : property) as Method;
          await (await check)(method, url, response);
        }
        return response;
      };
    },
  });
}

export const test = base.extend({
  // Playwright's fixture callback, not a React hook.
  request: async ({ request }, provide) => {
    await provide(checked(request));
  },
});
export { expect };
