import "server-only";
import { z } from "zod";
import * as answers from "../../lib/schemas/api";
import { clientSchema } from "../../lib/schemas/client";
import { courseFilterSchema, coursePatchSchema, courseSchema } from "../../lib/schemas/course";
import { enrolmentActions, enrolmentActionSchema, enrolmentListSchema, referralSchema } from "../../lib/schemas/enrolment";
import { clientRegisterFilterSchema } from "../../lib/schemas/official";
import { closePoolBodySchema, poolReferralSchema } from "../../lib/schemas/pool";
import { visitStatsQuerySchema } from "../../lib/schemas/advice-stats";
import { visitListQuerySchema, visitSchema } from "../../lib/schemas/advice";

// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas that validate
// requests and encode answers (lib/schemas/api.ts, through server/api/http.ts `answer`), so the
// document cannot drift from what the server accepts and answers. server/api/openapi.test.ts
// fails when a route handler under app/api/v1 is not described here.

// On the wire: what a request sends and what an answer's JSON holds (a timestamp's string side).
const json = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  void _dialect;
  return rest;
};

const requests = {
  Client: clientSchema,
  ClientSearch: clientRegisterFilterSchema,
  Course: courseSchema,
  CoursePatch: coursePatchSchema,
  Referral: referralSchema,
  EnrolmentAction: enrolmentActionSchema,
  PoolReferral: poolReferralSchema,
  ClosePool: closePoolBodySchema,
  Visit: visitSchema,
};

const responses = {
  Problem: answers.problemResponse,
  MeResponse: answers.meResponse,
  ClientResponse: answers.clientResponse,
  ClientRegisterResponse: answers.clientRegisterResponse,
  ClientPoolsResponse: answers.clientPoolsResponse,
  CourseResponse: answers.courseResponse,
  CourseListResponse: answers.courseListResponse,
  ReferralResponse: answers.referralResponse,
  CourseEnrolmentListResponse: answers.courseEnrolmentListResponse,
  EnrolmentResponse: answers.enrolmentResponse,
  EnrolmentActionResponse: answers.enrolmentActionResponse,
  PoolReferralResponse: answers.poolReferralResponse,
  ClosePoolResponse: answers.closePoolResponse,
  VisitStatsResponse: answers.visitStatsResponse,
  VisitOptionsResponse: answers.visitOptionsResponse,
  VisitResponse: answers.visitResponse,
  VisitListResponse: answers.visitListResponse,
};

type RequestName = keyof typeof requests;
type ResponseName = Exclude<keyof typeof responses, "Problem">;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemContent = { "application/problem+json": { schema: ref("Problem") } };

const ERRORS: Record<number, string> = {
  400: "The body is not JSON (`BAD_JSON`), or the Idempotency-Key is malformed (`IDEMPOTENCY_KEY_INVALID`).",
  401: "No valid API token (`UNAUTHENTICATED`).",
  403: "The caller's role cannot do this (`FORBIDDEN`).",
  404: "No such record, or it is not the caller's to see (`NOT_FOUND`).",
  409: "The record's state does not allow this (the `code` says why), or a request with the same Idempotency-Key is still running (`IDEMPOTENCY_KEY_IN_PROGRESS`, with Retry-After).",
  422: "Invalid input (`VALIDATION_FAILED` with per-field `errors`, or a domain code), or the Idempotency-Key was used for another request (`IDEMPOTENCY_KEY_REUSED`).",
  429: "Too many requests with this token (`RATE_LIMITED`); wait the Retry-After seconds.",
  500: "The server could not answer (`INTERNAL_ERROR`); quote the X-Request-Id.",
};

const requestIdHeader = { "X-Request-Id": { description: "The request's id: the caller's X-Request-Id, or one the server made.", schema: { type: "string" } } };

function errorResponses(codes: number[]) {
  return Object.fromEntries(
    [...new Set([...codes, 401, 429, 500])].sort((a, b) => a - b).map((code) => [
      String(code),
      {
        description: ERRORS[code],
        headers: { ...requestIdHeader, ...(code === 429 || code === 409 ? { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait before trying again." } } : {}) },
        content: problemContent,
      },
    ]),
  );
}

interface Operation {
  operationId: string;
  summary: string;
  /** 2xx: its status and the schema of its body. */
  answer: [status: 200 | 201, schema: ResponseName, description: string];
  errors: number[];
  body?: RequestName;
  bodyOptional?: boolean;
  parameters?: object[];
}

const idParam = (name = "id") => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const queryParams = (schema: z.ZodObject, notes: Record<string, string> = {}) =>
  Object.entries((json(schema) as { properties: Record<string, object> }).properties).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    schema: s,
    ...(notes[name] ? { description: notes[name] } : {}),
  }));

