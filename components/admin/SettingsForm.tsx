"use client";
import { FormOutcome } from "@/components/forms/FormOutcome";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "suomifi-ui-components";
import { NumberField } from "@/components/forms/fields";
import { settingsSchema, type SettingsData, type SettingsInput } from "@/lib/schemas/admin";
import styles from "./admin.module.css";

type Result = { ok: boolean; message: string } | undefined | void;

export function SettingsForm({ defaults, submit }: { defaults: SettingsInput; submit: (values: SettingsData) => Promise<Result> }) {
  const t = useTranslations("admin");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { control, handleSubmit, formState } = useForm<SettingsInput, unknown, SettingsData>({ resolver: zodResolver(settingsSchema), defaultValues: defaults, mode: "onTouched" });
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await submit(values);
    if (result) setMessage({ ok: result.ok, text: result.message });
  });
  return (
    <form onSubmit={onSubmit} noValidate className={styles.form}>
      <FormOutcome message={message} />
      <fieldset className={styles.fieldset}>
        <legend>{t("settings.coursesLegend")}</legend>
        <NumberField control={control} name="defaultOfferResponseHours" label={t("settings.defaultOfferResponseHours")} hintText={t("settings.defaultOfferResponseHoursHint")} min={1} max={720} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("settings.privacyLegend")}</legend>
        <NumberField control={control} name="retentionMonths" label={t("settings.retentionMonths")} hintText={t("settings.retentionMonthsHint")} min={1} max={120} />
      </fieldset>
      <div>
        <Button type="submit" disabled={formState.isSubmitting} aria-disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("common.saving") : t("common.save")}
        </Button>
      </div>
    </form>
  );
}
