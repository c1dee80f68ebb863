"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import { TextareaField } from "@/components/forms/fields";
import type { ActionResult } from "@/lib/action-results";
import { closePoolSchema } from "@/lib/schemas/pool";
import styles from "./official.module.css";

type Values = { queueEntryId: string; reason: string };
export type ClosePool = (input: { clientId: string; values: Values }) => Promise<ActionResult>;

/** "End pooled referral": a reason, then the engine withdraws the queue places; an open offer stays for the client. */
export function ClosePoolForm({ clientId, queueEntryId, active, closePool }: { clientId: string; queueEntryId: string; active: boolean; closePool: ClosePool }) {
  const t = useTranslations("official");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const { control, handleSubmit } = useForm<Values>({ resolver: zodResolver(closePoolSchema) as Resolver<Values>, defaultValues: { queueEntryId, reason: "" } });

  useEffect(() => {
    if (open) formRef.current?.querySelector("textarea")?.focus();
  }, [open]);
  // After the pool ends the button that had focus is gone: the result takes it.
  useEffect(() => {
    if (result?.ok) statusRef.current?.focus();
  }, [result]);

  const submit = handleSubmit((values) =>
    startTransition(async () => {
      const outcome = await closePool({ clientId, values });
      setResult(outcome);
      if (outcome.ok) {
        setOpen(false);
        router.refresh();
      }
    }),
  );

  return (
    <div>
      {active && !open && (
        <div className={styles.actions}>
          <Button variant="secondaryNoBorder" aria-expanded={false} onClick={() => { setResult(null); setOpen(true); }}>
            {t("pool.end")}
          </Button>
        </div>
      )}
      {active && open && (
        <form ref={formRef} className={styles.reasonForm} noValidate onSubmit={submit} aria-label={t("pool.end")}>
          <p className={styles.hint}>{t("pool.endExplained")}</p>
          <TextareaField control={control} name="reason" label={t("pool.endReason")} />
          <div className={styles.actions}>
            <Button type="submit" disabled={pending} aria-disabled={pending}>
              {pending ? t("actions.working") : t("pool.endConfirm")}
            </Button>
            <Button type="button" variant="secondaryNoBorder" onClick={() => setOpen(false)}>
              {t("actions.close")}
            </Button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite" ref={statusRef} tabIndex={-1}>
        {result && <InlineAlert status={result.ok ? "neutral" : "error"}>{result.message}</InlineAlert>}
      </div>
    </div>
  );
}
