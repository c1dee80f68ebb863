import { NextResponse, type NextRequest } from "next/server";
import { sessionCookie, sessionOnRequest } from "./server/auth/lifetime";

// A strict Content-Security-Policy with a fresh nonce for every page request. Next.js reads the
// nonce from the request's CSP header and puts it on its own scripts; the root layout passes it to
// the styled-components registry, whose <style> tags carry it too, so neither scripts nor styles
// need 'unsafe-inline'. 'strict-dynamic' lets the nonced scripts load the app's chunks.
// The other security headers are set for every path in next.config.js.
//
// It also keeps a staff session's activity stamp (server/auth/lifetime.ts): every page request,
// server action and export renews it (at most once a minute) and a session idle for 30 minutes,
// or 8 hours old, loses its cookie. The pages then find no session and send the person to sign in.

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  // The demo mailbox's raw e-mail view sets its own sandboxing policy; a second one would block the
  // e-mail's inline styles.
  if (/^\/mailbox\/[^/]+\/html$/.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The shell leaves the staff tools out of the client's own pages (components/AppShell.tsx).
  requestHeaders.set("x-kp-path", request.nextUrl.pathname);
  requestHeaders.set("content-security-policy", policy);
  const cookie = sessionCookie();
  const session = await sessionOnRequest(request.cookies.get(cookie.name)?.value);
  if (session.action === "renew") {
    // The page reads the renewed session too, so the proxy and the page judge the same token.
    request.cookies.set(cookie.name, session.token);
    requestHeaders.set("cookie", request.cookies.toString());
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (session.action === "renew") response.cookies.set(cookie.name, session.token, { ...cookie.options, maxAge: session.maxAgeSeconds });
  // The page still reads the ended session (and says why it ended); the browser forgets it.
  if (session.action === "end") response.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  return response;
}

export const config = {
  // Pages only: not the JSON API (its hot path stays untouched), auth endpoints or static files.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
