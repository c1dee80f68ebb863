// The administration console on a real database: only administrators get anything, every change is
// audited, invitations expire and work once, deactivation and revocation take effect at once.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { testDb, uniqueSuffix } from "../testing/db";
import { makeClient, makeCourse, makeOrganisation, makeUser, makeWorld } from "../testing/factories";
import { businessIdProblem, withCheckDigit } from "../../lib/business-id";
import { DEMO_ORGANISATIONS } from "../demo/data";
import { auditExportSchema, auditFilterSchema, inviteUserSchema, organisationSchema, updateUserSchema, userListFilterSchema } from "../../lib/schemas/admin";
import { setPasswordSchema } from "../../lib/schemas/password";
import { loadActor, type Actor } from "../auth/actor";
import { actorForBearer, issueApiToken } from "../auth/api-token";
import { acceptInvitation, hashInvitationToken, loadInvitation } from "../auth/invitation";
import { signInWithPassword } from "../auth/sign-in";
import { sql } from "../db/client";
import { renderOutboxMessage } from "../notifications/render";
import { exportAuditLog, searchAuditLog } from "./audit-log";
import { createOrganisation, getOrganisation, listOrganisations, organisationChoices, updateOrganisation } from "./organisations";
import { revokeApiToken, listApiTokens } from "./tokens";
import { getUser, inviteUser, listUsers, resendInvitation, setUserActive, updateUser } from "./users";
import { settingsFor, updateSettings } from "../settings";

async function makeAdmin(): Promise<Actor> {
  const user = await makeUser("ADMIN");
  return (await loadActor(testDb(), user.id))!;
}

/** A fresh, valid business id. */
function businessId(): string {
  for (;;) {
    const seven = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
    const id = withCheckDigit(seven);
    if (id) return id;
  }
}

const organisation = (overrides: Record<string, unknown> = {}) =>
  organisationSchema.parse({ type: "TRAINING_PROVIDER", name: `Opisto ${uniqueSuffix()}`, businessId: businessId(), municipality: "Espoo", email: "info@opisto.example.fi", phone: "", address: "Opistotie 1", ...overrides });

const invite = (overrides: Record<string, unknown> = {}) =>
  inviteUserSchema.parse({ email: `staff.${uniqueSuffix()}@example.fi`, name: "Maija Meikäläinen", role: "ADMIN", organisationId: null, locale: "sv", ...overrides });

const audits = (entityId: string, action?: string) => testDb().auditEvent.findMany({ where: { entityId, ...(action ? { action } : {}) }, orderBy: { id: "asc" } });

/** Invites, then reads the link from the e-mail the worker would send. */
async function inviteAndReadLink(admin: Actor, overrides: Record<string, unknown> = {}, now = new Date()) {
  const data = invite(overrides);
  const result = await inviteUser(admin, data, now);
  if (!result.ok) throw new Error(result.code);
  const message = await testDb().outboxMessage.findFirstOrThrow({ where: { userId: result.userId, template: "staff/invitation" }, orderBy: { createdAt: "desc" } });
  const email = await renderOutboxMessage(message, "https://kp.example");
  const token = /\/set-password\/([A-Za-z0-9_-]{43})/.exec(email.text)![1]!;
  return { ...result, data, message, email, token };
}

