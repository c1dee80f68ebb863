"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import { TextareaField } from "@/components/forms/fields";
import type { ActionResult } from "@/lib/action-results";
import { closeLeadSchema, type CloseLeadInput } from "@/lib/schemas/handover";
import styles from "./official.module.css";

export type CloseLead = (values: CloseLeadInput) => Promise<ActionResult>;

/** "Close without registering": a reason, and the adviser sees the lead was closed. */
export function CloseLeadForm({ leadId, name, closeLead }: { leadId: string; name: string; closeLead: CloseLead }) {
  const t = useTranslations("handover");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const { control, handleSubmit } = useForm<CloseLeadInput>({ resolver: zodResolver(closeLeadSchema) as Resolver<CloseLeadInput>, defaultValues: { leadId, reason: "" } });

  useEffect(() => {
    if (open) formRef.current?.querySelector("textarea")?.focus();
  }, [open]);

  const submit = handleSubmit((values) =>
    startTransition(async () => {
      const outcome = await closeLead(values);
      setResult(outcome);
      if (outcome.ok) {
        setOpen(false);
        router.refresh();
      }
    }),
  );

  return (
    <div>
      {!open && (
        <Button variant="secondaryNoBorder" aria-expanded={false} aria-label={t("lead.closeOf", { name })} onClick={() => { setResult(null); setOpen(true); }}>
          {t("lead.close")}
        </Button>
      )}
      {open && (
        <form ref={formRef} className={styles.reasonForm} noValidate onSubmit={submit} aria-label={t("lead.closeOf", { name })}>
          <TextareaField control={control} name="reason" label={t("lead.closeReason")} />
          <div className={styles.actions}>
            <Button type="submit" disabled={pending} aria-disabled={pending}>{pending ? t("lead.working") : t("lead.closeConfirm")}</Button>
            <Button type="button" variant="secondaryNoBorder" onClick={() => setOpen(false)}>{t("lead.cancel")}</Button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite">{result && <InlineAlert status={result.ok ? "neutral" : "error"}>{result.message}</InlineAlert>}</div>
    </div>
  );
}
