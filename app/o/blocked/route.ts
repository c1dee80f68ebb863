import { createTranslator } from "next-intl";
import { notFound } from "next/navigation";
import { isSelfServiceLanguage, SELF_SERVICE_LANGUAGES, selfServiceLanguageNames, textDirection, type SelfServiceLanguage } from "@/lib/i18n";
import { LINK_BLOCKED_HEADER } from "@/server/self-service/link-limit";
import { loadSelfServiceMessages } from "@/lib/messages";

// The client's link page for an IP blocked for guessing links (server/self-service/link-limit.ts),
// with HTTP 429 and Retry-After. proxy.ts rewrites /o/<token> here (the address in the browser stays
// the link), passing how long the block lasts; a page cannot answer 429, so this is plain HTML in
// the link's languages, with the page's own language switch. Asked for directly, it does not exist.

export const dynamic = "force-dynamic";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function GET(request: Request) {
  const retryAfterSeconds = Number(request.headers.get(LINK_BLOCKED_HEADER));
  if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds <= 0) notFound();
  const query = new URL(request.url).searchParams.get("lang");
  const lang: SelfServiceLanguage = isSelfServiceLanguage(query) ? query : "fi";
  const t = createTranslator({ locale: lang, messages: { selfService: await loadSelfServiceMessages(lang) } });
  const nonce = request.headers.get("x-nonce") ?? "";
  const heading = t("selfService.limited.heading");
  const languages = SELF_SERVICE_LANGUAGES.map(
    (l) => `<li><a href="?lang=${l}" lang="${l}" hreflang="${l}"${l === lang ? ' aria-current="true"' : ""}>${escape(selfServiceLanguageNames[l])}</a></li>`,
  ).join("");
  const html = `<!doctype html>
<html lang="${lang}" dir="${textDirection(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escape(heading)} – ${escape(t("selfService.title"))}</title>
<style nonce="${escape(nonce)}">
  body { margin: 0; font-family: "Source Sans 3", "Source Sans Pro", Arial, sans-serif; font-size: 18px; line-height: 1.5; color: #212121; background: #f7f7f8; }
  header { background: #fff; border-top: 4px solid #002f6c; border-bottom: 1px solid #c8cdd0; padding: 16px; }
  header p { margin: 0 auto; max-width: 640px; font-size: 24px; font-weight: 700; color: #002f6c; }
  main { display: block; max-width: 640px; margin: 0 auto; padding: 16px; }
  ul { display: flex; flex-wrap: wrap; gap: 4px 12px; list-style: none; padding: 0; margin: 0 0 16px; }
  a { display: inline-block; padding: 8px 4px; min-height: 44px; line-height: 28px; color: #2a6ebb; }
  a[aria-current="true"] { font-weight: 700; color: #212121; text-decoration: none; }
  a:focus-visible { outline: 3px solid #1a99c7; outline-offset: 2px; }
  section { background: #fff; border: 1px solid #c8cdd0; padding: 20px 24px; }
  h1 { font-size: 28px; line-height: 1.25; margin: 0 0 12px; }
  p { margin: 0; }
</style>
</head>
<body>
<header><p>${escape(t("selfService.title"))}</p></header>
<main>
<nav aria-label="${escape(t("selfService.languages"))}"><ul>${languages}</ul></nav>
<section><h1>${escape(heading)}</h1><p>${escape(t("selfService.limited.body", { minutes: Math.ceil(retryAfterSeconds / 60) }))}</p></section>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 429,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(retryAfterSeconds), "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
}
