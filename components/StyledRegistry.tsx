"use client";
import { useServerInsertedHTML } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ServerStyleSheet, StyleSheetManager } from "styled-components";

// Collects styled-components CSS during server rendering so suomifi components arrive styled,
// and the page looks the same before (or without) JavaScript. Every <style> tag it writes, on the
// server and later in the browser, carries the request's CSP nonce (proxy.ts), so the policy's
// style-src needs no 'unsafe-inline'.
export function StyledRegistry({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  const [sheet] = useState(() => new ServerStyleSheet({ nonce }));
  useServerInsertedHTML(() => {
    const styles = sheet.getStyleElement();
    sheet.instance.clearTag();
    return <>{styles}</>;
  });
  if (typeof window !== "undefined") return <StyleSheetManager nonce={nonce}>{children}</StyleSheetManager>;
  return <StyleSheetManager sheet={sheet.instance}>{children}</StyleSheetManager>;
}
