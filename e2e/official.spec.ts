import { expect, test, type Locator, type Page } from "@playwright/test";
import { makeIdentityCode } from "../lib/identity-code";
import { bearer, apiToken } from "./support/api";
import { expectAccessible } from "./support/axe";
import { expectHome, signIn } from "./support/auth";
import { fi } from "./support/messages";

const f = fi.official.form;
const unique = () => Math.random().toString(36).slice(2, 7);
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("button", { name: new RegExp(label) }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function openClient(page: Page, search: string): Promise<string> {
  await page.goto(`/official/clients?q=${encodeURIComponent(search)}`);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/official\/clients\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

test.describe("official's workspace", () => {
  test("register a client with an identity code, find a course, refer, see the queue, cancel with a reason, see the timeline", async ({ page }) => {
    const lastName = `Testinen-${unique()}`;
    const code = makeIdentityCode("2004-04-15", 321, "B");
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    await expectAccessible(page);

    await page.getByRole("main").getByRole("link", { name: fi.official.home.registerClient }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.newTitle);
    await page.getByRole("textbox", { name: f.firstName }).fill("Aino");
    await page.getByRole("textbox", { name: f.lastName }).fill(lastName);
    await page.getByRole("textbox", { name: new RegExp(f.identityCode) }).fill(code);
    // The date of birth comes from the code (a 2023 century letter B: the 2000s).
    await expect(page.getByRole("textbox", { name: f.dateOfBirth })).toHaveValue("2004-04-15");
    await page.getByRole("textbox", { name: new RegExp(f.municipality) }).fill("Helsinki");
    await choose(page, f.studyPath, fi.labels.studyPath.BASIC);
    await choose(page, f.languageLevel, fi.labels.languageLevel.A1_1);
    // The integration programme: the assessment, and a plan whose end the form proposes (start + 2 years).
    await page.getByRole("textbox", { name: new RegExp(f.assessedOn) }).fill("2026-01-15");
    await page.getByRole("textbox", { name: new RegExp(f.assessedBy) }).fill("Sanna Virtanen");
    // Suomi.fi's checkbox is ticked through its label, as a person does.
    await page.getByText(f.inIntegrationProgramme, { exact: true }).click();
    await expect(page.getByRole("checkbox", { name: f.inIntegrationProgramme })).toBeChecked();
    await page.getByRole("textbox", { name: new RegExp(f.integrationPlanStartsOn) }).fill("2026-02-01");
    await expect(page.getByRole("textbox", { name: new RegExp(f.integrationPlanEndsOn) })).toHaveValue("2028-02-01");
    await expectAccessible(page);
    await page.getByRole("button", { name: f.register }).click();

    await expect(page).toHaveURL(/\/official\/clients\/[0-9a-f-]{36}\?saved=1$/);
    await expect(page.getByRole("status").filter({ hasText: fi.official.client.saved })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${lastName}, Aino`);
    const details = page.getByRole("region", { name: fi.official.client.details });
    await expect(details.getByText(/^15\.1\.2026, Sanna Virtanen$/)).toBeVisible();
    await expect(details.getByText(/^1\.2\.2026 – 1\.2\.2028$/)).toBeVisible();
    await expect(page.getByText(`${code.slice(0, 7)}****`)).toBeVisible();
    await page.getByRole("button", { name: fi.official.client.showIdentityCode }).click();
    await expect(page.getByText(code, { exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: fi.official.client.findCourse }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fi.official.finder.title);
    await expectAccessible(page);
    const course = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Suomi 1 – perusopetus, päiväryhmä (Kallio)" }) });
    await course.getByRole("button", { name: new RegExp(fi.official.refer.submit) }).click();
    const queued = new RegExp(fill(fi.official.refer.result.queued, { position: "\\d+" }));
    await expect(course.getByRole("status")).toHaveText(queued);
    const position = (await course.getByRole("status").textContent())!.match(/\d+/)![0];
    await expectAccessible(page);

    await course.getByRole("link", { name: fi.official.refer.toClient }).click();
    const enrolment = page.getByRole("article").filter({ hasText: "Suomi 1 – perusopetus, päiväryhmä (Kallio)" });
    await expect(enrolment.getByText(fill(fi.official.client.queuePosition, { position }))).toBeVisible();
    await enrolment.getByRole("button", { name: fi.official.actions.buttons.cancel }).click();
    await enrolment.getByRole("textbox", { name: fi.official.actions.reasonLabel.cancel }).fill("Asiakas muutti toiselle paikkakunnalle");
    await enrolment.getByRole("button", { name: fi.official.actions.confirm.cancel }).click();
    await expect(enrolment.getByRole("status")).toHaveText(fi.official.actions.done.cancel);
    const timeline = enrolment.getByRole("list", { name: fill(fi.official.client.historyOf, { course: "Suomi 1 – perusopetus, päiväryhmä (Kallio)" }) });
    await enrolment.getByText(fi.official.client.history).click();
    await expect(timeline.getByRole("listitem")).toHaveCount(2);
    await expect(timeline.getByRole("listitem").last()).toContainText(fi.labels.enrolmentStatus.CANCELLED);
    await expect(timeline.getByRole("listitem").last()).toContainText("Asiakas muutti toiselle paikkakunnalle");
    await expect(timeline.getByRole("listitem").last()).toContainText("Sanna Virtanen");
    await expectAccessible(page);
  });

  test("a possible duplicate is shown before saving, with a link to the existing client", async ({ page }) => {
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    await page.goto("/official/clients/new");
    await page.getByRole("textbox", { name: f.firstName }).fill("Ahmad");
    await page.getByRole("textbox", { name: f.lastName }).fill("Khalil");
    await page.getByRole("textbox", { name: f.dateOfBirth }).fill("1986-03-14");
    await choose(page, f.studyPath, fi.labels.studyPath.BASIC);
    await page.getByRole("button", { name: f.register }).click();
    const panel = page.getByRole("region", { name: f.duplicates.title });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(f.duplicates.match.NAME_AND_BIRTH_DATE)).toBeVisible();
    await expectAccessible(page);
    await panel.getByRole("link", { name: /Khalil, Ahmad/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Khalil, Ahmad");
  });

  test("an invalid identity code gets the translated error, live, before saving", async ({ page }) => {
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    await page.goto("/official/clients/new");
    const input = page.getByRole("textbox", { name: new RegExp(f.identityCode) });
    await input.fill("131052-308U");
    await input.blur();
    await expect(page.getByText(fi.validation.identityCode.checkCharacter)).toBeVisible();
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await input.fill("131052Z308T");
    await expect(page.getByText(fi.validation.identityCode.centurySign)).toBeVisible();
    await input.fill("131052-308T");
    await expect(page.getByText(fi.validation.identityCode.centurySign)).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: f.dateOfBirth })).toHaveValue("1952-10-13");
    await page.getByRole("textbox", { name: f.dateOfBirth }).fill("1952-10-14");
    await expect(page.getByText(fi.validation.identityCode.dateOfBirthMismatch)).toBeVisible();
    await expectAccessible(page);
  });

  test("switching the language mid-form keeps what was typed", async ({ page }) => {
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    await page.goto("/official/clients/new");
    await page.getByRole("textbox", { name: f.firstName }).fill("Kerstin");
    await page.getByRole("textbox", { name: f.lastName }).fill("Blomqvist");
    await page.getByRole("button", { name: "Svenska" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registrera kund");
    await expect(page.getByRole("textbox", { name: "Förnamn" })).toHaveValue("Kerstin");
    await expect(page.getByRole("textbox", { name: "Efternamn" })).toHaveValue("Blomqvist");
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Efternamn" })).toHaveValue("Blomqvist");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Suomi", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.newTitle);
  });

  test("the register searches, filters, pages and exports; bulk referral reports each client", async ({ page }) => {
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    await page.getByRole("navigation", { name: fi.official.nav.label }).getByRole("link", { name: fi.official.nav.clients }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fi.official.register.title);
    await expectAccessible(page);
    await page.getByRole("searchbox", { name: fi.official.register.search }).fill("khalil");
    await page.getByRole("button", { name: fi.official.register.apply }).click();
    await expect(page.getByRole("table").getByRole("link")).toHaveText(["Khalil, Ahmad"]);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: fi.official.register.exportCsv }).click();
    const csv = await (await download).createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    });
    expect(csv).toContain("Khalil");
    expect(csv).not.toMatch(/\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/);

    await page.getByRole("searchbox", { name: fi.official.register.search }).fill("");
    await page.getByRole("button", { name: fi.official.register.apply }).click();
    // The search form posts (its term stays out of the address); wait for the unfiltered register.
    await expect(page).toHaveURL(/\/official\/clients$/);
    // Two clients of the first page (other journeys' clients may come before Khalil in the name order).
    await page.getByRole("checkbox").nth(1).check();
    await page.getByRole("checkbox").nth(2).check();
    await page.getByRole("button", { name: fi.official.register.referSelected }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fi.official.bulk.title);
    await expectAccessible(page);
    await page.getByRole("button", { name: new RegExp(fi.official.bulk.course) }).click();
    await page.getByRole("option", { name: /Suomi 1 – perusopetus, päiväryhmä \(Kallio\)/ }).click();
    await page.getByRole("button", { name: /^Ohjaa 2/ }).click();
    const results = page.getByRole("region", { name: fi.official.bulk.results });
    await expect(results.getByRole("listitem")).toHaveCount(2);
    await expect(results.getByRole("status")).toHaveText(/\d \/ 2/);
    await expectAccessible(page);
  });

  test("a search by identity code finds the client and never puts the code in an address, a link or a request URL", async ({ page, request }) => {
    const code = makeIdentityCode("1979-11-23", 200 + Math.floor(Math.random() * 600), "X");
    const lastName = `Tunnushaku-${unique()}`;
    const created = await request.post("/api/v1/clients", {
      headers: bearer(apiToken("virkailija@example.fi")),
      data: { firstName: "Leila", lastName, dateOfBirth: "1979-11-23", personalIdentityCode: code, preferredLanguage: "fi", studyPath: "SLOW" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    const leaks = () => urls.concat(page.url()).filter((u) => decodeURIComponent(u).toUpperCase().includes(code.slice(0, 6)));

    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    await page.goto("/official/clients");
    const search = page.getByRole("searchbox", { name: fi.official.register.search });
    await search.fill(code);
    await page.getByRole("button", { name: fi.official.register.apply }).click();
    await expect(page.getByRole("table").getByRole("link")).toHaveText([`${lastName}, Leila`]);
    await expect(page).toHaveURL(/\/official\/clients\?search=[\w-]+$/);
    await expectAccessible(page);

    // A filter on top keeps the search; the export carries the search's id, not its term.
    await page.getByRole("combobox", { name: fi.official.register.studyPath }).selectOption("SLOW");
    await page.getByRole("button", { name: fi.official.register.apply }).click();
    await expect(page).toHaveURL(/search=[\w-]+&studyPath=SLOW$/);
    await expect(page.getByRole("table").getByRole("link")).toHaveText([`${lastName}, Leila`]);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: fi.official.register.exportCsv }).click();
    expect((await download).url()).toMatch(/\/official\/clients\/export\?search=/);
    expect(leaks()).toEqual([]);

    // A code typed into the address is not searched for.
    await page.goto(`/official/clients?q=${code}`);
    await expect(page.getByRole("status").filter({ hasText: fi.official.register.identityCodeInAddress })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("keyboard only: register, find a course, refer, cancel with a reason, read the timeline", async ({ page }) => {
    const tabTo = async (locator: Locator) => {
      for (let i = 0; i < 120 && !(await locator.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
      await expect(locator).toBeFocused();
    };
    const kallio = "Suomi 1 – perusopetus, päiväryhmä (Kallio)";
    const lastName = `Näppäin-${unique()}`;
    await page.goto("/signin");
    await tabTo(page.locator('input[name="email"]'));
    await page.keyboard.type("virkailija@example.fi");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Koulutus-Demo-2026");
    await page.keyboard.press("Enter");
    await expectHome(page, "/official");

    await tabTo(page.getByRole("main").getByRole("link", { name: fi.official.home.registerClient }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.newTitle);
    await tabTo(page.getByRole("textbox", { name: f.firstName }));
    await page.keyboard.type("Eino");
    await page.keyboard.press("Tab");
    await page.keyboard.type(lastName);
    await page.keyboard.press("Tab");
    await page.keyboard.type(makeIdentityCode("1999-12-31", 456, "-"));
    await tabTo(page.getByRole("textbox", { name: new RegExp(f.municipality) }));
    await page.keyboard.type("Helsinki");
    const path = page.getByRole("button", { name: new RegExp(f.studyPath) });
    await tabTo(path);
    await page.keyboard.press("Enter"); // opens on the first choice (FAST)
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(path).toContainText(fi.labels.studyPath.BASIC);
    const level = page.getByRole("button", { name: new RegExp(f.languageLevel) });
    await tabTo(level);
    await page.keyboard.press("Enter"); // opens on "not known"
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(level).toContainText(fi.labels.languageLevel.A1_1);
    await tabTo(page.getByRole("textbox", { name: new RegExp(f.assessedOn) }));
    await page.keyboard.type("2026-03-02");
    await tabTo(page.getByRole("button", { name: f.register }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${lastName}, Eino`);

    await tabTo(page.getByRole("link", { name: fi.official.client.findCourse }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fi.official.finder.title);
    const course = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: kallio }) });
    await tabTo(course.getByRole("button", { name: new RegExp(fi.official.refer.submit) }));
    await page.keyboard.press("Enter");
    await expect(course.getByRole("status")).toHaveText(new RegExp(fill(fi.official.refer.result.queued, { position: "\\d+" })));
    await tabTo(course.getByRole("link", { name: fi.official.refer.toClient }));
    await page.keyboard.press("Enter");

    const enrolment = page.getByRole("article").filter({ hasText: kallio });
    await tabTo(enrolment.getByRole("button", { name: fi.official.actions.buttons.cancel }));
    await page.keyboard.press("Enter");
    await expect(enrolment.getByRole("textbox", { name: fi.official.actions.reasonLabel.cancel })).toBeFocused();
    await page.keyboard.type("Asiakas soitti ja perui");
    await tabTo(enrolment.getByRole("button", { name: fi.official.actions.confirm.cancel }));
    await page.keyboard.press("Enter");
    await expect(enrolment.getByRole("status")).toHaveText(fi.official.actions.done.cancel);
    await tabTo(enrolment.getByText(fi.official.client.history));
    await page.keyboard.press("Enter");
    await expect(enrolment.getByRole("list").getByRole("listitem").last()).toContainText("Asiakas soitti ja perui");
  });
});

