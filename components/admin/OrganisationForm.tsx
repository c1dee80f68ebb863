"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import { SelectField, TextField } from "@/components/forms/fields";
import { AdvicePointOperator } from "@/lib/enums";
import { ORGANISATION_TYPES, organisationSchema, type OrganisationData } from "@/lib/schemas/admin";
import styles from "./admin.module.css";

export interface OrganisationValues {
  type: (typeof ORGANISATION_TYPES)[number];
  name: string;
  businessId: string;
  municipality: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  operator: AdvicePointOperator | "" | null;
}

type Submit = (values: OrganisationData) => Promise<{ ok: boolean; message: string; fieldErrors?: Partial<Record<string, string>> } | undefined | void>;

export const emptyOrganisation: OrganisationValues = { type: "TRAINING_PROVIDER", name: "", businessId: "", municipality: "", email: "", phone: "", address: "", operator: "" };

/** Create or edit an authority, a training provider or an advice point. */
export function OrganisationForm({ defaults, mode, submit }: { defaults: OrganisationValues; mode: "create" | "edit"; submit: Submit }) {
  const t = useTranslations("admin");
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<OrganisationValues, unknown, OrganisationData>({
    resolver: zodResolver(organisationSchema) as unknown as Resolver<OrganisationValues, unknown, OrganisationData>,
    defaultValues: defaults,
    mode: "onTouched",
  });
  const optional = t("common.optional");
  const type = useWatch({ control, name: "type" });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await submit(values);
    if (result && !result.ok) {
      setFailure(result.message);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        if (message) setError(field as keyof OrganisationValues, { message }, { shouldFocus: true });
      }
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className={styles.form}>
      <div>
        <div role="alert" aria-live="assertive">
          {failure && <InlineAlert status="error">{failure}</InlineAlert>}
        </div>
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t("organisationForm.basics")}</legend>
        <SelectField control={control} name="type" label={t("organisationForm.type")} options={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`organisationType.${v}`) }))} />
        <TextField control={control} name="name" label={t("organisationForm.name")} fullWidth />
        <TextField control={control} name="businessId" label={t("organisationForm.businessId")} hintText={t("organisationForm.businessIdHint")} autoComplete="off" />
        <TextField control={control} name="municipality" label={t("organisationForm.municipality")} />
        {type === "ADVICE_POINT" && (
          <SelectField
            control={control}
            name="operator"
            label={t("organisationForm.operator")}
            hintText={t("organisationForm.operatorHint")}
            options={Object.values(AdvicePointOperator).map((v) => ({ value: v, label: t(`advicePointOperator.${v}`) }))}
          />
        )}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("organisationForm.contact")}</legend>
        <p>{t("organisationForm.contactHint")}</p>
        <div className={styles.row}>
          <TextField control={control} name="email" label={t("organisationForm.email")} type="email" optionalText={optional} />
          <TextField control={control} name="phone" label={t("organisationForm.phone")} type="tel" optionalText={optional} />
        </div>
        <TextField control={control} name="address" label={t("organisationForm.address")} optionalText={optional} fullWidth />
      </fieldset>
      <div>
        <Button type="submit" disabled={formState.isSubmitting} aria-disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("common.saving") : mode === "create" ? t("organisationForm.create") : t("organisationForm.save")}
        </Button>
      </div>
    </form>
  );
}
