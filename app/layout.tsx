import "@fontsource/source-sans-3/400.css";
import "@fontsource/source-sans-3/600.css";
import "@fontsource/source-sans-3/700.css";
import "./globals.css";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/AppShell";
import { ClientMessages } from "@/components/ClientMessages";
import { StyledRegistry } from "@/components/StyledRegistry";
import { chooseLocale } from "@/app/actions/locale";
import { textDirection } from "@/lib/i18n";
import { currentActor } from "@/server/auth/session";

// Every page depends on who is signed in and in which language. The language is the request's
// (i18n/request.ts): the staff member's choice, or on a client's page the client's, any of six.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { default: t("serviceName"), template: `%s – ${t("serviceName")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, actor, requestHeaders] = await Promise.all([getLocale(), currentActor(), headers()]);
  // The CSP nonce proxy.ts made for this request.
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <head>
        {/* In the first HTML, before any script: styled-components reads the nonce from here when its
            module loads (and keeps it). Browsers hide a nonce attribute from CSS and the DOM. */}
        {nonce && <meta property="csp-nonce" nonce={nonce} />}
      </head>
      <body>
        <StyledRegistry nonce={nonce}>
          <ClientMessages>
            <AppShell actor={actor} chooseLocale={chooseLocale}>{children}</AppShell>
          </ClientMessages>
        </StyledRegistry>
      </body>
    </html>
  );
}
