// The access matrix: every page, route handler, API endpoint and server action of the app, called
// as each kind of visitor, with the answer each must get, and a check that nothing foreign appears
// in any answer (another office's clients, clients not referred to the provider, identity codes).
//
// Routes are found on disk (app/**/page.tsx, app/**/route.ts and the methods each route exports)
// and server actions in the build's server-reference manifest, so a new route or action without an
// entry in ROUTES or ACTIONS fails the first test. Records belong to the first office and the first
// provider of the demo data; the second office's official and the second provider's staff must get
// 404 for them, never 403. Server actions are called for other organisations' records only: that an
// allowed caller can use them is what the journeys in the other specs show.
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { buildDemoData } from "../server/demo/data";
import { apiToken, bearer } from "./support/api";
import { signIn } from "./support/auth";
import { fi } from "./support/messages";
import { addDays, helsinkiToday } from "../lib/dates";
import { visitListLabelsSchema } from "../lib/schemas/admin";
import { clientSchema } from "../lib/schemas/client";
import { courseSchema } from "../lib/schemas/course";
import { bulkReferralSchema, officialReferralSchema } from "../lib/schemas/official";
import { closePoolSchema, poolReferralSchema } from "../lib/schemas/pool";
import { closeLeadSchema, handoverSchema } from "../lib/schemas/handover";
import { visitSchema } from "../lib/schemas/advice";
import { bulkActionSchema, capacityChangeSchema, courseStatusSchema, enrolmentActionFormSchema, queueMoveSchema } from "../lib/schemas/provider";

type Role = "anonymous" | "official" | "otherOffice" | "provider" | "otherProvider" | "adviser" | "otherAdviser" | "admin" | "deactivated";
const ROLES: readonly Role[] = ["anonymous", "official", "otherOffice", "provider", "otherProvider", "adviser", "otherAdviser", "admin", "deactivated"];
const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
  official: "virkailija@example.fi",
  otherOffice: "virkailija2@example.fi",
  provider: "jarjestaja@example.fi",
  otherProvider: "jarjestaja2@example.fi",
  adviser: "neuvoja@example.fi",
  otherAdviser: "neuvoja2@example.fi",
  admin: "admin@example.fi",
  // Signed in and given an API token, then deactivated by the administrator: must fare as the anonymous do.
  deactivated: "jarjestaja3@example.fi",
};

/** What a call must answer: a status code, or "signin" for a redirect to the sign-in page. */
type Outcome = number | "signin";
type Expectation = Record<Role, Outcome>;

/** The records the calls are about: the first office's and the first provider's. */
interface Ids {
  client: string;
  enrolment: string;
  course: string;
  courseEnrolment: string;
  mail: string;
  /** The first office and its official, for the administrator's pages. */
  organisation: string;
  user: string;
  /** The first entry of the managed lists (a built-in topic), for the administrator's pages. */
  listEntry: string;
  /** A client of the first office with an active pooled referral, and that pool. */
  poolClient: string;
  pool: string;
  /** Another such pool, which the official's call of the JSON API ends. */
  apiPool: string;
  /** A published course of the first provider that takes referrals (in a municipality of its own, so no other journey's pool matches it). */
  openCourse: string;
  /** Clients of the first office with nothing yet: the official refers one to openCourse and pools the other through the JSON API. */
  referClient: string;
  poolReferClient: string;
  /** An enrolment of another such client on openCourse, which the official cancels through the JSON API. */
  apiEnrolment: string;
  /** A visit logged at the first advice point (demo data), and a hand-over of another to the first office: a lead. */
  visit: string;
  /** An active topic of the managed list, to log a visit with. */
  topic: string;
  lead: string;
  /** The first advice point (its adviser's organisation). */
  advicePoint: string;
}

interface Call {
  method?: "GET" | "POST" | "PATCH";
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  expect: Expectation;
  /** Pages that by design show every e-mail sent (the demo mailbox, staff only). */
  namesAllowed?: boolean;
  /** The subject-access export: the client's own identity code, for their office's official. */
  identityCodeFor?: Role;
  /** The first advice point's visit (ids.visit): its id must not appear in an answer to the roles not listed. */
  visitSeenBy?: Role[];
}

const everyone = (status: Outcome): Expectation => Object.fromEntries(ROLES.map((r) => [r, status])) as Expectation;
const only = (roles: Role[], allowed: Outcome, others: Outcome, anonymous: Outcome = "signin"): Expectation =>
  Object.fromEntries(ROLES.map((r) => [r, r === "anonymous" || r === "deactivated" ? anonymous : roles.includes(r) ? allowed : others])) as Expectation;
const STAFF = only(["official", "otherOffice", "provider", "otherProvider", "admin"], 200, 404);
const ADVISERS = only(["adviser", "otherAdviser"], 200, 404);
const OFFICIALS = only(["official", "otherOffice"], 200, 404);
const OFFICE_RECORD = only(["official"], 200, 404);
const PROVIDERS = only(["provider", "otherProvider"], 200, 404);
const PROVIDER_RECORD = only(["provider"], 200, 404);
const ADMINS = only(["admin"], 200, 404);
// The JSON API answers 401 without a token, 403 to a role the endpoint is not for, 404 for other organisations' records.
const API_STAFF = only(["official", "otherOffice", "provider", "otherProvider", "adviser", "otherAdviser", "admin"], 200, 403, 401);
const api = (allowed: Partial<Record<Role, Outcome>>, otherwise: Outcome = 403): Expectation => ({ ...everyone(otherwise), anonymous: 401, deactivated: 401, ...allowed });

