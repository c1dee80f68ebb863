import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and describes the shared input schemas", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const client = doc.components.schemas.Client as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(client.properties)).toEqual(expect.arrayContaining(["firstName", "dateOfBirth", "personalIdentityCode", "studyPath", "preferredLanguage"]));
    expect(client.required).toEqual(expect.arrayContaining(["firstName", "lastName", "dateOfBirth", "studyPath", "preferredLanguage"]));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/courses/{id}/enrolments", "/enrolments/{id}/{action}", "/pools", "/pools/{id}/close", "/clients/{id}/pools"]));
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs).toEqual(expect.arrayContaining(["PoolReferral", "ClosePool"]));
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
    const pool = doc.components.schemas.PoolReferral as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(pool.properties)).toEqual(expect.arrayContaining(["clientId", "criteria", "rankedCourseIds", "priority"]));
  });

  it("documents the rate limit's 429 with Retry-After on authenticated calls", () => {
    const me = openApiDocument().paths["/me"] as { get: { responses: Record<string, { headers?: Record<string, unknown> }> } };
    expect(me.get.responses["429"]?.headers).toHaveProperty("Retry-After");
  });
});