describe("business id and password rules", () => {
  it("accepts a business id with its check digit and says what is wrong with others", () => {
    expect(organisationSchema.safeParse(organisation({ businessId: "0824417-3" })).success).toBe(true);
    const wrongDigit = organisationSchema.safeParse({ ...organisation(), businessId: "0824417-4" });
    expect(wrongDigit.error?.issues[0]).toMatchObject({ path: ["businessId"], message: "admin.validation.businessId.checkDigit" });
    const wrongFormat = organisationSchema.safeParse({ ...organisation(), businessId: "08244173" });
    expect(wrongFormat.error?.issues[0]).toMatchObject({ path: ["businessId"], message: "admin.validation.businessId.format" });
    // A weighted sum with remainder 1 has no check digit at all (0000006: 6 × 2 = 12).
    expect(withCheckDigit("0000006")).toBeNull();
    expect(organisationSchema.safeParse({ ...organisation(), businessId: "0000006-0" }).success).toBe(false);
    for (const o of DEMO_ORGANISATIONS) expect(businessIdProblem(o.businessId), o.businessId).toBeNull();
  });

  it("needs an organisation for staff, none for administrators, and a long enough password typed twice", () => {
    expect(inviteUserSchema.safeParse({ ...invite(), role: "OFFICIAL", organisationId: null }).error?.issues[0]).toMatchObject({ path: ["organisationId"], message: "admin.validation.organisationRequired" });
    expect(updateUserSchema.parse({ name: "A", role: "ADMIN", organisationId: "8d7e0a57-2d37-4d6a-9c2a-0a4f1f2b3c4d" }).organisationId).toBeNull();
    expect(setPasswordSchema.safeParse({ password: "short", confirm: "short" }).error?.issues[0]?.message).toBe("admin.validation.passwordTooShort");
    expect(setPasswordSchema.safeParse({ password: "long enough password", confirm: "long enough passw0rd" }).error?.issues[0]).toMatchObject({ path: ["confirm"], message: "admin.validation.passwordsDiffer" });
  });
});

describe("only administrators", () => {
  it("get anything from the console; officials and provider staff get nothing and change nothing", async () => {
    const w = await makeWorld();
    const admin = await makeAdmin();
    const target = await makeUser("OFFICIAL", { organisationId: w.office.id });
    const { id: tokenId, token } = await issueApiToken(testDb(), target.id, "t");
    const before = await testDb().auditEvent.count({ where: { actorUserId: { in: [w.official.userId, w.providerStaff.userId] } } });
    for (const actor of [w.official, w.providerStaff]) {
      expect(await listOrganisations(actor)).toBeNull();
      expect(await getOrganisation(actor, w.office.id)).toBeNull();
      expect(await organisationChoices(actor)).toEqual([]);
      expect(await createOrganisation(actor, organisation())).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await updateOrganisation(actor, w.office.id, organisation({ type: "EMPLOYMENT_AUTHORITY" }))).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await listUsers(actor, userListFilterSchema.parse({}))).toBeNull();
      expect(await getUser(actor, target.id)).toBeNull();
      expect(await inviteUser(actor, invite())).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await updateUser(actor, target.id, updateUserSchema.parse({ name: "X", role: "ADMIN", organisationId: null }))).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await setUserActive(actor, target.id, false)).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await resendInvitation(actor, target.id)).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await listApiTokens(actor)).toBeNull();
      expect(await revokeApiToken(actor, tokenId)).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await settingsFor(actor)).toBeNull();
      expect(await updateSettings(actor, { defaultOfferResponseHours: 1, retentionMonths: 1 })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await searchAuditLog(actor, auditFilterSchema.parse({}))).toBeNull();
      expect(await exportAuditLog(actor, auditExportSchema.parse({ format: "csv" }), String)).toBeNull();
    }
    expect(await testDb().auditEvent.count({ where: { actorUserId: { in: [w.official.userId, w.providerStaff.userId] } } })).toBe(before);
    expect(await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "OFFICIAL", deactivatedAt: null });
    expect(await actorForBearer(sql(), `Bearer ${token}`)).not.toBeNull();
    // The administrator does see them.
    expect(await getUser(admin, target.id)).toMatchObject({ id: target.id, state: "active" });
    expect((await listApiTokens(admin))!.some((t) => t.id === tokenId)).toBe(true);
  });
});

describe("organisations", () => {
  it("creates and edits an organisation with its contact details, audited; a business id is unique", async () => {
    const admin = await makeAdmin();
    const data = organisation();
    const created = await createOrganisation(admin, data);
    if (!created.ok) throw new Error(created.code);
    expect(await getOrganisation(admin, created.id)).toMatchObject({ name: data.name, businessId: data.businessId, email: "info@opisto.example.fi", phone: null, address: "Opistotie 1" });
    expect(await createOrganisation(admin, organisation({ businessId: data.businessId }))).toEqual({ ok: false, code: "BUSINESS_ID_TAKEN" });
    expect(await updateOrganisation(admin, created.id, { ...data, phone: "+358 9 123" })).toEqual({ ok: true });
    const events = await audits(created.id);
    expect(events.map((e) => e.action)).toEqual(["organisation.create", "organisation.update"]);
    expect(events[1]!.details).toEqual({ fields: ["phone"] });
    expect(events.every((e) => e.actorUserId === admin.userId)).toBe(true);
    expect((await listOrganisations(admin, { q: data.businessId }))!.map((o) => o.id)).toEqual([created.id]);
  });

  it("does not change the type of an organisation that already has users, clients or courses", async () => {
    const admin = await makeAdmin();
    const w = await makeWorld();
    const current = (await getOrganisation(admin, w.provider.id))!;
    const data = organisation({ type: "EMPLOYMENT_AUTHORITY", name: current.name, businessId: businessId() });
    expect(await updateOrganisation(admin, w.provider.id, data)).toEqual({ ok: false, code: "TYPE_IN_USE" });
  });
});

