"use client";
import { useEffect, useState } from "react";
import { InlineAlert } from "suomifi-ui-components";

/** A confirmation read out by screen readers once the page after a save has loaded. */
export function SavedNotice({ message }: { message: string }) {
  const [shown, setShown] = useState("");
  // Set after mount, so the live region exists first and the message is read out.
  useEffect(() => {
    const timer = setTimeout(() => setShown(message), 100);
    return () => clearTimeout(timer);
  }, [message]);
  return <div role="status" aria-live="polite">{shown && <InlineAlert status="neutral">{shown}</InlineAlert>}</div>;
}
