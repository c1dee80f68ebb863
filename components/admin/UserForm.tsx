"use client";
import { FormOutcome } from "@/components/forms/FormOutcome";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Button } from "suomifi-ui-components";
import { SelectField, TextField } from "@/components/forms/fields";
import { INVITATION_LOCALES, inviteUserSchema, ORGANISATION_TYPES_OF_ROLE, STAFF_ROLES, updateUserSchema } from "@/lib/schemas/admin";
import styles from "./admin.module.css";

export interface UserValues {
  email: string;
  name: string;
  role: (typeof STAFF_ROLES)[number];
  organisationId: string | null;
  locale: (typeof INVITATION_LOCALES)[number];
}

type Result = { ok: boolean; message: string; fieldErrors?: Partial<Record<string, string>> } | undefined | void;
type Organisation = { id: string; name: string; type: string };

/**
 * Invite a member of staff (e-mail, name, role, organisation, the invitation's language) or edit
 * one (name, role, organisation). The organisation list follows the chosen role.
 */
export function UserForm({ mode, defaults, organisations, roleLabels, submit }: { mode: "invite" | "edit"; defaults: UserValues; organisations: Organisation[]; roleLabels: Record<string, string>; submit: (values: unknown) => Promise<Result> }) {
  const t = useTranslations("admin");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const schema = mode === "invite" ? inviteUserSchema : updateUserSchema;
  const { control, handleSubmit, setError, setValue, getValues, reset, formState } = useForm<UserValues>({
    resolver: zodResolver(schema) as unknown as Resolver<UserValues>,
    defaultValues: defaults,
    mode: "onTouched",
  });
  const role = useWatch({ control, name: "role" });
  const types: readonly string[] = ORGANISATION_TYPES_OF_ROLE[role];
  const choices = organisations.filter((o) => types.includes(o.type)).map((o) => ({ value: o.id, label: o.name }));

  // An organisation chosen for another role does not travel with the new one.
  useEffect(() => {
    const current = getValues("organisationId");
    if (current && !organisations.some((o) => o.id === current && types.includes(o.type))) setValue("organisationId", null);
  }, [types, organisations, getValues, setValue]);

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await submit(mode === "invite" ? values : { name: values.name, role: values.role, organisationId: values.organisationId });
    if (!result) return;
    setMessage({ ok: result.ok, text: result.message });
    if (result.ok && mode === "invite") reset(defaults);
    for (const [field, error] of Object.entries(result.fieldErrors ?? {})) {
      if (error) setError(field as keyof UserValues, { message: error }, { shouldFocus: true });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className={styles.form}>
      <FormOutcome message={message} />
      <fieldset className={styles.fieldset}>
        <legend>{mode === "invite" ? t("userForm.account") : t("userForm.roleAndOrganisation")}</legend>
        {mode === "invite" && <TextField control={control} name="email" label={t("userForm.email")} type="email" autoComplete="off" fullWidth />}
        <TextField control={control} name="name" label={t("userForm.name")} autoComplete="off" fullWidth />
        <SelectField
            control={control}
            name="role"
            label={t("userForm.role")}
            options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabels[r] ?? r }))}
          />
          {types.length > 0 && (
            <SelectField
              key={role}
              control={control}
              name="organisationId"
              label={t("userForm.organisation")}
              hintText={t("userForm.organisationHint")}
              emptyLabel={t("userForm.chooseOrganisation")}
              options={choices}
            />
          )}
        {mode === "invite" && (
          <SelectField control={control} name="locale" label={t("userForm.locale")} options={INVITATION_LOCALES.map((l) => ({ value: l, label: t(`locales.${l}`) }))} />
        )}
      </fieldset>
      <div>
        <Button type="submit" disabled={formState.isSubmitting} aria-disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("common.saving") : mode === "invite" ? t("userForm.send") : t("userForm.save")}
        </Button>
      </div>
    </form>
  );
}
