import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { CLIENT_LANGUAGE_HEADER, clientPageLanguage, clientPageToken, LOCALE_COOKIE, PATH_HEADER, pickLocale } from "../lib/i18n";
import { loadClientPageMessages, loadMessages } from "../lib/messages";
import { FINNISH_TIME_ZONE } from "../lib/dates";
import { languageOfLink } from "../server/self-service/tokens";

// The request's language, decided once for the whole document (<html lang dir>, the shell, the page).
// Staff pages: the person's choice (cookie), else the browser's preference, else Finnish.
// A client's page (/o/<token>): the client's language, any of six, whatever the staff UI's choice
// on that browser: `?lang=` (proxy.ts passes it as a header, since request config cannot read the
// URL), else the language the link was sent in, else Finnish.
export default getRequestConfig(async () => {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  const token = clientPageToken(requestHeaders.get(PATH_HEADER) ?? "");
  if (token !== null) {
    const locale = await clientPageLanguage(requestHeaders.get(CLIENT_LANGUAGE_HEADER), () => languageOfLink(token));
    return { locale, messages: await loadClientPageMessages(locale), timeZone: FINNISH_TIME_ZONE };
  }
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, requestHeaders.get("accept-language"));
  return { locale, messages: await loadMessages(locale), timeZone: FINNISH_TIME_ZONE };
});