const inDays = (n: number) => addDays(helsinkiToday(new Date()), n);
const visitBody = (i: Ids) => ({ channel: "WALK_IN", languages: ["fi"], topicIds: [i.topic], outcome: "ANSWERED", note: "Pääsyoikeuden testikäynti" });
const NEW_CLIENT = { firstName: "Matriisi", lastName: "Testinen", dateOfBirth: "1990-01-01", preferredLanguage: "fi", studyPath: "BASIC" };
const NEW_COURSE = { name: "Pääsyoikeuksien testikurssi", studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Helsinki", schedule: "DAY", startsOn: inDays(60), endsOn: inDays(160), capacity: 5 };
/** A town no demo course or other journey uses: criteria naming it with another study path match nothing. */
const TOWN = "Pääsyoikeusmaa";
const REASON = "Pääsyoikeuden testi";
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
const MATCHING_NOTHING = { studyPath: "LITERACY", levelFit: true, municipalities: [TOWN], includeRemote: false, schedule: null, instructionLanguage: null, startFrom: null, startTo: null };

/**
 * A payload the schema of its form accepts, so that a refusal can only come from the check of who
 * may act on which record, never from validation (which runs before the organisation is known).
 */
function valid<T>(schema: { parse(value: unknown): unknown }, value: T): T {
  schema.parse(value);
  return value;
}

const ROUTES: Record<string, Call[]> = {
  "GET /": [{ path: () => "/", expect: { ...everyone(307), anonymous: "signin", deactivated: "signin" } }],
  "GET /signin": [{ path: () => "/signin", expect: { ...everyone(307), anonymous: 200, deactivated: 200 } }],
  "GET /accessibility": [{ path: () => "/accessibility", expect: everyone(200) }],
  "GET /o/[token]": [{ path: () => "/o/not-a-real-token", expect: everyone(200) }],
  // The blocked-link page exists only behind proxy.ts's verdict (a blocked IP, notifications.spec.ts).
  "GET /o/blocked": [{ path: () => "/o/blocked", expect: everyone(404) }],
  "GET /mailbox": [{ path: () => "/mailbox", expect: STAFF, namesAllowed: true }],
  "GET /mailbox/[id]": [{ path: (i) => `/mailbox/${i.mail}`, expect: STAFF, namesAllowed: true }],
  "GET /mailbox/[id]/html": [{ path: (i) => `/mailbox/${i.mail}/html`, expect: { ...STAFF, anonymous: 404, deactivated: 404 }, namesAllowed: true }],

  "GET /official": [{ path: () => "/official", expect: OFFICIALS }],
  "GET /official/clients": [{ path: () => "/official/clients?q=a", expect: OFFICIALS }],
  "GET /official/clients/new": [{ path: () => "/official/clients/new", expect: OFFICIALS }],
  "GET /official/clients/[id]": [{ path: (i) => `/official/clients/${i.client}`, expect: OFFICE_RECORD }],
  "GET /official/clients/[id]/edit": [{ path: (i) => `/official/clients/${i.client}/edit`, expect: OFFICE_RECORD }],
  "GET /official/clients/[id]/courses": [{ path: (i) => `/official/clients/${i.client}/courses`, expect: OFFICE_RECORD }],
  "GET /official/clients/[id]/pool": [
    { path: (i) => `/official/clients/${i.client}/pool`, expect: OFFICE_RECORD },
    // The client page of a client with a pooled referral: its panel is the office's only.
    { path: (i) => `/official/clients/${i.poolClient}`, expect: OFFICE_RECORD },
  ],
  "GET /official/clients/[id]/data": [{ path: (i) => `/official/clients/${i.client}/data`, expect: OFFICE_RECORD, identityCodeFor: "official" }],
  "GET /official/clients/[id]/data/json": [{ path: (i) => `/official/clients/${i.client}/data/json`, expect: OFFICE_RECORD, identityCodeFor: "official" }],
  "GET /official/clients/export": [{ path: () => "/official/clients/export?format=csv", expect: OFFICIALS }],
  "GET /official/bulk": [{ path: (i) => `/official/bulk?client=${i.client}`, expect: OFFICIALS }],

  "GET /provider": [{ path: () => "/provider", expect: PROVIDERS }],
  "GET /provider/courses/new": [{ path: () => "/provider/courses/new", expect: PROVIDERS }],
  "GET /provider/courses/[id]": [{ path: (i) => `/provider/courses/${i.course}`, expect: PROVIDER_RECORD }],
  "GET /provider/courses/[id]/edit": [{ path: (i) => `/provider/courses/${i.course}/edit`, expect: PROVIDER_RECORD }],
  "GET /provider/courses/[id]/attendance": [{ path: (i) => `/provider/courses/${i.course}/attendance`, expect: PROVIDER_RECORD }],
  "GET /provider/courses/[id]/export": [{ path: (i) => `/provider/courses/${i.course}/export?format=csv`, expect: { ...PROVIDER_RECORD, anonymous: 404, deactivated: 404 } }],
  "GET /provider/courses/[id]/enrolments/[enrolmentId]": [{ path: (i) => `/provider/courses/${i.course}/enrolments/${i.courseEnrolment}`, expect: PROVIDER_RECORD }],

  "GET /admin": [{ path: () => "/admin", expect: ADMINS }],
  "GET /admin/outbox": [{ path: () => "/admin/outbox", expect: ADMINS }],
  "GET /admin/organisations": [{ path: () => "/admin/organisations", expect: ADMINS }],
  "GET /admin/organisations/new": [{ path: () => "/admin/organisations/new", expect: ADMINS }],
  "GET /admin/organisations/[id]": [{ path: (i) => `/admin/organisations/${i.organisation}`, expect: ADMINS }],
  "GET /admin/users": [{ path: () => "/admin/users", expect: ADMINS }],
  "GET /admin/users/invite": [{ path: () => "/admin/users/invite", expect: ADMINS }],
  "GET /admin/users/[id]": [{ path: (i) => `/admin/users/${i.user}`, expect: ADMINS }],
  "GET /admin/lists": [{ path: () => "/admin/lists", expect: ADMINS }],
  "GET /admin/lists/new": [{ path: () => "/admin/lists/new?kind=DESTINATION", expect: ADMINS }],
  "GET /admin/lists/[id]": [{ path: (i) => `/admin/lists/${i.listEntry}`, expect: ADMINS }],
  "GET /admin/tokens": [{ path: () => "/admin/tokens", expect: ADMINS }],
  "GET /admin/settings": [{ path: () => "/admin/settings", expect: ADMINS }],
  "GET /admin/audit": [{ path: () => "/admin/audit", expect: ADMINS }],
  "GET /admin/audit/export": [{ path: () => "/admin/audit/export?format=csv", expect: ADMINS }],
  "GET /set-password/[token]": [{ path: () => "/set-password/not-a-real-token", expect: everyone(200) }],

  // Advisers' pages (an advice point's own): nobody else may open them.
  "GET /advice": [{ path: () => "/advice", expect: ADVISERS, visitSeenBy: ["adviser"] }],
  "GET /advice/visits/[id]/edit": [
    { path: (i) => `/advice/visits/${i.visit}/edit`, expect: only(["adviser"], 200, 404) },
    // A visit that does not exist is not found, for its would-be adviser too.
    { path: () => `/advice/visits/${NO_SUCH_ID}/edit`, expect: only([], 200, 404) },
  ],
  "GET /advice/handovers": [{ path: () => "/advice/handovers", expect: ADVISERS }],
  "GET /advice/visits/[id]/handover": [{ path: (i) => `/advice/visits/${i.visit}/handover`, expect: only(["adviser"], 200, 404) }],

  "GET /reports": [{ path: () => "/reports", expect: STAFF }],
  "GET /reports/export": [{ path: () => "/reports/export?table=fillByCourse&format=csv", expect: STAFF }],
  // The advice points' visit statistics: each adviser their own point's; administrators every point's, in the reports.
  "GET /advice/stats": [
    { path: () => "/advice/stats?publishable=true", expect: ADVISERS },
    { path: (i) => `/advice/stats?point=${i.advicePoint}`, expect: only(["adviser"], 200, 404) },
  ],
  "GET /advice/stats/export": [
    { path: () => "/advice/stats/export?dimension=channel&format=csv", expect: only(["adviser", "otherAdviser", "admin"], 200, 404) },
    { path: (i) => `/advice/stats/export?dimension=topic&format=xlsx&publishable=true&point=${i.advicePoint}`, expect: only(["adviser", "admin"], 200, 404) },
  ],
  "GET /reports/advice": [{ path: (i) => `/reports/advice?point=${i.advicePoint}`, expect: ADMINS }],

  "GET /api/health": [{ path: () => "/api/health", expect: everyone(200) }],
  "GET /api/auth/[...nextauth]": [{ path: () => "/api/auth/providers", expect: everyone(200) }],
  // next-auth refuses a sign-out without its CSRF token by redirecting.
  "POST /api/auth/[...nextauth]": [{ method: "POST", path: () => "/api/auth/signout", body: () => ({}), expect: everyone(302) }],
  "GET /api/v1/me": [{ path: () => "/api/v1/me", expect: API_STAFF }],
  "GET /api/v1/openapi.json": [{ path: () => "/api/v1/openapi.json", expect: everyone(200) }],
  "GET /api/v1/clients": [{ path: () => "/api/v1/clients?q=a", expect: api({ official: 200, otherOffice: 200 }) }],
  "POST /api/v1/clients": [{ method: "POST", path: () => "/api/v1/clients", body: () => valid(clientSchema, NEW_CLIENT), expect: api({ official: 201, otherOffice: 201 }) }],
  "POST /api/v1/clients/search": [{ method: "POST", path: () => "/api/v1/clients/search", body: () => ({ q: "a" }), expect: api({ official: 200, otherOffice: 200 }) }],
  "GET /api/v1/clients/[id]": [{ path: (i) => `/api/v1/clients/${i.client}`, expect: api({ official: 200 }, 404) }],
  "GET /api/v1/courses": [{ path: () => "/api/v1/courses", expect: api({ official: 200, otherOffice: 200, provider: 200, otherProvider: 200, admin: 200 }) }],
  "POST /api/v1/courses": [{ method: "POST", path: () => "/api/v1/courses", body: () => valid(courseSchema, NEW_COURSE), expect: api({ provider: 201, otherProvider: 201 }) }],
  "GET /api/v1/courses/[id]": [{ path: (i) => `/api/v1/courses/${i.course}`, expect: api({ official: 200, otherOffice: 200, provider: 200, otherProvider: 404, adviser: 404, otherAdviser: 404, admin: 200 }) }],
  "PATCH /api/v1/courses/[id]": [{ method: "PATCH", path: (i) => `/api/v1/courses/${i.course}`, body: () => ({}), expect: api({ provider: 200 }, 404) }],
  "GET /api/v1/courses/[id]/enrolments": [{ path: (i) => `/api/v1/courses/${i.course}/enrolments`, expect: api({ provider: 200, otherProvider: 404, adviser: 404, otherAdviser: 404, admin: 200 }) }],
  // The first office's real client on an open course: their official refers them, the other office's is told "not found".
  "POST /api/v1/courses/[id]/enrolments": [{ method: "POST", path: (i) => `/api/v1/courses/${i.openCourse}/enrolments`, body: (i) => ({ clientId: i.referClient }), expect: api({ official: 201, otherOffice: 404 }) }],
  "GET /api/v1/enrolments/[id]": [{ path: (i) => `/api/v1/enrolments/${i.enrolment}`, expect: api({ official: 200, otherOffice: 404, provider: 200, otherProvider: 404, adviser: 404, otherAdviser: 404, admin: 200 }) }],
  "GET /api/v1/clients/[id]/pools": [{ path: (i) => `/api/v1/clients/${i.poolClient}/pools`, expect: api({ official: 200 }, 404) }],
  // As the course referral: a real client of the first office, criteria that match no course.
  "POST /api/v1/pools": [{ method: "POST", path: () => "/api/v1/pools", body: (i) => valid(poolReferralSchema, { clientId: i.poolReferClient, criteria: MATCHING_NOTHING }), expect: api({ official: 201, otherOffice: 404 }) }],
  "POST /api/v1/pools/[id]/close": [{ method: "POST", path: (i) => `/api/v1/pools/${i.apiPool}/close`, body: () => ({ reason: REASON }), expect: api({ official: 200 }, 404) }],
  "GET /api/v1/visits/stats": [
    { path: () => `/api/v1/visits/stats?from=${inDays(-365)}&to=${inDays(0)}&by=channel&suppress=true`, expect: api({ adviser: 200, otherAdviser: 200, admin: 200 }) },
    // The first point's by name: its own adviser and the administrators; the other point's adviser is told "not found".
    { path: (i) => `/api/v1/visits/stats?from=${inDays(-365)}&to=${inDays(0)}&by=topic&point=${i.advicePoint}`, expect: api({ adviser: 200, otherAdviser: 404, admin: 200 }) },
    // A point that does not exist: nobody's.
    { path: () => `/api/v1/visits/stats?from=${inDays(-365)}&to=${inDays(0)}&by=month&point=${NO_SUCH_ID}`, expect: api({ adviser: 404, otherAdviser: 404, admin: 404 }) },
  ],
  "POST /api/v1/enrolments/[id]/[action]": [
    // Without the reason a cancel needs: the other organisations learn nothing, not even that the body was wrong.
    { method: "POST", path: (i) => `/api/v1/enrolments/${i.enrolment}/cancel`, body: () => ({ reason: "" }), expect: api({ official: 422, otherOffice: 404, provider: 422, otherProvider: 404, adviser: 404, otherAdviser: 404 }) },
    // A valid cancel: the official (called before the others) cancels, so the course's own provider then meets a cancelled enrolment.
    { method: "POST", path: (i) => `/api/v1/enrolments/${i.apiEnrolment}/cancel`, body: () => ({ reason: REASON }), expect: api({ official: 200, otherOffice: 404, provider: 409, otherProvider: 404, adviser: 404, otherAdviser: 404 }) },
  ],
  // The visit log: advisers only, each their own point's visits; every other role may never call it (403).
  "GET /api/v1/visit-options": [{ path: () => "/api/v1/visit-options", expect: api({ adviser: 200, otherAdviser: 200 }) }],
  "POST /api/v1/visits": [{ method: "POST", path: () => "/api/v1/visits", body: (i) => valid(visitSchema, visitBody(i)), expect: api({ adviser: 201, otherAdviser: 201 }) }],
  "GET /api/v1/visits": [{ path: () => `/api/v1/visits?from=${inDays(-60)}&to=${inDays(0)}`, expect: api({ adviser: 200, otherAdviser: 200 }), visitSeenBy: ["adviser"] }],
};

/** Server actions, by file and exported name: the arguments that point at the first office's or provider's records. */
const ACTIONS: Record<string, { page: (ids: Ids) => string; args: (ids: Ids) => unknown[]; for: Role[] } | { public: string }> = {
  "app/actions/locale.ts#chooseLocale": { public: "the UI language cookie: anyone may choose a language" },
  "app/o/[token]/actions.ts#answerAction": { public: "a client's answer: authorised by the token in its arguments, not by a session" },
  "app/official/clients/actions.ts#searchRegister": { public: "keeps a search term in the caller's own cookie and redirects to the register, whose page checks the caller (GET /official/clients)" },
  "app/official/actions.ts#saveClient": { page: (i) => `/official/clients/${i.client}/edit`, args: (i) => [{ clientId: i.client, values: valid(clientSchema, NEW_CLIENT) }], for: ["official"] },
  "app/official/actions.ts#showIdentityCode": { page: (i) => `/official/clients/${i.client}`, args: (i) => [i.client], for: ["official"] },
  "app/official/actions.ts#actOnEnrolment": { page: (i) => `/official/clients/${i.client}`, args: (i) => [{ enrolmentId: i.enrolment, clientId: i.client, action: "cancel", values: { reason: REASON } }], for: ["official"] },
  "app/official/actions.ts#referToCourse": { page: (i) => `/official/clients/${i.client}/courses`, args: (i) => [valid(officialReferralSchema, { clientId: i.client, courseId: i.openCourse })], for: ["official"] },
  "app/official/actions.ts#referSeveral": { page: () => "/official/bulk", args: (i) => [valid(bulkReferralSchema, { clientIds: [i.client], courseId: i.openCourse })], for: ["official"] },
  "app/official/actions.ts#referToPoolAction": { page: (i) => `/official/clients/${i.client}/pool`, args: (i) => [valid(poolReferralSchema, { clientId: i.client, criteria: MATCHING_NOTHING, rankedCourseIds: [i.openCourse] })], for: ["official"] },
  "app/official/actions.ts#closePoolAction": { page: (i) => `/official/clients/${i.poolClient}`, args: (i) => [{ clientId: i.poolClient, values: valid(closePoolSchema, { queueEntryId: i.pool, reason: REASON }) }], for: ["official"] },
  "app/official/leads/actions.ts#closeLeadAction": { page: () => "/official", args: (i) => [valid(closeLeadSchema, { leadId: i.lead, reason: REASON })], for: ["official"] },
  "app/official/leads/actions.ts#registerFromLead": { page: () => "/official/clients/new", args: (i) => [i.lead, { values: valid(clientSchema, NEW_CLIENT) }], for: ["official"] },
  "app/advice/visits/[id]/handover/actions.ts#handOverAction": { page: (i) => `/advice/visits/${i.visit}/handover`, args: (i) => [valid(handoverSchema, { visitId: i.visit, officeId: i.organisation, consent: true, phone: "040 123 4567" })], for: ["adviser"] },
  "app/provider/actions.ts#createCourseAction": { page: () => "/provider/courses/new", args: () => [valid(courseSchema, NEW_COURSE)], for: ["provider", "otherProvider"] },
  "app/provider/actions.ts#updateCourseAction": { page: (i) => `/provider/courses/${i.course}/edit`, args: (i) => [i.course, valid(courseSchema, NEW_COURSE)], for: ["provider"] },
  "app/provider/actions.ts#duplicateCourseAction": { page: (i) => `/provider/courses/${i.course}`, args: (i) => [i.course], for: ["provider"] },
  "app/provider/actions.ts#changeCapacityAction": { page: (i) => `/provider/courses/${i.course}`, args: (i) => [valid(capacityChangeSchema, { courseId: i.course, capacity: 30 })], for: ["provider"] },
  "app/provider/actions.ts#changeStatusAction": { page: (i) => `/provider/courses/${i.course}`, args: (i) => [valid(courseStatusSchema, { courseId: i.course, status: "CANCELLED", reason: REASON })], for: ["provider"] },
  "app/provider/actions.ts#moveInQueueAction": { page: (i) => `/provider/courses/${i.course}`, args: (i) => [i.course, valid(queueMoveSchema, { enrolmentId: i.courseEnrolment, position: 1, reason: REASON })], for: ["provider"] },
  "app/provider/actions.ts#enrolmentAction": { page: (i) => `/provider/courses/${i.course}`, args: (i) => [i.course, valid(enrolmentActionFormSchema, { enrolmentId: i.courseEnrolment, action: "cancel", reason: REASON })], for: ["provider"] },
  "app/provider/actions.ts#bulkAction": { page: (i) => `/provider/courses/${i.course}`, args: (i) => [i.course, valid(bulkActionSchema, { enrolmentIds: [i.courseEnrolment], action: "interrupt", reason: REASON })], for: ["provider"] },
  "app/advice/actions.ts#recordVisitAction": { page: () => "/advice", args: (i) => [valid(visitSchema, visitBody(i))], for: ["adviser", "otherAdviser"] },
  "app/advice/actions.ts#correctVisitAction": { page: (i) => `/advice/visits/${i.visit}/edit`, args: (i) => [i.visit, valid(visitSchema, visitBody(i))], for: ["adviser"] },
  "app/admin/outbox/actions.ts#retryAction": { page: () => "/admin/outbox", args: () => [], for: ["admin"] },
  "app/admin/actions.ts#saveOrganisation": { page: (i) => `/admin/organisations/${i.organisation}`, args: (i) => [i.organisation, {}], for: ["admin"] },
  "app/admin/actions.ts#inviteUserAction": { page: () => "/admin/users/invite", args: () => [{}], for: ["admin"] },
  "app/admin/actions.ts#updateUserAction": { page: (i) => `/admin/users/${i.user}`, args: (i) => [i.user, {}], for: ["admin"] },
  "app/admin/actions.ts#setUserActiveAction": { page: (i) => `/admin/users/${i.user}`, args: () => [], for: ["admin"] },
  "app/admin/actions.ts#resendInvitationAction": { page: (i) => `/admin/users/${i.user}`, args: () => [], for: ["admin"] },
  "app/admin/actions.ts#revokeTokenAction": { page: () => "/admin/tokens", args: () => [], for: ["admin"] },
  "app/admin/actions.ts#saveSettings": { page: () => "/admin/settings", args: () => [{ defaultOfferResponseHours: 1, retentionMonths: 1 }], for: ["admin"] },
  "app/admin/lists/actions.ts#saveListEntryAction": { page: (i) => `/admin/lists/${i.listEntry}`, args: (i) => [i.listEntry, valid(visitListLabelsSchema, { labelFi: "Pääsy", labelSv: "Åtkomst", labelEn: "Access" })], for: ["admin"] },
  "app/admin/lists/actions.ts#moveListEntryAction": { page: () => "/admin/lists", args: () => [], for: ["admin"] },
  "app/admin/lists/actions.ts#setListEntryRetiredAction": { page: (i) => `/admin/lists/${i.listEntry}`, args: () => [], for: ["admin"] },
  "app/set-password/[token]/actions.ts#setPasswordAction": { public: "an invitee sets a password: authorised by the token in its arguments, not by a session" },
};

// ---------------------------------------------------------------------------------------------

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** "GET /official/clients/[id]" for each page and each method each route handler exports. */
function discoverRoutes(): string[] {
  const found: string[] = [];
  for (const file of filesUnder("app")) {
    const parts = relative("app", file).split(sep);
    const name = parts.pop()!;
    const url = "/" + parts.filter((p) => !/^\(.*\)$/.test(p)).join("/");
    if (name === "page.tsx") found.push(`GET ${url}`);
    if (name === "route.ts") {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${m[1]} ${url}`);
      for (const m of source.matchAll(/export \{([^}]*)\}/g)) for (const n of m[1]!.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${n[1]} ${url}`);
    }
  }
  return found.sort();
}

