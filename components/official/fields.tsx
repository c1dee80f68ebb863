"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { Checkbox, Dropdown, DropdownItem, Textarea } from "suomifi-ui-components";

// Suomi.fi inputs bound to react-hook-form (they pass values, not events, so each needs a
// Controller). Errors are translation keys from the shared zod schema.

interface Base<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hintText?: string;
  optionalText?: string;
}

/** An id that is a valid CSS identifier (axe and label[for] need one; Suomi.fi's own counter ids start with a digit). */
function useFieldId(name: string): string {
  return `kp-${name.replace(/\W/g, "")}-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

/** A choice from a fixed list; `emptyLabel` adds a "not known" choice that stores null. */
export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  options,
  emptyLabel,
  hintText,
  optionalText,
}: Base<T> & { options: { value: string; label: string }[]; emptyLabel?: string }) {
  const t = useTranslations();
  const id = useFieldId(name);
  const EMPTY = "__none__";
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Dropdown
          id={id}
          labelText={label}
          hintText={hintText}
          optionalText={optionalText}
          name={field.name}
          value={field.value ?? (emptyLabel ? EMPTY : null)}
          visualPlaceholder={emptyLabel ?? "–"}
          onChange={(v: string) => field.onChange(v === EMPTY ? null : v)}
          onBlur={field.onBlur}
          forwardedRef={field.ref}
          status={fieldState.error ? "error" : "default"}
          statusText={fieldState.error?.message ? t(fieldState.error.message) : undefined}
          fullWidth
        >
          {[...(emptyLabel ? [{ value: EMPTY, label: emptyLabel }] : []), ...options].map((o) => (
            <DropdownItem key={o.value} value={o.value}>
              {o.label}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
    />
  );
}

export function CheckboxField<T extends FieldValues>({ control, name, label, hintText }: Base<T>) {
  const id = useFieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field }) => (
        <Checkbox id={id} checked={Boolean(field.value)} onClick={({ checkboxState }) => field.onChange(checkboxState)} name={field.name} hintText={hintText} ref={field.ref}>
          {label}
        </Checkbox>
      )}
    />
  );
}

export function TextareaField<T extends FieldValues>({ control, name, label, hintText, optionalText }: Base<T>) {
  const t = useTranslations();
  const id = useFieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Textarea
          id={id}
          labelText={label}
          hintText={hintText}
          optionalText={optionalText}
          name={field.name}
          value={field.value ?? ""}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
          ref={field.ref}
          status={fieldState.error ? "error" : "default"}
          statusText={fieldState.error?.message ? t(fieldState.error.message) : undefined}
          resize="vertical"
          fullWidth
        />
      )}
    />
  );
}