describe("advice points, integration services and advisers", () => {
  it("creates an advice point with its operator; the operator is required for it and dropped for other kinds", async () => {
    const admin = await makeAdmin();
    expect(organisationSchema.safeParse({ ...organisation(), type: "ADVICE_POINT" }).error?.issues[0]).toMatchObject({ path: ["operator"], message: "validation.choose" });
    expect(organisationSchema.parse({ ...organisation(), type: "INTEGRATION_SERVICES", operator: "NGO" }).operator).toBeNull();
    const data = organisation({ type: "ADVICE_POINT", name: `Neuvontapiste ${uniqueSuffix()}`, operator: "NGO" });
    const created = await createOrganisation(admin, data);
    if (!created.ok) throw new Error(created.code);
    expect(await getOrganisation(admin, created.id)).toMatchObject({ type: "ADVICE_POINT", operator: "NGO" });
    const services = await createOrganisation(admin, organisation({ type: "INTEGRATION_SERVICES", name: `Kotoutumispalvelut ${uniqueSuffix()}` }));
    if (!services.ok) throw new Error(services.code);
    expect(await getOrganisation(admin, services.id)).toMatchObject({ type: "INTEGRATION_SERVICES", operator: null });
    // The list filters by each kind, and the user form offers both.
    expect((await listOrganisations(admin, { type: "ADVICE_POINT", q: data.name }))!.map((o) => o.id)).toEqual([created.id]);
    expect((await listOrganisations(admin, { type: "INTEGRATION_SERVICES", q: data.name }))!).toEqual([]);
    expect((await listOrganisations(admin, { type: "INTEGRATION_SERVICES" }))!.every((o) => o.type === "INTEGRATION_SERVICES")).toBe(true);
    const choices = await organisationChoices(admin);
    expect(choices.find((o) => o.id === created.id)).toMatchObject({ type: "ADVICE_POINT" });
    expect(choices.find((o) => o.id === services.id)).toMatchObject({ type: "INTEGRATION_SERVICES" });
    // Changing the operator is an ordinary edit, audited by field.
    expect(await updateOrganisation(admin, created.id, { ...data, operator: "MUNICIPALITY" })).toEqual({ ok: true });
    expect((await audits(created.id, "organisation.update"))[0]!.details).toEqual({ fields: ["operator"] });
  });

  it("invites an adviser into an advice point only, and an official into either authority", async () => {
    const admin = await makeAdmin();
    const point = await makeOrganisation("ADVICE_POINT");
    const services = await makeOrganisation("INTEGRATION_SERVICES");
    const w = await makeWorld();
    for (const wrong of [w.office.id, services.id, w.provider.id]) {
      expect(await inviteUser(admin, invite({ role: "ADVISER", organisationId: wrong }))).toEqual({ ok: false, code: "ORGANISATION_MISMATCH" });
    }
    expect(await inviteUser(admin, invite({ role: "OFFICIAL", organisationId: point.id }))).toEqual({ ok: false, code: "ORGANISATION_MISMATCH" });
    expect(await inviteUser(admin, invite({ role: "PROVIDER_STAFF", organisationId: point.id }))).toEqual({ ok: false, code: "ORGANISATION_MISMATCH" });
    const adviser = await inviteUser(admin, invite({ role: "ADVISER", organisationId: point.id, name: "Neuvo Neuvoja" }));
    if (!adviser.ok) throw new Error(adviser.code);
    expect(await testDb().user.findUniqueOrThrow({ where: { id: adviser.userId } })).toMatchObject({ role: "ADVISER", organisationId: point.id, passwordHash: null });
    expect((await audits(adviser.userId, "user.invite"))[0]).toMatchObject({ organisationId: point.id, details: { role: "ADVISER" } });
    const official = await inviteUser(admin, invite({ role: "OFFICIAL", organisationId: services.id }));
    expect(official.ok).toBe(true);
    // The user list filters by the new role.
    const advisers = (await listUsers(admin, userListFilterSchema.parse({ role: "ADVISER", q: point.name })))!;
    expect(advisers.rows.map((u) => [u.id, u.organisation?.name])).toEqual([[adviser.userId, point.name]]);
    // An adviser moved to an authority becomes an official there, never an adviser of it.
    expect(await updateUser(admin, adviser.userId, updateUserSchema.parse({ name: "Neuvo Neuvoja", role: "ADVISER", organisationId: services.id }))).toEqual({ ok: false, code: "ORGANISATION_MISMATCH" });
    expect(await updateUser(admin, adviser.userId, updateUserSchema.parse({ name: "Neuvo Neuvoja", role: "OFFICIAL", organisationId: services.id }))).toEqual({ ok: true });
    expect(await testDb().user.findUniqueOrThrow({ where: { id: adviser.userId } })).toMatchObject({ role: "OFFICIAL", organisationId: services.id });
  });

  it("an adviser gets nothing from the console", async () => {
    const point = await makeOrganisation("ADVICE_POINT");
    const user = await makeUser("ADVISER", { organisationId: point.id });
    const adviser = (await loadActor(testDb(), user.id))!;
    expect(await listOrganisations(adviser)).toBeNull();
    expect(await getOrganisation(adviser, point.id)).toBeNull();
    expect(await organisationChoices(adviser)).toEqual([]);
    expect(await createOrganisation(adviser, organisation())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await updateOrganisation(adviser, point.id, organisation({ type: "ADVICE_POINT", operator: "NGO" }))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await listUsers(adviser, userListFilterSchema.parse({}))).toBeNull();
    expect(await inviteUser(adviser, invite())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await updateUser(adviser, user.id, updateUserSchema.parse({ name: "X", role: "ADMIN", organisationId: null }))).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("does not change the type of an advice point with visits or an authority with hand-overs; an unused one may change", async () => {
    const admin = await makeAdmin();
    const db = testDb();
    const point = await makeOrganisation("ADVICE_POINT");
    const office = await makeOrganisation("INTEGRATION_SERVICES");
    const empty = await makeOrganisation("ADVICE_POINT");
    const asData = (o: { name: string }, type: string, operator: string | null = null) => organisation({ type, name: o.name, businessId: businessId(), operator });
    // No users, clients or courses: only the visit ties the point to its kind.
    const visit = await db.adviceVisit.create({ data: { advicePointId: point.id, occurredAt: new Date(), channel: "WALK_IN", languages: ["ar"], outcome: "ANSWERED" } });
    expect(await updateOrganisation(admin, point.id, asData(point, "INTEGRATION_SERVICES"))).toEqual({ ok: false, code: "TYPE_IN_USE" });
    await db.handover.create({ data: { visitId: visit.id, advicePointId: point.id, officeId: office.id, consentAt: new Date() } });
    expect(await updateOrganisation(admin, office.id, asData(office, "EMPLOYMENT_AUTHORITY"))).toEqual({ ok: false, code: "TYPE_IN_USE" });
    expect(await getOrganisation(admin, office.id)).toMatchObject({ type: "INTEGRATION_SERVICES" });
    // An advice point's operator stays its own while the type is unchanged.
    expect(await updateOrganisation(admin, point.id, asData(point, "ADVICE_POINT", "MUNICIPALITY"))).toEqual({ ok: true });
    // One that nothing refers to may change kind; the operator goes with the advice point (a CHECK holds it).
    expect(await updateOrganisation(admin, empty.id, asData(empty, "INTEGRATION_SERVICES"))).toEqual({ ok: true });
    expect(await getOrganisation(admin, empty.id)).toMatchObject({ type: "INTEGRATION_SERVICES", operator: null });
    expect(await updateOrganisation(admin, empty.id, asData(empty, "ADVICE_POINT", "MUNICIPALITY"))).toEqual({ ok: true });
    expect(await getOrganisation(admin, empty.id)).toMatchObject({ type: "ADVICE_POINT", operator: "MUNICIPALITY" });
  });
});

describe("invitations", () => {
  it("creates the user without a password, stores only the token's hash and sends the link through the outbox, audited", async () => {
    const admin = await makeAdmin();
    const { userId, message, email, token, data, expiresAt } = await inviteAndReadLink(admin);
    const user = await testDb().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: data.email, role: "ADMIN", organisationId: null, passwordHash: null, locale: "sv" });
    const invitation = await testDb().staffInvitation.findFirstOrThrow({ where: { userId } });
    expect(invitation.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(invitation) + JSON.stringify(message)).not.toContain(token);
    expect(expiresAt.getTime() - message.createdAt.getTime()).toBeGreaterThan(71 * 3_600_000);
    expect(message).toMatchObject({ recipientEmail: data.email, locale: "sv", status: "PENDING" });
    expect(email.subject).toBe("Ditt konto i Koulutusportti");
    expect(email.html).toContain(`https://kp.example/set-password/${token}`);
    expect((await audits(userId, "user.invite"))[0]).toMatchObject({ actorUserId: admin.userId, details: { email: data.email, role: "ADMIN" } });
    // The same e-mail address twice is refused.
    expect(await inviteUser(admin, invite({ email: data.email }))).toEqual({ ok: false, code: "EMAIL_TAKEN" });
  });

  it("staff need an organisation of their role's type", async () => {
    const admin = await makeAdmin();
    const w = await makeWorld();
    expect(await inviteUser(admin, invite({ role: "OFFICIAL", organisationId: w.provider.id }))).toEqual({ ok: false, code: "ORGANISATION_MISMATCH" });
    const ok = await inviteUser(admin, invite({ role: "PROVIDER_STAFF", organisationId: w.provider.id }));
    expect(ok.ok).toBe(true);
  });

  it("sets the password once; the invitee can then sign in, and the link is used up", async () => {
    const admin = await makeAdmin();
    const { token, data, userId } = await inviteAndReadLink(admin);
    expect(await loadInvitation(token)).toMatchObject({ state: "valid", email: data.email });
    expect(await acceptInvitation(token, "a new long password")).toEqual({ ok: true, email: data.email });
    expect(await loadInvitation(token)).toEqual({ state: "used" });
    expect(await acceptInvitation(token, "another long password")).toEqual({ ok: false, code: "USED" });
    expect(await signInWithPassword(testDb(), { email: data.email, password: "a new long password" }, null)).toMatchObject({ ok: true, user: { id: userId } });
    expect(await signInWithPassword(testDb(), { email: data.email, password: "another long password" }, null)).toMatchObject({ ok: false });
    expect((await audits(userId, "user.password_set")).length).toBe(1);
    expect(await getUser(admin, userId)).toMatchObject({ state: "active", hasPassword: true });
  });

  it("expires after 72 hours; unknown and replaced links do not work", async () => {
    const admin = await makeAdmin();
    const { token, userId } = await inviteAndReadLink(admin);
    const later = new Date(Date.now() + 73 * 3_600_000);
    expect(await loadInvitation(token, later)).toEqual({ state: "expired" });
    expect(await acceptInvitation(token, "a new long password", later)).toEqual({ ok: false, code: "EXPIRED" });
    expect(await getUser(admin, userId, later)).toMatchObject({ state: "invitationExpired" });
    expect(await loadInvitation("A".repeat(43))).toEqual({ state: "unknown" });
    expect(await loadInvitation("not-a-token")).toEqual({ state: "unknown" });
    expect(await acceptInvitation("A".repeat(43), "a new long password")).toEqual({ ok: false, code: "UNKNOWN" });

    // A new link replaces the old one.
    const resent = await resendInvitation(admin, userId);
    expect(resent.ok).toBe(true);
    expect(await loadInvitation(token)).toEqual({ state: "expired" });
    const messages = await testDb().outboxMessage.findMany({ where: { userId, template: "staff/invitation" }, orderBy: { createdAt: "asc" } });
    expect(messages).toHaveLength(2);
    const fresh = /\/set-password\/([A-Za-z0-9_-]{43})/.exec((await renderOutboxMessage(messages[1]!, "https://kp.example")).text)![1]!;
    expect(fresh).not.toBe(token);
    expect(await loadInvitation(fresh)).toMatchObject({ state: "valid" });
    expect((await audits(userId, "user.invitation_resend")).length).toBe(1);
    // Once a password is set there is nothing to resend.
    await acceptInvitation(fresh, "a new long password");
    expect(await resendInvitation(admin, userId)).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});

describe("users", () => {
  it("changes the role and organisation, audited; an administrator keeps their own role", async () => {
    const admin = await makeAdmin();
    const w = await makeWorld();
    const userId = w.official.userId;
    expect(await updateUser(admin, userId, updateUserSchema.parse({ name: "Uusi Nimi", role: "PROVIDER_STAFF", organisationId: w.office.id }))).toEqual({ ok: false, code: "ORGANISATION_MISMATCH" });
    expect(await updateUser(admin, userId, updateUserSchema.parse({ name: "Uusi Nimi", role: "PROVIDER_STAFF", organisationId: w.provider.id }))).toEqual({ ok: true });
    expect(await testDb().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ name: "Uusi Nimi", role: "PROVIDER_STAFF", organisationId: w.provider.id });
    const [event] = await audits(userId, "user.update");
    expect(event!.details).toMatchObject({ fields: ["name", "role", "organisationId"], role: { from: "OFFICIAL", to: "PROVIDER_STAFF" } });
    expect(await updateUser(admin, admin.userId, updateUserSchema.parse({ name: "Me", role: "OFFICIAL", organisationId: w.office.id }))).toEqual({ ok: false, code: "SELF" });
    expect(await setUserActive(admin, admin.userId, false)).toEqual({ ok: false, code: "SELF" });
  });

  it("deactivation stops the user's session and API tokens at once; reactivation restores them; both audited", async () => {
    const admin = await makeAdmin();
    const w = await makeWorld();
    const userId = w.providerStaff.userId;
    const { token } = await issueApiToken(testDb(), userId, "integration");
    // A session is a signed cookie with the user's id; every request loads the user (session.ts → loadActor).
    expect(await loadActor(testDb(), userId)).not.toBeNull();
    expect(await actorForBearer(sql(), `Bearer ${token}`)).not.toBeNull();

    expect(await setUserActive(admin, userId, false)).toEqual({ ok: true });
    expect(await loadActor(testDb(), userId)).toBeNull();
    expect(await actorForBearer(sql(), `Bearer ${token}`)).toBeNull();
    expect(await signInWithPassword(testDb(), { email: w.providerStaff.email, password: "correct horse battery staple" }, null)).toMatchObject({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(await getUser(admin, userId)).toMatchObject({ state: "deactivated" });
    expect((await listUsers(admin, userListFilterSchema.parse({ q: w.providerStaff.email, state: "deactivated" })))!.rows.map((u) => u.id)).toEqual([userId]);

    expect(await setUserActive(admin, userId, true)).toEqual({ ok: true });
    expect(await loadActor(testDb(), userId)).not.toBeNull();
    expect(await actorForBearer(sql(), `Bearer ${token}`)).not.toBeNull();
    expect((await audits(userId)).map((e) => e.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("a deactivated invitee's link stops working", async () => {
    const admin = await makeAdmin();
    const { token, userId } = await inviteAndReadLink(admin);
    await setUserActive(admin, userId, false);
    expect(await loadInvitation(token)).toEqual({ state: "unknown" });
    expect(await acceptInvitation(token, "a new long password")).toEqual({ ok: false, code: "UNKNOWN" });
  });
});

describe("API tokens", () => {
  it("a revoked token is refused at once; the revocation is audited once", async () => {
    const admin = await makeAdmin();
    const user = await makeUser("OFFICIAL");
    const { id, token } = await issueApiToken(testDb(), user.id, "reports");
    expect(await actorForBearer(sql(), `Bearer ${token}`)).toMatchObject({ userId: user.id });
    const listed = (await listApiTokens(admin))!.find((t) => t.id === id)!;
    expect(listed).toMatchObject({ name: "reports", hint: token.slice(-4), revokedAt: null, user: { email: user.email } });
    expect(JSON.stringify(listed)).not.toContain(token);

    expect(await revokeApiToken(admin, id)).toEqual({ ok: true });
    expect(await actorForBearer(sql(), `Bearer ${token}`)).toBeNull();
    expect(await revokeApiToken(admin, id)).toEqual({ ok: true });
    expect(await audits(id, "api_token.revoke")).toHaveLength(1);
    expect(await revokeApiToken(admin, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});

describe("audit log", () => {
  it("filters by actor, client, course, action and days, newest first, and exports the view (audited)", async () => {
    const admin = await makeAdmin();
    const w = await makeWorld();
    const client = await makeClient(w.office.id);
    const course = await makeCourse(w.provider.id, 3);
    const db = testDb();
    await db.auditEvent.create({ data: { actorUserId: w.official.userId, action: "client.view_identity_code", clientId: client.id, at: new Date("2026-03-01T21:30:00Z") } });
    await db.auditEvent.create({ data: { actorUserId: w.official.userId, action: "client.update", clientId: client.id, details: { fields: ["email"] }, at: new Date("2026-03-02T10:00:00Z") } });
    await db.auditEvent.create({ data: { actorUserId: w.providerStaff.userId, action: "course.update", courseId: course.id, at: new Date("2026-03-02T11:00:00Z") } });

    const search = (f: Record<string, string>) => searchAuditLog(admin, auditFilterSchema.parse(f));
    const byClient = (await search({ clientId: client.id }))!;
    expect(byClient.rows.map((r) => r.action)).toEqual(["client.update", "client.view_identity_code"]);
    expect(byClient.rows[0]).toMatchObject({ actorEmail: w.official.email, details: '{"fields":["email"]}' });
    expect((await search({ courseId: course.id }))!.rows.map((r) => r.actorEmail)).toEqual([w.providerStaff.email]);
    expect((await search({ actor: w.official.email.toUpperCase(), action: "client.view" }))!.rows).toHaveLength(1);
    // 21:30 UTC on 1 March is 23:30 in Helsinki: still 1 March there.
    expect((await search({ clientId: client.id, from: "2026-03-01", to: "2026-03-01" }))!.rows.map((r) => r.action)).toEqual(["client.view_identity_code"]);
    expect((await search({ clientId: client.id, from: "2026-03-02" }))!.rows.map((r) => r.action)).toEqual(["client.update"]);
    expect((await search({ actor: "nobody-like-this@nowhere" }))!.rows).toEqual([]);

    const csv = (await exportAuditLog(admin, auditExportSchema.parse({ format: "csv", clientId: client.id }), (c) => `H:${c}`))!;
    const lines = csv.body.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("H:at;H:action;H:actorName;H:actorEmail;H:entityType;H:entityId;H:organisation;H:clientId;H:courseId;H:details;H:ip");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("2026-03-02 12:00:00;client.update");
    const exported = await db.auditEvent.findFirstOrThrow({ where: { actorUserId: admin.userId, action: "audit.export" } });
    expect(exported.details).toMatchObject({ format: "csv", filter: { clientId: client.id }, rows: 2 });

    const xlsx = (await exportAuditLog(admin, auditExportSchema.parse({ format: "xlsx", courseId: course.id }), String))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(2);
  });

  it("pages newest first", async () => {
    const admin = await makeAdmin();
    const w = await makeWorld();
    const client = await makeClient(w.office.id);
    await testDb().auditEvent.createMany({ data: Array.from({ length: 55 }, (_, i) => ({ action: "test.page", clientId: client.id, at: new Date(Date.UTC(2026, 0, 1, 0, i)) })) });
    const first = (await searchAuditLog(admin, auditFilterSchema.parse({ clientId: client.id })))!;
    const second = (await searchAuditLog(admin, auditFilterSchema.parse({ clientId: client.id, page: "2" })))!;
    expect([first.rows.length, first.hasNext, second.rows.length, second.hasNext]).toEqual([50, true, 5, false]);
    expect(first.rows[0]!.at.toISOString()).toBe("2026-01-01T00:54:00.000Z");
    expect(second.rows.at(-1)!.at.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});