interface ManifestAction { filename: string; exportedName: string }
function discoverActions(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestAction> };
  return new Map(Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, id]));
}

// The demo data the e2e server was seeded with: who the clients are does not depend on the date.
const DEMO = buildDemoData();
const providerOfCourse = new Map(DEMO.courses.map((c) => [c.key, c.provider]));
type DemoClient = (typeof DEMO.clients)[number];

function seenBy(role: Role, c: DemoClient): boolean {
  if (role === "official") return c.office === "office-helsinki";
  if (role === "otherOffice") return c.office === "office-vantaa";
  const provider = role === "provider" ? "provider-aikuisopisto" : role === "otherProvider" ? "provider-virta" : null;
  return provider !== null && DEMO.enrolments.some((e) => e.client === c.key && providerOfCourse.get(e.course) === provider);
}

const names = (c: DemoClient) => [`${c.firstName} ${c.lastName}`, `${c.lastName}, ${c.firstName}`];
/** Per role, the names of the clients it must not see (a namesake it may see is left out). */
const hiddenNames = new Map(
  ROLES.map((role) => {
    const visible = new Set(DEMO.clients.filter((c) => seenBy(role, c)).flatMap(names));
    return [role, role === "admin" ? [] : DEMO.clients.filter((c) => !seenBy(role, c)).flatMap(names).filter((n) => !visible.has(n))];
  }),
);

