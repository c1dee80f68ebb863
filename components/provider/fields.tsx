"use client";
import { useTranslations } from "next-intl";
import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { Checkbox, Dropdown, DropdownItem, Textarea, TextInput } from "suomifi-ui-components";

// Suomi.fi fields bound to react-hook-form through a Controller (their onChange passes values).
// Errors are translation keys from the shared zod schemas.

interface Common<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hintText?: string;
  optionalText?: string;
}

/** A whole-number input whose value reaches the schema as a number (empty → undefined). */
export function NumberField<T extends FieldValues>({ control, name, label, hintText, optionalText, min, max, onValue }: Common<T> & { min?: number; max?: number; onValue?: (value: number | undefined) => void }) {
  const t = useTranslations();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <TextInput
          type="number"
          inputMode="numeric"
          labelText={label}
          hintText={hintText}
          optionalText={optionalText}
          min={min}
          max={max}
          value={field.value ?? ""}
          onChange={(v) => {
            const text = String(v ?? "");
            const value = text === "" ? undefined : Number(text);
            field.onChange(value);
            onValue?.(value);
          }}
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

export function SelectField<T extends FieldValues>({ control, name, label, options, hintText, optionalText, emptyLabel }: Common<T> & { options: { value: string; label: string }[]; emptyLabel?: string }) {
  const t = useTranslations();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Dropdown
          labelText={label}
          hintText={hintText}
          optionalText={optionalText}
          name={field.name}
          value={field.value ?? (emptyLabel ? "" : null)}
          onChange={(v) => field.onChange(v === "" ? null : v)}
          onBlur={field.onBlur}
          ref={field.ref}
          status={fieldState.error ? "error" : "default"}
          statusText={fieldState.error?.message ? t(fieldState.error.message) : undefined}
        >
          {[...(emptyLabel ? [{ value: "", label: emptyLabel }] : []), ...options].map((o) => (
            <DropdownItem key={o.value} value={o.value}>
              {o.label}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
    />
  );
}

export function CheckboxField<T extends FieldValues>({ control, name, label, hintText }: Common<T>) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field }) => (
        <Checkbox checked={Boolean(field.value)} hintText={hintText} name={field.name} onClick={({ checkboxState }) => field.onChange(checkboxState)} ref={field.ref}>
          {label}
        </Checkbox>
      )}
    />
  );
}

export function TextareaField<T extends FieldValues>({ control, name, label, hintText, optionalText }: Common<T>) {
  const t = useTranslations();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Textarea
          labelText={label}
          hintText={hintText}
          optionalText={optionalText}
          name={field.name}
          value={field.value ?? ""}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
          ref={field.ref}
          fullWidth
          status={fieldState.error ? "error" : "default"}
          statusText={fieldState.error?.message ? t(fieldState.error.message) : undefined}
        />
      )}
    />
  );
}

/** An ISO date (YYYY-MM-DD) typed as text; empty is null so optional dates stay optional. */
export function DateField<T extends FieldValues>({ control, name, label, hintText, optionalText }: Common<T>) {
  const t = useTranslations();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <TextInput
          labelText={label}
          hintText={hintText}
          optionalText={optionalText}
          inputMode="numeric"
          autoComplete="off"
          value={field.value ?? ""}
          onChange={(v) => field.onChange(String(v ?? "") === "" ? null : String(v))}
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
