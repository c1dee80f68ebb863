"use client";
import { useTranslations } from "next-intl";
import { useId, type ComponentProps } from "react";
import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { Checkbox, CheckboxGroup, Dropdown, DropdownItem, RadioButton, RadioButtonGroup, Textarea, TextInput } from "suomifi-ui-components";

// Suomi.fi inputs bound to react-hook-form. Suomi.fi inputs pass a value, not an event, to onChange,
// so each needs a Controller; errors are translation keys from the shared zod schema. Every form in
// the app uses these (sign-in, the official's and the provider's workspaces).

interface Base<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hintText?: string;
  optionalText?: string;
  fullWidth?: boolean;
}

/** An id that is a valid CSS identifier (axe and label[for] need one; Suomi.fi's own counter ids start with a digit). */
function useFieldId(name: string): string {
  return `kp-${name.replace(/\W/g, "")}-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

/** The schema's error (a translation key) as the field's status. */
function useStatus() {
  const t = useTranslations();
  return (error: { message?: string } | undefined) => ({
    status: error ? ("error" as const) : ("default" as const),
    statusText: error?.message ? t(error.message) : undefined,
  });
}

type InputProps = Pick<ComponentProps<"input">, "autoComplete" | "inputMode"> & {
  type?: "text" | "email" | "password" | "tel" | "url" | "number";
  min?: number;
  max?: number;
};

/** A Suomi.fi text input whose text reaches the form as `parse(text)`. */
function InputField<T extends FieldValues, V>({ control, name, label, parse, onValue, ...input }: Base<T> & InputProps & { parse: (text: string) => V; onValue?: (value: V) => void }) {
  const status = useStatus();
  const id = useFieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <TextInput
          {...input}
          id={id}
          labelText={label}
          value={field.value ?? ""}
          onChange={(v) => {
            const value = parse(String(v ?? ""));
            field.onChange(value);
            onValue?.(value);
          }}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          {...status(fieldState.error)}
        />
      )}
    />
  );
}

const asText = (text: string) => text;
const asWholeNumber = (text: string) => (text === "" ? undefined : Number(text));
const asDate = (text: string) => text.trim() || null;

/** A text input; the value is always a string. */
export function TextField<T extends FieldValues>(props: Base<T> & Omit<InputProps, "min" | "max">) {
  return <InputField {...props} parse={asText} />;
}

/** A whole-number input whose value reaches the schema as a number (empty → undefined). */
export function NumberField<T extends FieldValues>(props: Base<T> & Pick<InputProps, "min" | "max"> & { onValue?: (value: number | undefined) => void }) {
  return <InputField {...props} type="number" inputMode="numeric" parse={asWholeNumber} />;
}

/** An ISO date (YYYY-MM-DD) typed as text; empty is null so optional dates stay optional. */
export function DateField<T extends FieldValues>(props: Base<T> & { onValue?: (value: string | null) => void }) {
  return <InputField {...props} inputMode="numeric" autoComplete="off" parse={asDate} />;
}

/** A choice from a fixed list; `emptyLabel` adds a "not known" choice that stores null. */
export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  options,
  emptyLabel,
  ...input
}: Base<T> & { options: { value: string; label: string }[]; emptyLabel?: string }) {
  const status = useStatus();
  const id = useFieldId(name);
  const EMPTY = "__none__";
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Dropdown
          {...input}
          id={id}
          labelText={label}
          name={field.name}
          value={field.value ?? (emptyLabel ? EMPTY : null)}
          visualPlaceholder={emptyLabel ?? "–"}
          onChange={(v: string) => field.onChange(v === EMPTY ? null : v)}
          onBlur={field.onBlur}
          forwardedRef={field.ref}
          {...status(fieldState.error)}
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

export function CheckboxField<T extends FieldValues>({ control, name, label, hintText }: Omit<Base<T>, "optionalText" | "fullWidth">) {
  const status = useStatus();
  const id = useFieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Checkbox id={id} checked={Boolean(field.value)} onClick={({ checkboxState }) => field.onChange(checkboxState)} name={field.name} hintText={hintText} ref={field.ref} {...status(fieldState.error)}>
          {label}
        </Checkbox>
      )}
    />
  );
}

/** A multi-line text; always the full width of its column. */
export function TextareaField<T extends FieldValues>({ control, name, label, ...input }: Omit<Base<T>, "fullWidth">) {
  const status = useStatus();
  const id = useFieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Textarea
          {...input}
          id={id}
          labelText={label}
          name={field.name}
          value={field.value ?? ""}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
          ref={field.ref}
          {...status(fieldState.error)}
          resize="vertical"
          fullWidth
        />
      )}
    />
  );
}

/** One choice from a short list, as radio buttons; `anyLabel` adds a first choice that stores null. */
export function RadioGroupField<T extends FieldValues>({
  control,
  name,
  label,
  options,
  anyLabel,
  hintText,
}: Omit<Base<T>, "optionalText" | "fullWidth"> & { options: { value: string; label: string }[]; anyLabel?: string }) {
  const status = useStatus();
  const id = useFieldId(name);
  const ANY = "__any__";
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => {
        const { status: groupStatus, statusText } = status(fieldState.error);
        return (
          <RadioButtonGroup
            id={id}
            labelText={label}
            groupHintText={hintText}
            name={field.name}
            value={field.value ?? (anyLabel ? ANY : undefined)}
            onChange={(v) => field.onChange(v === ANY ? null : v)}
            groupStatus={groupStatus}
            groupStatusText={statusText}
          >
            {[...(anyLabel ? [{ value: ANY, label: anyLabel }] : []), ...options].map((o) => (
              <RadioButton key={o.value} value={o.value} id={`${id}-${o.value.replace(/\W/g, "")}`}>
                {o.label}
              </RadioButton>
            ))}
          </RadioButtonGroup>
        );
      }}
    />
  );
}

/** Several choices from a list, as checkboxes; the value is the array of the ticked values. */
export function CheckboxGroupField<T extends FieldValues>({
  control,
  name,
  label,
  options,
  hintText,
  optionalText,
}: Omit<Base<T>, "fullWidth"> & { options: { value: string; label: string }[] }) {
  const id = useFieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field }) => {
        const chosen: string[] = Array.isArray(field.value) ? field.value : [];
        return (
          <CheckboxGroup id={id} labelText={label} groupHintText={hintText} optionalText={optionalText}>
            {options.map((o, i) => (
              <Checkbox
                key={o.value}
                id={`${id}-${i}`}
                checked={chosen.includes(o.value)}
                onClick={({ checkboxState }) => field.onChange(checkboxState ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
              >
                {o.label}
              </Checkbox>
            ))}
          </CheckboxGroup>
        );
      }}
    />
  );
}
