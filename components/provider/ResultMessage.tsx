"use client";
import { InlineAlert } from "suomifi-ui-components";

/** The outcome of an action, announced to screen readers as it appears. */
export function ResultMessage({ result }: { result: { ok: boolean; message: string } | null }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {result && <InlineAlert status={result.ok ? "neutral" : "error"}>{result.message}</InlineAlert>}
    </div>
  );
}
