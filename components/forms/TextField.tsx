"use client";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { TextInput } from "suomifi-ui-components";

type InputProps = Pick<ComponentProps<"input">, "autoComplete" | "inputMode"> & {
  type?: "text" | "email" | "password" | "tel" | "url" | "number";
  fullWidth?: boolean;
  hintText?: string;
  optionalText?: string;
};

/**
 * A Suomi.fi text input bound to react-hook-form. Suomi.fi inputs pass a value, not an event, to
 * onChange, so they need a Controller; errors are translation keys from the shared zod schema.
 */
export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  ...input
}: { control: Control<T>; name: FieldPath<T>; label: string } & InputProps) {
  const t = useTranslations();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <TextInput
          {...input}
          labelText={label}
          value={field.value ?? ""}
          onChange={(v) => field.onChange(String(v ?? ""))}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          status={fieldState.error ? "error" : "default"}
          statusText={fieldState.error?.message ? t(fieldState.error.message) : undefined}
        />
      )}
    />
  );
}
