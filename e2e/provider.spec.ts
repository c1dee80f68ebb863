import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiToken, bearer } from "./support/api";
import { signIn } from "./support/auth";
import { expectAccessible } from "./support/axe";
import { fi } from "./support/messages";
import { addDays, helsinkiToday } from "../lib/dates";

// The training provider's workspace, as a coordinator uses it: courses, seats, the waiting list.

const p = fi.provider;
const inDays = (n: number) => addDays(helsinkiToday(new Date()), n);
const run = Math.random().toString(36).slice(2, 7);

let official: string;
let provider: string;
let otherProvider: string;

test.beforeAll(() => {
  official = apiToken("virkailija@example.fi");
  provider = apiToken("jarjestaja@example.fi");
  otherProvider = apiToken("jarjestaja2@example.fi");
});

/** A valid Finnish personal identity code for 12.4.1990 with the given individual number. */
function identityCode(individual: number): string {
  const zzz = String(individual).padStart(3, "0");
  return `120490-${zzz}${"0123456789ABCDEFHJKLMNPRSTUVWXY"[Number(`120490${zzz}`) % 31]}`;
}

/** An official registers a client (with an identity code) and refers them to the course. */
async function refer(request: APIRequestContext, courseId: string, lastName: string, code: string, note: string) {
  const client = await request.post("/api/v1/clients", {
    headers: bearer(official),
    data: { firstName: "Asiakas", lastName, dateOfBirth: "1990-04-12", personalIdentityCode: code, preferredLanguage: "fi", studyPath: "BASIC", email: `${lastName.toLowerCase()}@example.com`, phone: "040 123 4567", languageLevel: "A1_1" },
  });
  expect(client.status(), await client.text()).toBe(201);
  const { id } = (await client.json()) as { id: string };
  const referral = await request.post(`/api/v1/courses/${courseId}/enrolments`, { headers: bearer(official), data: { clientId: id, note } });
  expect(referral.status(), await referral.text()).toBe(201);
  return ((await referral.json()) as { id: string }).id;
}

const queueItem = (page: Page, name: string) => page.getByTestId("queue-item").filter({ hasText: name });
const seatRow = (page: Page, name: string) => page.getByTestId("seat-row").filter({ hasText: name });

