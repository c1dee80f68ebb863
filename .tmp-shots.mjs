import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
const base = "http://localhost:3103";
const P = readFileSync("/tmp/h-ptoken", "utf8").trim(), O = readFileSync("/tmp/h-otoken", "utf8").trim();
const day = (n) => new Date(Date.now() + n * 864e5).toISOString().slice(0, 10);
const post = async (path, token, data) => { const r = await fetch(base + path, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(data) }); return r.json(); };
const course = await post("/api/v1/courses", P, { name: "Suomea arkeen", studyPath: "BASIC", instructionLanguage: "FI", levelFrom: "A0", levelTo: "A1_3", municipality: "Helsinki", schedule: "DAY", startsOn: day(20), endsOn: day(120), capacity: 5, status: "PUBLISHED" });
const c = await post("/api/v1/clients", O, { firstName: "Amina", lastName: "Hassan", dateOfBirth: "1988-02-03", personalIdentityCode: "030288-6120", preferredLanguage: "sv", studyPath: "BASIC", email: "amina.hassan@example.com", phone: "040 765 4321", municipality: "Helsinki", languageLevel: "A1_1" });
if (!c.id) { console.log(c); process.exit(1); }
await post(`/api/v1/courses/${course.id}/enrolments`, O, { clientId: c.id, note: "Tarvitsee iltapäiväryhmän" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const locale of ["fi", "sv"]) {
  for (const width of [1280, 390]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    await ctx.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
    const page = await ctx.newPage();
    await page.goto(base + "/signin");
    await page.fill('input[name="email"]', "virkailija@example.fi");
    await page.fill('input[name="password"]', "Koulutus-Demo-2026");
    await page.click('main form button[type="submit"]');
    await page.waitForURL(/\/official$/);
    await page.goto(`${base}/official/clients/${c.id}/data`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `/tmp/h-shot-data-${locale}-${width}.png`, fullPage: true });
    const self = await ctx.newPage();
    await self.goto(`${base}/o/${"B".repeat(43)}?lang=${locale}`);
    await self.screenshot({ path: `/tmp/h-shot-o-${locale}-${width}.png`, fullPage: true });
    await ctx.close();
  }
}
await browser.close();
console.log("done", c.id);