test.describe("another office", () => {
  test("gets 404 for the first office's client through pages and the API, and never sees it in search", async ({ page, request }) => {
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    const id = await openClient(page, "Khalil");
    await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
    await expect(page).toHaveURL(/\/signin$/);

    await signIn(page, "virkailija2@example.fi");
    await expectHome(page, "/official");
    for (const path of [`/official/clients/${id}`, `/official/clients/${id}/edit`, `/official/clients/${id}/courses`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(fi.errors.notFoundTitle);
    }
    await page.goto("/official/clients?q=Khalil");
    await expect(page.getByRole("table")).toHaveCount(0);
    const bulk = await page.goto(`/official/bulk?client=${id}`);
    expect(bulk?.status()).toBe(200);
    await expect(page.getByText(fi.official.bulk.none)).toBeVisible();

    const token = apiToken("virkailija2@example.fi");
    const api = await request.get(`/api/v1/clients/${id}`, { headers: bearer(token) });
    expect(api.status()).toBe(404);
    const list = await request.get(`/api/v1/clients?q=Khalil`, { headers: bearer(token) });
    expect((await list.json()).items).toEqual([]);
  });

  test("server actions answer 'not found' when another office's enrolment or client is slipped into them", async ({ page, request }) => {
    await signIn(page, "virkailija@example.fi");
    await expectHome(page, "/official");
    const helsinkiClient = await openClient(page, "Khalil");
    const heading = await page.getByRole("article").first().getAttribute("aria-labelledby");
    const helsinkiEnrolment = heading!.replace("enrolment-", "");
    const before = await request.get(`/api/v1/enrolments/${helsinkiEnrolment}`, { headers: bearer(apiToken("virkailija@example.fi")) });
    const statusBefore = (await before.json()).status;
    await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
    await expect(page).toHaveURL(/\/signin$/);

    await signIn(page, "virkailija2@example.fi");
    await expectHome(page, "/official");
    await page.goto("/official/clients?placement=waiting");
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/official\/clients\/[0-9a-f-]{36}$/);
    const ownClient = page.url().split("/").at(-1)!;
    // Swap the ids in the server action's arguments on their way out.
    await page.route("**/official/**", async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"]) {
        const body = req.postData()!.replaceAll(/"enrolmentId":"[^"]+"/g, `"enrolmentId":"${helsinkiEnrolment}"`).replaceAll(ownClient, helsinkiClient);
        await route.continue({ postData: body });
      } else await route.continue();
    });
    const live = page.getByRole("article").filter({ has: page.getByRole("button", { name: fi.official.actions.buttons.cancel }) }).first();
    await live.getByRole("button", { name: fi.official.actions.buttons.cancel }).click();
    await live.getByRole("textbox", { name: fi.official.actions.reasonLabel.cancel }).fill("Yritys toisen toimiston asiakkaaseen");
    await live.getByRole("button", { name: fi.official.actions.confirm.cancel }).click();
    await expect(live.getByRole("status")).toHaveText(fi.engineErrors.NOT_FOUND);

    await page.goto(`/official/clients/${ownClient}/courses?municipality=`);
    const course = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: new RegExp(fi.official.refer.submit) }) }).first();
    await course.getByRole("button", { name: new RegExp(fi.official.refer.submit) }).click();
    await expect(course.getByRole("status")).toHaveText(fi.engineErrors.NOT_FOUND);

    const after = await request.get(`/api/v1/enrolments/${helsinkiEnrolment}`, { headers: bearer(apiToken("virkailija@example.fi")) });
    expect((await after.json()).status).toBe(statusBefore);
  });
});
