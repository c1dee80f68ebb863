"use client";
import { useServerInsertedHTML } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ServerStyleSheet, StyleSheetManager } from "styled-components";

// Collects styled-components CSS during server rendering so suomifi components arrive styled,
// and the page looks the same before (or without) JavaScript. Every <style> tag it writes, on the
// server and later in the browser, carries the request's CSP nonce (proxy.ts), so the policy's
// style-src needs no 'unsafe-inline'.
//
// In the browser the nonce must stay the document's own: a client navigation or refresh renders
// the layout again with the nonce of that later request, which the document's policy does not
// allow. So the first value is kept (state). styled-components' own sheet, created when its module
// loads, takes the nonce from the <meta property="csp-nonce"> in the root layout's <head>.
export function StyledRegistry({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  const [documentNonce] = useState(nonce);
  const [sheet] = useState(() => new ServerStyleSheet({ nonce: documentNonce }));
  useServerInsertedHTML(() => {
    const styles = sheet.getStyleElement();
    sheet.instance.clearTag();
    return <>{styles}</>;
  });
  if (typeof window !== "undefined") return <StyleSheetManager nonce={documentNonce}>{children}</StyleSheetManager>;
  return <StyleSheetManager sheet={sheet.instance}>{children}</StyleSheetManager>;
}