test("a coordinator creates and publishes a course, orders the queue, and fills the seats", async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, "jarjestaja@example.fi");
  await expect(page).toHaveURL(/\/provider$/);
  await expectAccessible(page);

  await page.getByRole("link", { name: p.home.newCourse }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.courseForm.newTitle);
  await expectAccessible(page);
  const courseName = `Suomea työelämään ${run}`;
  await page.getByLabel(p.courseForm.name, { exact: true }).fill(courseName);
  await page.getByLabel(p.courseForm.municipality, { exact: true }).fill("Helsinki");
  await page.getByLabel(p.courseForm.startsOn, { exact: true }).fill(inDays(30));
  await page.getByLabel(p.courseForm.endsOn, { exact: true }).fill(inDays(150));
  await page.getByLabel(p.courseForm.capacity, { exact: true }).fill("3");
  await page.getByRole("button", { name: p.courseForm.create }).click();
  await expect(page).toHaveURL(/\/provider\/courses\/[0-9a-f-]{36}$/);
  const courseId = page.url().split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(courseName);

  await page.getByRole("button", { name: p.status.to.PUBLISHED }).click();
  await expect(page.getByText(p.status.done.PUBLISHED)).toBeVisible();

  // The official refers five clients through the API: three get offers, two queue.
  const names = [1, 2, 3, 4, 5].map((i) => `Jonottaja${i}${run}`);
  const full = (i: number) => `Asiakas ${names[i]}`;
  const codes = names.map((_, i) => identityCode(100 + i * 100 + Math.floor(Math.random() * 100)));
  const enrolments: string[] = [];
  for (const [i, name] of names.entries()) enrolments.push(await refer(request, courseId, name, codes[i]!, `Huomio ${i + 1}`));

  await page.reload();
  await expect(page.getByTestId("seats-held")).toHaveText("3");
  await expect(page.getByTestId("seats-offered")).toHaveText("3");
  await expect(page.getByTestId("queue-length")).toHaveText("2");
  await expect(page.getByTestId("queue-item")).toHaveText([new RegExp(names[3]!), new RegExp(names[4]!)]);
  await expect(queueItem(page, names[3]!)).toContainText("Huomio 4");
  await expectAccessible(page);

  // Move #2 above #1 with a reason.
  const second = queueItem(page, names[4]!);
  await second.getByRole("button", { name: `${p.actions.move} ${full(4)}` }).click();
  await second.getByLabel(p.queue.position, { exact: true }).fill("1");
  await second.getByLabel(p.queue.reason, { exact: true }).fill("Kotoutumisaika päättyy pian");
  await expectAccessible(page);
  await second.getByRole("button", { name: p.queue.submitMove, exact: true }).click();
  await expect(page.getByText(p.queue.moved.replace("{position}", "1"))).toBeVisible();
  await expect(page.getByTestId("queue-item")).toHaveText([new RegExp(names[4]!), new RegExp(names[3]!)]);

  // The first offer is declined; the seat goes to the next in the new order.
  await seatRow(page, names[0]!).getByRole("button", { name: `${p.actions.do.decline} ${full(0)}` }).click();
  await expect(seatRow(page, names[4]!)).toContainText(fi.labels.enrolmentStatus.OFFERED);
  await expect(page.getByTestId("queue-item")).toHaveText([new RegExp(names[3]!)]);

  await seatRow(page, names[4]!).getByRole("button", { name: `${p.actions.do.confirm} ${full(4)}` }).click();
  await expect(seatRow(page, names[4]!)).toContainText(fi.labels.enrolmentStatus.CONFIRMED);
  await seatRow(page, names[4]!).getByRole("button", { name: `${p.actions.do.start} ${full(4)}` }).click();
  await expect(seatRow(page, names[4]!)).toContainText(fi.labels.enrolmentStatus.STARTED);

  // Raising capacity shows who will be offered before it happens, then offers the seat.
  const capacity = page.getByLabel(p.capacity.label, { exact: true });
  await capacity.fill("4");
  await expect(page.getByTestId("capacity-preview")).toContainText(names[3]!);
  await page.getByRole("button", { name: p.capacity.submit }).click();
  await expect(page.getByTestId("seats-held")).toHaveText("4");
  await expect(page.getByTestId("queue-length")).toHaveText("0");
  await expect(seatRow(page, names[3]!)).toContainText(fi.labels.enrolmentStatus.OFFERED);

  // Lowering below the held seats is refused, with the reason, before and after submitting.
  await capacity.fill("2");
  await expect(page.getByTestId("capacity-preview")).toHaveText(p.capacity.previewRefused.replace("{held}", "4"));
  await page.getByRole("button", { name: p.capacity.submit }).click();
  await expect(page.getByText(fi.engineErrors.CAPACITY_BELOW_HELD)).toBeVisible();
  await expect(page.getByTestId("seats-held")).toHaveText("4");

  // The course history tells who did what and why.
  await page.reload();
  const history = page.getByRole("region", { name: p.course.history }).or(page.locator("section", { has: page.getByRole("heading", { name: p.course.history }) }));
  await expect(history.first()).toContainText("Kotoutumisaika päättyy pian");
  await expectAccessible(page);
  const courseHtml = await page.content();

  // The enrolment's own page: minimal data and its history.
  await seatRow(page, names[4]!).getByRole("link", { name: full(4) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Asiakas ${names[4]}`);
  await expect(page.getByRole("main")).toContainText("Kotoutumisaika päättyy pian");
  await expect(page.getByRole("main")).toContainText(fi.labels.enrolmentStatus.STARTED);
  await expectAccessible(page);
  const enrolmentHtml = await page.content();

  // Home: the course with its numbers.
  await page.goto("/provider");
  await expect(page.getByRole("link", { name: courseName })).toBeVisible();
  const homeHtml = await page.content();
  await expectAccessible(page);

  // Exports and the attendance sheet.
  const csv = await page.request.get(`/provider/courses/${courseId}/export?format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const csvText = await csv.text();
  expect(csvText).toContain(names[4]);
  const xlsx = await page.request.get(`/provider/courses/${courseId}/export?format=xlsx`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  await page.goto(`/provider/courses/${courseId}/attendance`);
  await expect(page.getByRole("cell", { name: `${names[4]}, Asiakas` })).toBeVisible();
  await expectAccessible(page);
  const attendanceHtml = await page.content();

  // Identity codes appear in no provider response: pages, exports, the API.
  const apiList = await (await request.get(`/api/v1/courses/${courseId}/enrolments`, { headers: bearer(provider) })).text();
  const apiOne = await (await request.get(`/api/v1/enrolments/${enrolments[4]}`, { headers: bearer(provider) })).text();
  expect(apiList).toContain(enrolments[4]);
  for (const raw of [courseHtml, enrolmentHtml, homeHtml, attendanceHtml, csvText, apiList, apiOne]) {
    for (const code of codes) {
      expect(raw).not.toContain(code);
      // The identifying tail on its own (as in "-4645" or "****4645"); a longer number that merely
      // contains the same four digits (a bundle's module id, a timestamp) is not a leak.
      expect(raw).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${code.slice(7)}(?![0-9A-Za-z])`));
    }
  }

  // Another provider's staff: 404 on every page, export and API call for this course and its enrolments.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signIn(stranger, "jarjestaja2@example.fi");
  await expect(stranger).toHaveURL(/\/provider$/);
  for (const path of [`/provider/courses/${courseId}`, `/provider/courses/${courseId}/edit`, `/provider/courses/${courseId}/attendance`, `/provider/courses/${courseId}/enrolments/${enrolments[4]}`]) {
    const response = await stranger.goto(path);
    expect(response?.status(), path).toBe(404);
    expect(await stranger.content()).not.toContain(names[4]);
  }
  expect((await stranger.request.get(`/provider/courses/${courseId}/export?format=csv`)).status()).toBe(404);
  await other.close();
  expect((await request.get(`/api/v1/courses/${courseId}`, { headers: bearer(otherProvider) })).status()).toBe(404);
  expect((await request.get(`/api/v1/courses/${courseId}/enrolments`, { headers: bearer(otherProvider) })).status()).toBe(404);
  expect((await request.get(`/api/v1/enrolments/${enrolments[3]}`, { headers: bearer(otherProvider) })).status()).toBe(404);
  expect((await request.post(`/api/v1/enrolments/${enrolments[3]}/confirm`, { headers: bearer(otherProvider) })).status()).toBe(404);
});

test("the queue can be reordered with the keyboard alone", async ({ page, request }) => {
  const created = await request.post("/api/v1/courses", {
    headers: bearer(provider),
    data: { name: `Näppäimistö ${run}`, studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Espoo", schedule: "EVENING", startsOn: inDays(20), endsOn: inDays(120), capacity: 1, status: "PUBLISHED" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const courseId = ((await created.json()) as { id: string }).id;
  const names = ["Eka", "Toka", "Kolmas"].map((n) => `${n}${run}`);
  for (const [i, name] of names.entries()) await refer(request, courseId, name, identityCode(850 + i), `Huomio ${i}`);

  await signIn(page, "jarjestaja@example.fi");
  await expect(page).toHaveURL(/\/provider$/);
  await page.goto(`/provider/courses/${courseId}`);
  await expect(page.getByTestId("queue-item")).toHaveText([new RegExp(names[1]!), new RegExp(names[2]!)]);

  // From the move button of #2: Enter opens the control, Tab reaches the fields, Enter submits.
  await queueItem(page, names[2]!).getByRole("button", { name: `${p.actions.move} Asiakas ${names[2]}` }).focus();
  await page.keyboard.press("Enter");
  const position = queueItem(page, names[2]!).getByLabel(p.queue.position, { exact: true });
  for (let i = 0; i < 8 && !(await position.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(position).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("1");
  await page.keyboard.press("Tab");
  await expect(queueItem(page, names[2]!).getByLabel(p.queue.reason, { exact: true })).toBeFocused();
  await page.keyboard.type("Aamuvuoro alkaa, ilta sopii vain nyt");
  await page.keyboard.press("Enter");
  await expect(page.getByText(p.queue.moved.replace("{position}", "1"))).toBeVisible();
  await expect(page.getByTestId("queue-item")).toHaveText([new RegExp(names[2]!), new RegExp(names[1]!)]);
  await expectAccessible(page);
});

test("bulk confirmation with a result per row, cancelling a course with a reason, and duplicating it for the next term", async ({ page, request }) => {
  const created = await request.post("/api/v1/courses", {
    headers: bearer(provider),
    data: { name: `Kevätryhmä ${run}`, studyPath: "FAST", instructionLanguage: "FI", levelFrom: "A1_1", levelTo: "A2_1", municipality: "Vantaa", schedule: "DAY", startsOn: inDays(40), endsOn: inDays(100), capacity: 3, status: "PUBLISHED" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const courseId = ((await created.json()) as { id: string }).id;
  const names = ["Aalto", "Berg", "Cajander"].map((n) => `${n}${run}`);
  for (const [i, name] of names.entries()) await refer(request, courseId, name, identityCode(870 + i), `Huomio ${i}`);

  await signIn(page, "jarjestaja@example.fi");
  await expect(page).toHaveURL(/\/provider$/);
  await page.goto(`/provider/courses/${courseId}`);
  await expect(page.getByTestId("seat-row")).toHaveCount(3);

  // Bulk: choose everyone, pick "confirm", apply; each row tells its own result.
  const all = page.getByRole("checkbox", { name: p.seats.chooseAll });
  await all.focus();
  await page.keyboard.press("Space");
  await expect(all).toBeChecked();
  await page.getByRole("button", { name: new RegExp(p.bulk.action) }).click();
  await page.getByRole("option", { name: p.bulk.options.confirm }).click();
  await page.getByRole("button", { name: /^Tee 3/ }).click();
  await expect(page.getByText(p.bulk.summary.replace("{done}", "3").replace("{total}", "3"))).toBeVisible();
  for (const name of names) await expect(seatRow(page, name)).toContainText(fi.labels.enrolmentStatus.CONFIRMED);
  await expectAccessible(page);

  // Cancelling needs a reason; every live enrolment ends with it.
  await page.getByRole("button", { name: p.status.cancel }).click();
  await page.getByRole("button", { name: p.status.confirmCancel, exact: true }).click();
  await expect(page.getByText(fi.validation.reasonRequired)).toBeVisible();
  await page.getByLabel(p.status.cancelReason).fill("Opettaja ei ole käytettävissä");
  await page.getByRole("button", { name: p.status.confirmCancel, exact: true }).click();
  await expect(page.getByText(p.status.done.CANCELLED)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("seat-row")).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText(p.course.cancelledBecause.replace("{reason}", "Opettaja ei ole käytettävissä"));
  await expect(page.getByRole("row").filter({ hasText: fi.labels.enrolmentStatus.CANCELLED })).toHaveCount(3);

  // Duplicate for the next term: a draft copy opens for editing.
  await page.getByRole("button", { name: p.status.duplicate }).click();
  await expect(page).toHaveURL(/\/provider\/courses\/[0-9a-f-]{36}\/edit\?copy=1$/);
  await expect(page.getByText(p.courseForm.copied)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(p.courseForm.name, { exact: true }).fill(`Syysryhmä ${run}`);
  await page.getByRole("button", { name: p.courseForm.save }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Syysryhmä ${run}`);
  await expect(page.getByRole("main")).toContainText(fi.labels.courseStatus.DRAFT);
  expect(page.url()).not.toContain(courseId);
});
