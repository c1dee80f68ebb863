import { NextResponse, type NextRequest } from "next/server";

// A strict Content-Security-Policy with a fresh nonce for every page request. Next.js reads the
// nonce from the request's CSP header and puts it on its own scripts; the root layout passes it to
// the styled-components registry, whose <style> tags carry it too, so neither scripts nor styles
// need 'unsafe-inline'. 'strict-dynamic' lets the nonced scripts load the app's chunks.
// The other security headers are set for every path in next.config.js.

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

export function proxy(request: NextRequest) {
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: not the JSON API (its hot path stays untouched), auth endpoints or static files.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
