import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { MessageNamespace } from "@/lib/messages";

// Every page carries the messages its client components may use in its payload; sending all of
// them (about 37 kB in Finnish) made every page heavier and slower to render. Layouts add their
// workspace's namespace to the ones shared by every page. A client's page has fewer namespaces
// (lib/messages.ts, CLIENT_PAGE_NAMESPACES): the ones it lacks are left out, not sent empty.
const SHARED: MessageNamespace[] = ["shell", "signIn", "validation", "labels", "errors"];

export async function ClientMessages({ namespaces = [], children }: { namespaces?: MessageNamespace[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const picked = Object.fromEntries([...SHARED, ...namespaces].filter((namespace) => namespace in messages).map((namespace) => [namespace, messages[namespace as keyof typeof messages]]));
  return (
    <NextIntlClientProvider locale={locale} messages={picked}>
      {children}
    </NextIntlClientProvider>
  );
}
