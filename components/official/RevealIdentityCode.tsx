"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import styles from "./official.module.css";

/** The masked identity code with a "show" button; showing it is audited on the server. */
export function RevealIdentityCode({ masked, reveal }: { masked: string; /** Bound to the client. */ reveal: () => Promise<{ ok: true; code: string } | { ok: false; message: string }> }) {
  const t = useTranslations("official");
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className={styles.inline}>
      <span className={code ? styles.revealed : undefined}>{code ?? masked}</span>
      {code ? (
        <button type="button" className={styles.secondary} onClick={() => setCode(null)}>
          {t("client.hideIdentityCode")}
        </button>
      ) : (
        <button
          type="button"
          className={styles.secondary}
          disabled={pending}
          aria-disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await reveal();
              if (result.ok) setCode(result.code);
              else setError(result.message);
            })
          }
        >
          {pending ? t("client.showingIdentityCode") : t("client.showIdentityCode")}
        </button>
      )}
      <span role="status" className="kp-visually-hidden">
        {code ? t("client.identityCodeShown") : ""}
      </span>
      {error && <span role="alert">{error}</span>}
    </span>
  );
}
