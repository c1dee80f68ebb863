"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import { CheckboxField, SelectField, TextareaField, TextField } from "@/components/forms/fields";
import type { ActionResult } from "@/lib/action-results";
import { ClientLanguage } from "@/lib/enums";
import { handoverSchema, type HandoverData, type HandoverInput } from "@/lib/schemas/handover";
import styles from "./handover.module.css";

export type HandOver = (values: HandoverData) => Promise<ActionResult>;

/**
 * The visitor agrees to be handed over to an office for an assessment: which office, and only the
 * details they agree to share. Consent is a checkbox the adviser ticks after asking.
 */
export function HandoverForm({ visitId, offices, handOver }: { visitId: string; offices: { id: string; name: string }[]; handOver: HandOver }) {
  const t = useTranslations("handover");
  const labels = useTranslations("labels");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { control, handleSubmit, setError } = useForm<HandoverInput, unknown, HandoverData>({
    resolver: zodResolver(handoverSchema) as unknown as Resolver<HandoverInput, unknown, HandoverData>,
    defaultValues: { visitId, officeId: "", consent: false as unknown as true, firstName: "", lastName: "", phone: "", email: "", preferredLanguage: null, note: "" },
    mode: "onTouched",
  });
  const optional = t("form.optional");

  const submit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const outcome = await handOver(values);
      if (outcome.ok) {
        router.push("/advice/handovers?done=1");
        return;
      }
      setFailure(outcome.message);
      for (const [field, message] of Object.entries(outcome.fieldErrors ?? {})) if (message) setError(field as keyof HandoverInput, { message }, { shouldFocus: true });
    }),
  );

  return (
    <form onSubmit={submit} noValidate className={styles.form} aria-busy={pending}>
      <div role="alert" aria-live="assertive">{failure && <InlineAlert status="error">{failure}</InlineAlert>}</div>
      <SelectField control={control} name="officeId" label={t("form.office")} hintText={t("form.officeHint")} options={offices.map((o) => ({ value: o.id, label: o.name }))} fullWidth />
      <fieldset className={styles.fieldset}>
        <legend>{t("form.contactLegend")}</legend>
        <p className={styles.hint}>{t("form.contactHint")}</p>
        <div className={styles.row}>
          <TextField control={control} name="firstName" label={t("form.firstName")} optionalText={optional} autoComplete="off" />
          <TextField control={control} name="lastName" label={t("form.lastName")} optionalText={optional} autoComplete="off" />
        </div>
        <div className={styles.row}>
          <TextField control={control} name="phone" label={t("form.phone")} type="tel" autoComplete="off" />
          <TextField control={control} name="email" label={t("form.email")} type="email" optionalText={optional} autoComplete="off" />
        </div>
        <SelectField control={control} name="preferredLanguage" label={t("form.language")} emptyLabel={t("form.languageUnknown")} options={Object.values(ClientLanguage).map((l) => ({ value: l, label: labels(`clientLanguage.${l}`) }))} />
        <TextareaField control={control} name="note" label={t("form.note")} hintText={t("form.noteHint")} optionalText={optional} />
      </fieldset>
      <CheckboxField control={control} name="consent" label={t("form.consent")} />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>{pending ? t("form.saving") : t("form.submit")}</Button>
      </div>
    </form>
  );
}
