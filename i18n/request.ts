import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { clientPageLanguage, LOCALE_COOKIE, pickLocale } from "../lib/i18n";
import { loadMessages, loadSelfServiceMessages } from "../lib/messages";
import { languageOfLink } from "../server/self-service/tokens";
import { FINNISH_TIME_ZONE } from "../lib/dates";

export default getRequestConfig(async () => {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  const uiLocale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, requestHeaders.get("accept-language"));
  const messages = await loadMessages(uiLocale);
  // A client's page is in the client's language, which the staff UI may not speak (uk, ru, ar): the
  // locale, and so <html lang> and the shell around the page, follow it; the staff namespaces stay
  // in the UI's language (nothing on that page uses them).
  const clientLanguage = await clientPageLanguage(requestHeaders.get("x-kp-path") ?? "", requestHeaders.get("x-kp-lang"), languageOfLink);
  if (!clientLanguage) return { locale: uiLocale, messages, timeZone: FINNISH_TIME_ZONE };
  return { locale: clientLanguage, messages: { ...messages, selfService: await loadSelfServiceMessages(clientLanguage) }, timeZone: FINNISH_TIME_ZONE };
});
