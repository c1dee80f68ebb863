// Runs in the browser before the app's modules and hydration. styled-components takes the CSP
// nonce (proxy.ts) for the <style> tags it creates from the global `__webpack_nonce__` when there
// is no <meta property="csp-nonce"> yet — as on an error page, whose first HTML is Next.js's
// minimal shell without the root layout. Next.js's own scripts carry the document's nonce; the
// property still reads it where the attribute is hidden.
const w = window as Window & { __webpack_nonce__?: string };
w.__webpack_nonce__ ??= document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