function operation(method: string, o: Operation) {
  const write = method !== "get";
  return {
    operationId: o.operationId,
    summary: o.summary,
    parameters: [...(o.parameters ?? []), { $ref: "#/components/parameters/RequestId" }, ...(write ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : [])],
    ...(o.body ? { requestBody: { required: !o.bodyOptional, content: { "application/json": { schema: ref(o.body) } } } } : {}),
    responses: {
      [String(o.answer[0])]: {
        description: o.answer[2],
        headers: { ...requestIdHeader, ...(write ? { "Idempotency-Replayed": { description: "`true` on the stored answer to a repeated request.", schema: { type: "string" } } } : {}) },
        content: { "application/json": { schema: ref(o.answer[1]) } },
      },
      ...errorResponses(write ? [...o.errors, 400, 409, 422] : o.errors),
    },
  };
}

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Koulutusportti API",
      version: "1",
      description:
        "Referrals, seats and waiting lists for integration training. Authenticate with `Authorization: Bearer <token>` (`npm run api-token -- <email>`). " +
        "Every write accepts an `Idempotency-Key`: a repeated request with the same key and body gets the first answer. Identity codes never go in a URL: search for one with `POST /clients/search`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      parameters: {
        RequestId: { name: "X-Request-Id", in: "header", required: false, description: "Your id for this request (1–128 of A–Z a–z 0–9 . _ : -); kept in the audit trail and logs.", schema: { type: "string", pattern: "^[A-Za-z0-9._:-]{1,128}$" } },
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "A key of your choice (a UUID, say) for this write. Sent again with the same request within 24 hours, the first answer (status and body) is returned instead of doing it twice.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
      schemas: Object.fromEntries([...Object.entries(requests), ...Object.entries(responses)].map(([name, schema]) => [name, json(schema)])),
    },
    paths: {
      "/me": { get: operation("get", { operationId: "getMe", summary: "The token's user", answer: [200, "MeResponse", "The user"], errors: [] }) },
      "/clients": {
        post: operation("post", { operationId: "registerClient", summary: "Register a client (officials)", body: "Client", answer: [201, "ClientResponse", "The client, identity code masked"], errors: [403] }),
        get: operation("get", {
          operationId: "listClients",
          summary: "The office's client register, by name, client number or e-mail (25 a page). A term shaped like an identity code is refused (422 `IDENTITY_CODE_IN_URL`): use POST /clients/search.",
          parameters: queryParams(clientRegisterFilterSchema, { q: "A name, client number or e-mail address; never an identity code." }),
          answer: [200, "ClientRegisterResponse", "One page of matches"],
          errors: [403, 422],
        }),
      },
      "/clients/search": {
        post: operation("post", {
          operationId: "searchClients",
          summary: "Search the office's client register by name, client number, e-mail or exact identity code, with the term in the body. A search by identity code is audited.",
          body: "ClientSearch",
          answer: [200, "ClientRegisterResponse", "One page of matches"],
          errors: [403],
        }),
      },
      "/clients/{id}": { get: operation("get", { operationId: "getClient", summary: "One client of the official's office", parameters: [idParam()], answer: [200, "ClientResponse", "The client, identity code masked"], errors: [404] }) },
      "/clients/{id}/pools": {
        get: operation("get", {
          operationId: "getClientPools",
          summary: "The client's pooled referrals, newest first, with each place's status and queue position (officials of the client's office)",
          parameters: [idParam()],
          answer: [200, "ClientPoolsResponse", "The pooled referrals"],
          errors: [404],
        }),
      },
      "/pools": {
        post: operation("post", {
          operationId: "referToPool",
          summary: "Queue a client for the first free seat among matching courses (officials): criteria and/or ranked courses. The client joins every matching course's queue at the pool's referral time; a free seat is offered at once.",
          body: "PoolReferral",
          answer: [201, "PoolReferralResponse", "The pool and its places"],
          errors: [403, 404],
        }),
      },
      "/pools/{id}/close": {
        post: operation("post", {
          operationId: "closePool",
          summary: "End a pooled referral (officials of the client's office): its queue places are withdrawn; an open offer stays for the client to answer",
          parameters: [idParam()],
          body: "ClosePool",
          answer: [200, "ClosePoolResponse", "How many queue places were withdrawn"],
          errors: [404],
        }),
      },
      "/courses": {
        post: operation("post", { operationId: "createCourse", summary: "Create a course (provider staff)", body: "Course", answer: [201, "CourseResponse", "The course"], errors: [403] }),
        get: operation("get", { operationId: "listCourses", summary: "Courses visible to the caller", parameters: queryParams(courseFilterSchema), answer: [200, "CourseListResponse", "The courses"], errors: [403, 422] }),
      },
      "/courses/{id}": {
        get: operation("get", { operationId: "getCourse", summary: "A course with capacity, seatsHeld and queueLength", parameters: [idParam()], answer: [200, "CourseResponse", "The course"], errors: [404] }),
        patch: operation("patch", {
          operationId: "updateCourse",
          summary: "Change a course; capacity and status go through the enrolment engine",
          parameters: [idParam()],
          body: "CoursePatch",
          answer: [200, "CourseResponse", "The course as changed"],
          errors: [404],
        }),
      },
      "/courses/{id}/enrolments": {
        post: operation("post", {
          operationId: "referClient",
          summary: "Refer a client (officials). A full course is not an error: the result is WAITLISTED with queuePosition.",
          parameters: [idParam()],
          body: "Referral",
          answer: [201, "ReferralResponse", "The enrolment: offered, confirmed or waitlisted"],
          errors: [403, 404],
        }),
        get: operation("get", {
          operationId: "listCourseEnrolments",
          summary: "The course's enrolments in queue order (provider staff), each with the client's minimal data (never an identity code)",
          parameters: [idParam(), ...queryParams(enrolmentListSchema)],
          answer: [200, "CourseEnrolmentListResponse", "The enrolments"],
          errors: [403, 404, 422],
        }),
      },
      "/enrolments/{id}": {
        get: operation("get", {
          operationId: "getEnrolment",
          summary: "An enrolment with its event history; for the course's provider with the client's minimal data",
          parameters: [idParam()],
          answer: [200, "EnrolmentResponse", "The enrolment"],
          errors: [404],
        }),
      },
      "/enrolments/{id}/{action}": {
        post: operation("post", {
          operationId: "actOnEnrolment",
          summary: "Act on an enrolment",
          parameters: [idParam(), { name: "action", in: "path", required: true, schema: { type: "string", enum: [...enrolmentActions] } }],
          body: "EnrolmentAction",
          bodyOptional: true,
          answer: [200, "EnrolmentActionResponse", "Done"],
          errors: [403, 404],
        }),
      },
      "/visits/stats": {
        get: operation("get", {
          operationId: "getVisitStats",
          summary:
            "Visits of a period (Finnish days, both included) by one dimension (advisers: their own advice point; administrators: every point, or one). " +
            "A visit with several topics, languages or destinations is counted once for each. With suppress=true the figures are publishable: a count below 5, and any that would let one be worked out from the total, is null.",
          parameters: queryParams(visitStatsQuerySchema, {
            from: "The first day of the period, YYYY-MM-DD.",
            to: "The last day of the period, YYYY-MM-DD (at most ten years after from).",
            by: "The dimension: topic, language, channel, outcome, destination, month, advicePoint, ageBand, gender, timeInFinland or firstVisit.",
            suppress: "true: suppress small counts for publication.",
            point: "Administrators: one advice point's id. An adviser may name only their own.",
          }).map((p) => (["from", "to", "by"].includes(p.name) ? { ...p, required: true } : p)),
          answer: [200, "VisitStatsResponse", "One row per value that occurs in the period or a year earlier (every month for by=month), and the total"],
          errors: [403, 404, 422],
        }),
      },
      "/visit-options": {
        get: operation("get", {
          operationId: "getVisitOptions",
          summary: "The advice point's lists for a visit (advisers): the active topics and referral destinations, labelled in the caller's UI language",
          answer: [200, "VisitOptionsResponse", "The topics and destinations"],
          errors: [403],
        }),
      },
      "/visits": {
        post: operation("post", {
          operationId: "recordVisit",
          summary:
            "Log an anonymous visit for the adviser's advice point (advisers). `occurredAt` left out is now; `referredToIds` is required when the outcome is REFERRED; " +
            "a note or origin holding an identity code, an e-mail address or a phone number is refused (422 naming the field), as is a retired topic or destination.",
          body: "Visit",
          answer: [201, "VisitResponse", "The visit"],
          errors: [403],
        }),
        get: operation("get", {
          operationId: "listVisits",
          summary: "The visits of the adviser's own advice point on the Finnish days from..to, both included (at most a year; default the last 30 days), in time order",
          parameters: queryParams(visitListQuerySchema, { from: "First day, YYYY-MM-DD (Finnish time).", to: "Last day, YYYY-MM-DD (Finnish time)." }),
          answer: [200, "VisitListResponse", "The visits"],
          errors: [403, 422],
        }),
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI 3.1 description of the API", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
  };
}
