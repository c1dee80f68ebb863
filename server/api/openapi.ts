import "server-only";
import { z } from "zod";
import { clientSchema } from "../../lib/schemas/client";
import { courseFilterSchema, coursePatchSchema, courseSchema } from "../../lib/schemas/course";
import { enrolmentActions, enrolmentActionSchema, enrolmentListSchema, referralSchema } from "../../lib/schemas/enrolment";
import { closePoolBodySchema, poolReferralSchema } from "../../lib/schemas/pool";

// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas that validate
// requests, so the document cannot drift from what the server accepts.

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });

const problem = { $ref: "#/components/schemas/Problem" };
// Every authenticated call can also answer 429 (the token's per-minute allowance, with Retry-After).
const errors = (...codes: number[]) =>
  Object.fromEntries(
    (codes.includes(401) ? [...codes, 429] : codes).map((c) => [
      String(c),
      c === 429
        ? {
            description: "Too many requests with this token (`code` RATE_LIMITED); wait the Retry-After seconds.",
            headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds until the token may call again." } },
            content: { "application/problem+json": { schema: problem } },
          }
        : { description: "Problem details (RFC 9457) with a stable `code`.", content: { "application/problem+json": { schema: problem } } },
    ]),
  );
const body = (ref: string) => ({ required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const ok = (description: string, status = "200") => ({ [status]: { description, content: { "application/json": { schema: { type: "object" } } } } });
const idParam = (name = "id") => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const queryParams = (schema: z.ZodObject) =>
  Object.entries((json(schema) as { properties: Record<string, object> }).properties).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Koulutusportti API", version: "1", description: "Referrals, seats and waiting lists for integration training. Authenticate with `Authorization: Bearer <token>` (`npm run api-token -- <email>`)." },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "code"],
          properties: {
            type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, code: { type: "string" }, detail: { type: "string" },
            errors: { type: "array", items: { type: "object", properties: { field: { type: "string" }, code: { type: "string" } } } },
          },
        },
        Client: json(clientSchema),
        Course: json(courseSchema),
        CoursePatch: json(coursePatchSchema),
        Referral: json(referralSchema),
        EnrolmentAction: json(enrolmentActionSchema),
        PoolReferral: json(poolReferralSchema),
        ClosePool: json(closePoolBodySchema),
      },
    },
    paths: {
      "/me": { get: { summary: "The token's user", responses: { ...ok("id, email, role, organisationId"), ...errors(401) } } },
      "/clients": {
        post: { summary: "Register a client (officials)", requestBody: body("Client"), responses: { ...ok("The client, identity code masked", "201"), ...errors(401, 403, 422) } },
        get: { summary: "Search the office's clients by name, client number, e-mail or exact identity code", parameters: [{ name: "q", in: "query", schema: { type: "string" } }], responses: { ...ok("{ items }"), ...errors(401, 403) } },
      },
      "/clients/{id}": { get: { summary: "One client of the official's office", parameters: [idParam()], responses: { ...ok("The client"), ...errors(401, 404) } } },
      "/clients/{id}/pools": { get: { summary: "The client's pooled referrals, newest first, with each place's status and queue position (officials of the client's office)", parameters: [idParam()], responses: { ...ok("{ items }"), ...errors(401, 404) } } },
      "/pools": {
        post: {
          summary: "Queue a client for the first free seat among matching courses (officials): criteria and/or ranked courses. The client joins every matching course's queue at the pool's referral time; a free seat is offered at once.",
          requestBody: body("PoolReferral"),
          responses: { ...ok("{ id, places: [{ enrolmentId, courseId, status, preferenceRank, conditional, queuePosition }] }", "201"), ...errors(401, 403, 404, 409, 422) },
        },
      },
      "/pools/{id}/close": { post: { summary: "End a pooled referral (officials of the client's office): its queue places are withdrawn; an open offer stays for the client to answer", parameters: [idParam()], requestBody: body("ClosePool"), responses: { ...ok("{ ok: true, withdrawn }"), ...errors(401, 404, 409, 422) } } },
      "/courses": {
        post: { summary: "Create a course (provider staff)", requestBody: body("Course"), responses: { ...ok("The course", "201"), ...errors(401, 403, 422) } },
        get: { summary: "Courses visible to the caller", parameters: queryParams(courseFilterSchema), responses: { ...ok("{ items }"), ...errors(401, 422) } },
      },
      "/courses/{id}": {
        get: { summary: "A course with capacity, seatsHeld and queueLength", parameters: [idParam()], responses: { ...ok("The course"), ...errors(401, 404) } },
        patch: { summary: "Change a course; capacity and status go through the enrolment engine", parameters: [idParam()], requestBody: body("CoursePatch"), responses: { ...ok("The course"), ...errors(401, 404, 409, 422) } },
      },
      "/courses/{id}/enrolments": {
        post: { summary: "Refer a client (officials). A full course is not an error: the result is WAITLISTED with queuePosition.", parameters: [idParam()], requestBody: body("Referral"), responses: { ...ok("{ id, status, queuePosition, offerExpiresAt }", "201"), ...errors(401, 403, 404, 409, 422) } },
        get: { summary: "The course's enrolments in queue order (provider staff)", parameters: [idParam(), ...queryParams(enrolmentListSchema)], responses: { ...ok("{ items }"), ...errors(401, 403, 404) } },
      },
      "/enrolments/{id}": { get: { summary: "An enrolment with its event history", parameters: [idParam()], responses: { ...ok("The enrolment"), ...errors(401, 404) } } },
      "/enrolments/{id}/{action}": {
        post: {
          summary: "Act on an enrolment",
          parameters: [idParam(), { name: "action", in: "path", required: true, schema: { type: "string", enum: [...enrolmentActions] } }],
          requestBody: { required: false, content: { "application/json": { schema: { $ref: "#/components/schemas/EnrolmentAction" } } } },
          responses: { ...ok("{ ok: true, … }"), ...errors(401, 403, 404, 409, 422) },
        },
      },
    },
  };
}
