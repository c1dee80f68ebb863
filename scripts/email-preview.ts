// npm run email:preview — every template in every language (and the fi + en fallback) as static
// HTML and text files for review, with an index page: .data/email-preview/index.html
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { EMAIL_LANGUAGES } from "../emails/i18n";
import { renderEmail } from "../emails/render";
import { sampleData } from "../emails/samples";
import { EMAIL_TEMPLATES } from "../emails/types";

const out = resolve(process.env.EMAIL_PREVIEW_DIR ?? ".data/email-preview");
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const rows: string[] = [];
for (const template of EMAIL_TEMPLATES) {
  const dir = join(out, template.replace("/", "__"));
  mkdirSync(dir, { recursive: true });
  const links: string[] = [];
  for (const lang of [...EMAIL_LANGUAGES, null]) {
    const email = await renderEmail(template, lang, sampleData(template));
    const name = lang ?? "fallback-fi-en";
    writeFileSync(join(dir, `${name}.html`), email.html);
    writeFileSync(join(dir, `${name}.txt`), `Subject: ${email.subject}\n\n${email.text}`);
    links.push(`<a href="${template.replace("/", "__")}/${name}.html" title="${escape(email.subject)}">${name}</a> (<a href="${template.replace("/", "__")}/${name}.txt">text</a>)`);
  }
  rows.push(`<tr><th scope="row">${template}</th><td>${links.join(" · ")}</td></tr>`);
}
writeFileSync(
  join(out, "index.html"),
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Koulutusportti e-mails</title><h1>Koulutusportti e-mails</h1><table>${rows.join("")}</table></html>`,
);
console.log(`Wrote ${EMAIL_TEMPLATES.length} templates × ${EMAIL_LANGUAGES.length + 1} variants to ${out}/index.html`);
