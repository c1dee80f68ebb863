import { render } from "@react-email/render";
import type { EmailLanguage } from "./i18n";
import { buildEmail } from "./templates";
import type { EmailData, EmailTemplate } from "./types";

export interface RenderedParts {
  subject: string;
  language: string;
  dir: "ltr" | "rtl";
  html: string;
  text: string;
}

/** HTML and plain-text parts of one e-mail. */
export async function renderEmail(template: EmailTemplate, lang: EmailLanguage | null, data: EmailData): Promise<RenderedParts> {
  const built = buildEmail(template, lang, data);
  const [html, text] = await Promise.all([render(built.element), render(built.element, { plainText: true })]);
  return { subject: built.subject, language: built.language, dir: built.dir, html, text };
}
