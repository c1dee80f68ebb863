"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import type { BulkReferralResult } from "@/lib/action-results";
import { bulkReferralSchema, type BulkReferralInput } from "@/lib/schemas/official";
import { SelectField, TextareaField } from "@/components/forms/fields";
import styles from "./official.module.css";

/** Several selected clients to one course; each client's outcome is listed after. */
export function BulkReferForm({
  clients,
  courses,
  submit,
}: {
  clients: { id: string; label: string }[];
  courses: { value: string; label: string }[];
  submit: (values: BulkReferralInput) => Promise<BulkReferralResult>;
}) {
  const t = useTranslations("official");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<BulkReferralResult | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const { control, handleSubmit } = useForm<BulkReferralInput>({
    resolver: zodResolver(bulkReferralSchema) as Resolver<BulkReferralInput>,
    defaultValues: { clientIds: clients.map((c) => c.id), courseId: undefined as unknown as string, note: "" },
  });
  useEffect(() => {
    if (result?.ok) resultsHeading.current?.focus();
  }, [result]);

  if (result?.ok) {
    const ok = result.results.filter((r) => r.ok).length;
    return (
      <section className={styles.panel} aria-labelledby="bulk-results">
        <h2 id="bulk-results" ref={resultsHeading} tabIndex={-1}>{t("bulk.results")}</h2>
        <p role="status">{t("bulk.summary", { ok, total: result.results.length })}</p>
        <ul className={styles.list}>
          {result.results.map((r) => (
            <li key={r.clientId}>
              <Link href={`/official/clients/${r.clientId}`}>{r.name || r.clientId}</Link>: {r.ok ? "" : "⚠ "}{r.message}
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <form noValidate className="kp-stack" onSubmit={handleSubmit((values) => startTransition(async () => setResult(await submit(values))))}>
      <section className={styles.panel} aria-labelledby="bulk-selected">
        <h2 id="bulk-selected">{t("bulk.selected")}</h2>
        <ul className={styles.list}>
          {clients.map((c) => <li key={c.id}>{c.label}</li>)}
        </ul>
      </section>
      <SelectField control={control} name="courseId" label={t("bulk.course")} options={courses} fullWidth />
      <TextareaField control={control} name="note" label={t("bulk.note")} optionalText={t("refer.optional")} />
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? t("bulk.submitting") : t("bulk.submit", { count: clients.length })}
      </Button>
      <div role="status" aria-live="polite">
        {result && !result.ok && <InlineAlert status="error">{result.message}</InlineAlert>}
      </div>
    </form>
  );
}
