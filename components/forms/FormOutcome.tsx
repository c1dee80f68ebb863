"use client";
import { InlineAlert } from "suomifi-ui-components";

/** A form's result after saving: success read out politely, a failure at once. */
export function FormOutcome({ message }: { message: { ok: boolean; text: string } | null }) {
  return (
    <div>
      <div role="status" aria-live="polite">
        {message?.ok && <InlineAlert status="neutral">{message.text}</InlineAlert>}
      </div>
      <div role="alert" aria-live="assertive">
        {message && !message.ok && <InlineAlert status="error">{message.text}</InlineAlert>}
      </div>
    </div>
  );
}