/** Strings that must not reach a role: other offices' clients' names, clients not on the provider's courses, every identity code. */
function forbiddenFor(role: Role, ownCodeOfClient?: string): string[] {
  const own = ownCodeOfClient ? ownIdentityCodes.get(ownCodeOfClient) : undefined;
  return [...hiddenNames.get(role)!, ...DEMO.clients.flatMap((c) => (c.identityCode && c.identityCode !== own ? [c.identityCode] : []))];
}

async function sessionFor(browser: Browser, role: Role): Promise<APIRequestContext> {
  const context = await browser.newContext();
  if (role !== "anonymous") {
    const page = await context.newPage();
    await signIn(page, ACCOUNTS[role]);
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
    await page.close();
  }
  return context.request;
}

function outcomeOf(response: APIResponse): Outcome {
  const location = response.headers()["location"] ?? "";
  if (response.status() >= 300 && response.status() < 400 && /\/signin/.test(location)) return "signin";
  return response.status();
}

test.describe.configure({ mode: "serial" });

let sessions: Record<Role, APIRequestContext>;
let tokens: Record<Exclude<Role, "anonymous">, string>;
let ids: Ids;
let deactivatedUser = "";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  sessions = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await sessionFor(browser, r)] as const))) as Record<Role, APIRequestContext>;
  tokens = Object.fromEntries(Object.entries(ACCOUNTS).map(([r, email]) => [r, apiToken(email)])) as Record<Exclude<Role, "anonymous">, string>;
  ids = await recordsOfTheFirstOffice(sessions, tokens);
  deactivatedUser = (await (await sessions.deactivated.get("/api/v1/me", { headers: bearer(tokens.deactivated) })).json()).id;
  await setActive(browser, deactivatedUser, false);
});

