"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { Heading } from "suomifi-ui-components";

export const JUST_ANSWERED = "kp-self-service-answered";

/** The result's heading; right after an answer on this page it takes the focus the vanished buttons had. */
export function ResultHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sessionStorage.getItem(JUST_ANSWERED)) {
      sessionStorage.removeItem(JUST_ANSWERED);
      ref.current?.focus();
    }
  }, []);
  return (
    <Heading variant="h1" ref={ref} tabIndex={-1}>
      {children}
    </Heading>
  );
}
