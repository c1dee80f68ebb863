"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Button } from "suomifi-ui-components";
import { FormOutcome } from "@/components/forms/FormOutcome";
import { RadioGroupField, TextField } from "@/components/forms/fields";
import { newVisitListEntrySchema, VISIT_LIST_KINDS, visitListLabelsSchema, type NewVisitListEntryInput } from "@/lib/schemas/admin";
import styles from "./admin.module.css";

type Result = { ok: boolean; message: string; fieldErrors?: Partial<Record<string, string>> } | undefined | void;

/**
 * Adds an entry to a managed list (which list, and its names in fi, sv and en) or renames one
 * (the names only: an entry stays in its list, since visits hold it there).
 */
export function ListEntryForm({ mode, defaults, submit }: { mode: "create" | "edit"; defaults: NewVisitListEntryInput; submit: (values: unknown) => Promise<Result> }) {
  const t = useTranslations("admin");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const schema = mode === "create" ? newVisitListEntrySchema : visitListLabelsSchema;
  const { control, handleSubmit, setError, formState } = useForm<NewVisitListEntryInput>({
    resolver: zodResolver(schema) as unknown as Resolver<NewVisitListEntryInput>,
    defaultValues: defaults,
    mode: "onTouched",
  });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const { kind, ...labels } = values;
    const result = await submit(mode === "create" ? { kind, ...labels } : labels);
    if (!result) return;
    setMessage({ ok: result.ok, text: result.message });
    for (const [field, error] of Object.entries(result.fieldErrors ?? {})) {
      if (error) setError(field as keyof NewVisitListEntryInput, { message: error }, { shouldFocus: true });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className={styles.form}>
      <FormOutcome message={message} />
      {mode === "create" && (
        <fieldset className={styles.fieldset}>
          <legend>{t("listForm.kind")}</legend>
          <RadioGroupField control={control} name="kind" label={t("listForm.kindLabel")} options={VISIT_LIST_KINDS.map((k) => ({ value: k, label: t(`lists.kinds.${k}.heading`) }))} />
        </fieldset>
      )}
      <fieldset className={styles.fieldset}>
        <legend>{t("listForm.names")}</legend>
        <p>{mode === "create" ? t("listForm.namesHint") : t("listForm.renameHint")}</p>
        <TextField control={control} name="labelFi" label={t("listForm.labelFi")} autoComplete="off" fullWidth />
        <TextField control={control} name="labelSv" label={t("listForm.labelSv")} autoComplete="off" fullWidth />
        <TextField control={control} name="labelEn" label={t("listForm.labelEn")} autoComplete="off" fullWidth />
      </fieldset>
      <div>
        <Button type="submit" disabled={formState.isSubmitting} aria-disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("common.saving") : mode === "create" ? t("listForm.create") : t("listForm.save")}
        </Button>
      </div>
    </form>
  );
}