test.afterAll(async ({ browser }) => {
  if (deactivatedUser) await setActive(browser, deactivatedUser, true);
});

/** The administrator (de)activates a user through the console, as a person would. */
async function setActive(browser: Browser, userId: string, active: boolean): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.admin);
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.goto(`/admin/users/${userId}`);
  await page.getByRole("button", { name: active ? fi.admin.userForm.reactivate : fi.admin.userForm.deactivate }).click();
  await expect(page.getByText(active ? fi.admin.userForm.reactivated : fi.admin.userForm.deactivated)).toBeVisible();
  await context.close();
}

test("every route and server action has an entry in the access matrix, and every entry a route", () => {
  expect(discoverRoutes(), "routes without an entry in ROUTES (or entries without a route)").toEqual(Object.keys(ROUTES).sort());
  expect([...discoverActions().keys()].sort(), "server actions without an entry in ACTIONS").toEqual(Object.keys(ACTIONS).sort());
});

test("each visitor gets the expected answer from every route, and nothing that is not theirs", async () => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  for (const [route, calls] of Object.entries(ROUTES)) {
    for (const call of calls) {
      const path = call.path(ids);
      for (const role of ROLES) {
        const headers = path.startsWith("/api/v1/") && role !== "anonymous" ? bearer(tokens[role]) : {};
        const response = await sessions[role].fetch(path, { method: call.method ?? "GET", headers, data: call.body?.(ids), maxRedirects: 0 });
        const got = outcomeOf(response);
        if (got !== call.expect[role]) problems.push(`${route} as ${role}: expected ${call.expect[role]}, got ${got}`);
        const body = await response.text();
        const secrets = forbiddenFor(role, call.identityCodeFor === role ? ids.client : undefined);
        if (call.visitSeenBy && !call.visitSeenBy.includes(role) && body.includes(ids.visit)) problems.push(`${route} as ${role}: the answer contains the first advice point's visit`);
        for (const secret of call.namesAllowed ? secrets.filter((s) => /\d/.test(s)) : secrets) {
          if (body.includes(secret)) problems.push(`${route} as ${role}: the answer contains ${/\d/.test(secret) ? "an identity code" : `"${secret}"`}`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
});

test("server actions refuse other roles and other organisations' records", async () => {
  const actionIds = discoverActions();
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(ACTIONS)) {
    if ("public" in entry) continue;
    for (const role of ROLES) {
      if (entry.for.includes(role)) continue; // the owner: shown by the journeys
      const response = await sessions[role].post(entry.page(ids), {
        headers: { "Next-Action": actionIds.get(key)!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify(entry.args(ids)),
        maxRedirects: 0,
      });
      const body = await response.text();
      const sameRole =
        (entry.for.includes("official") && role === "otherOffice") || (entry.for.includes("provider") && role === "otherProvider") || (entry.for.includes("adviser") && role === "otherAdviser");
      const redirectedToSignIn = /\/signin/.test(response.headers()["x-action-redirect"] ?? "");
      const ok =
        role === "anonymous" || role === "deactivated" ? redirectedToSignIn
        : sameRole ? response.status() === 200 && body.includes(fi.engineErrors.NOT_FOUND)
        : response.status() === 404;
      if (!ok) problems.push(`${key} as ${role}: ${response.status()} ${response.headers()["x-action-redirect"] ?? ""} ${body.slice(0, 120)}`);
      for (const secret of forbiddenFor(role)) if (body.includes(secret)) problems.push(`${key} as ${role}: the answer contains a foreign record`);
    }
  }
  expect(problems).toEqual([]);
});

/** A client, an enrolment of theirs, a course of the first provider with an enrolment, and an e-mail: found as their owners see them. */
/** The identity code of the client the calls are about, by client id: theirs to see in their own data export. */
const ownIdentityCodes = new Map<string, string>();

async function recordsOfTheFirstOffice(sessions: Record<Role, APIRequestContext>, tokens: Record<Exclude<Role, "anonymous">, string>): Promise<Ids> {
  const helsinki = DEMO.clients.find((c) => c.office === "office-helsinki" && DEMO.enrolments.some((e) => e.client === c.key && ["WAITLISTED", "OFFERED"].includes(e.status)))!;
  const found = await (await sessions.official.get(`/api/v1/clients?q=${encodeURIComponent(helsinki.lastName)}`, { headers: bearer(tokens.official) })).json();
  const client = found.items.find((c: { firstName: string }) => c.firstName === helsinki.firstName).id as string;
  if (helsinki.identityCode) ownIdentityCodes.set(client, helsinki.identityCode);
  const page = await (await sessions.official.get(`/official/clients/${client}`)).text();
  const enrolment = /aria-labelledby="enrolment-([0-9a-f-]{36})"/.exec(page)![1]!;
  const courses = await (await sessions.provider.get("/api/v1/courses", { headers: bearer(tokens.provider) })).json();
  const mine = courses.items.filter((c: { providerName?: string; seatsHeld: number }) => c.seatsHeld > 0);
  let course = "";
  let courseEnrolment = "";
  for (const c of mine) {
    const list = await (await sessions.provider.get(`/api/v1/courses/${c.id}/enrolments`, { headers: bearer(tokens.provider) })).json();
    if (list.items?.length) {
      course = c.id;
      courseEnrolment = list.items[0].id;
      break;
    }
  }
  const mail = await aMailboxMessage(sessions.admin);
  const listEntry = /id="entry-([0-9a-f-]{36})"/.exec(await (await sessions.admin.get("/admin/lists")).text())?.[1];
  expect(listEntry, "an entry of the managed lists").toBeTruthy();
  expect(course, "a course of the first provider with enrolments").not.toBe("");
  const me = await (await sessions.official.get("/api/v1/me", { headers: bearer(tokens.official) })).json();
  const { poolClient, pool } = await pooledClient(sessions.official, tokens.official);
  const { pool: apiPool } = await pooledClient(sessions.official, tokens.official);
  const opened = await sessions.provider.post("/api/v1/courses", {
    headers: bearer(tokens.provider),
    data: valid(courseSchema, { ...NEW_COURSE, name: "Avoin pääsyoikeuskurssi", municipality: TOWN, status: "PUBLISHED" }),
  });
  expect(opened.status(), await opened.text()).toBe(201);
  const openCourse = ((await opened.json()) as { id: string }).id;
  const [referClient, poolReferClient, cancelClient] = [await newClient(sessions.official, tokens.official, "Ohjattava"), await newClient(sessions.official, tokens.official, "Pooliohjattava"), await newClient(sessions.official, tokens.official, "Peruttava")];
  const referred = await sessions.official.post(`/api/v1/courses/${openCourse}/enrolments`, { headers: bearer(tokens.official), data: { clientId: cancelClient } });
  expect(referred.status(), await referred.text()).toBe(201);
  const apiEnrolment = ((await referred.json()) as { id: string }).id;
  const { visit, lead, topic } = await aLead(sessions, tokens, me.organisationId);
  const advicePoint = ((await (await sessions.adviser.get("/api/v1/me", { headers: bearer(tokens.adviser) })).json()) as { organisationId: string }).organisationId;
  return { client, enrolment, course, courseEnrolment, mail, organisation: me.organisationId, user: me.id, listEntry: listEntry!, poolClient, pool, apiPool, openCourse, referClient, poolReferClient, apiEnrolment, visit, lead, topic, advicePoint };
}

/**
 * Two visits of the first advice point's demo log: one the calls are about, and one its adviser
 * hands over to the first office through the form's own action, which makes a lead on the office's home.
 */
async function aLead(sessions: Record<Role, APIRequestContext>, tokens: Record<Exclude<Role, "anonymous">, string>, officeId: string): Promise<{ visit: string; lead: string; topic: string }> {
  const visits = await sessions.adviser.get(`/api/v1/visits?from=${inDays(-60)}&to=${inDays(0)}`, { headers: bearer(tokens.adviser) });
  expect(visits.status(), await visits.text()).toBe(200);
  const items = ((await visits.json()) as { items: { id: string }[] }).items;
  expect(items.length, "demo visits at the first advice point").toBeGreaterThan(1);
  const handedOver = await sessions.adviser.post("/advice/handovers", {
    headers: { "Next-Action": discoverActions().get("app/advice/visits/[id]/handover/actions.ts#handOverAction")!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([valid(handoverSchema, { visitId: items[1]!.id, officeId, consent: true, firstName: "Ohjattu", lastName: "Pääsyoikeus", phone: "040 765 4321" })]),
  });
  expect(await handedOver.text(), "the adviser's hand-over").toContain('"ok":true');
  const home = await (await sessions.official.get("/official")).text();
  const lead = /\/official\/clients\/new\?lead=([0-9a-f-]{36})/.exec(home)?.[1];
  expect(lead, "the lead on the office's home").toBeTruthy();
  const options = await (await sessions.adviser.get("/api/v1/visit-options", { headers: bearer(tokens.adviser) })).json();
  return { visit: items[0]!.id, lead: lead!, topic: options.topics[0].id as string };
}

/** The official registers a client of their own office through the JSON API. */
async function newClient(official: APIRequestContext, token: string, firstName: string): Promise<string> {
  const created = await official.post("/api/v1/clients", { headers: bearer(token), data: valid(clientSchema, { ...NEW_CLIENT, firstName, municipality: TOWN }) });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/**
 * An e-mail in the demo mailbox. A fresh demo database has sent none yet, so the administrator
 * invites someone (no queue changes) and the test waits for the worker to deliver it.
 */
async function aMailboxMessage(admin: APIRequestContext): Promise<string> {
  const firstMessage = async () => /href="\/mailbox\/([^"/]+)"/.exec(await (await admin.get("/mailbox")).text())?.[1];
  if (!(await firstMessage())) {
    const invited = await admin.post("/admin/users/invite", {
      headers: { "Next-Action": discoverActions().get("app/admin/actions.ts#inviteUserAction")!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([{ name: "Postin Testaaja", role: "ADMIN", organisationId: null, email: `mailbox-${Date.now()}@example.test`, locale: "fi" }]),
    });
    expect(await invited.text(), "the invitation").toContain('"ok":true');
  }
  await expect.poll(firstMessage, { message: "an e-mail in the demo mailbox", timeout: 60_000 }).toBeTruthy();
  return (await firstMessage())!;
}

/**
 * The official registers a client and makes a pooled referral for them through the form's own
 * server action, with criteria that match no course (so no queue of the demo data changes).
 */
async function pooledClient(official: APIRequestContext, token: string): Promise<{ poolClient: string; pool: string }> {
  const poolClient = await newClient(official, token, "Pooli");
  const criteria = MATCHING_NOTHING;
  const response = await official.post(`/official/clients/${poolClient}/pool`, {
    headers: { "Next-Action": discoverActions().get("app/official/actions.ts#referToPoolAction")!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ clientId: poolClient, criteria, rankedCourseIds: [], priority: "NORMAL" }]),
  });
  const pool = /"queueEntryId":"([0-9a-f-]{36})"/.exec(await response.text())?.[1];
  expect(pool, "the official's pooled referral").toBeTruthy();
  return { poolClient, pool: pool! };
}
