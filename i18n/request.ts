import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, pickLocale } from "../lib/i18n";
import { loadMessages } from "../lib/messages";
import { FINNISH_TIME_ZONE } from "../lib/dates";

export default getRequestConfig(async () => {
  const locale = pickLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: FINNISH_TIME_ZONE,
  };
});
