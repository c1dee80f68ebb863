"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, type ComponentProps, type ReactNode, type RefObject } from "react";
import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { Checkbox, CheckboxGroup, Dropdown, DropdownItem, MultiSelect, RadioButton, RadioButtonGroup, Textarea, TextInput } from "suomifi-ui-components";

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

/** What a MultiSelectField says to screen readers and on its buttons, in the reader's language. */
export interface MultiSelectTexts {
  noItems: string;
  removeAll: string;
  chipAction: string;
  selected: (count: number) => string;
  available: (count: number) => string;
  removed: (label: string) => string;
}

/** The first message of an error, also when it sits on an item of an array field ("languages.0"). */
function firstMessage(error: unknown): { message?: string } | undefined {
  if (!error || typeof error !== "object") return undefined;
  if ("message" in error && typeof error.message === "string") return error as { message: string };
  for (const child of Object.values(error)) {
    const found = firstMessage(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Several choices from a long list, as Suomi.fi's filterable multi-select: type to filter, arrows
 * and Enter to choose, the choices as removable chips. The value is the array of chosen values.
 * `inputRef` reaches its text input (to focus it).
 */
export function MultiSelectField<T extends FieldValues>({
  control,
  name,
  label,
  hintText,
  optionalText,
  options,
  texts,
  inputRef,
}: Omit<Base<T>, "fullWidth"> & { options: { value: string; label: string }[]; texts: MultiSelectTexts; inputRef?: RefObject<HTMLInputElement | null> }) {
  const status = useStatus();
  const id = useFieldId(name);
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = (inputRef ?? ownRef) as RefObject<HTMLInputElement>;
  const items = useMemo(() => options.map((o) => ({ uniqueItemId: o.value, labelText: o.label })), [options]);
  const byValue = useMemo(() => new Map(items.map((i) => [i.uniqueItemId, i])), [items]);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => {
        const chosen: string[] = Array.isArray(field.value) ? field.value : [];
        return (
          <FocusTarget register={field.ref} target={ref}>
            <ComboboxAria>
            <MultiSelect
              id={id}
              labelText={label}
              hintText={hintText}
              optionalText={optionalText}
              items={items}
              selectedItems={chosen.flatMap((v) => byValue.get(v) ?? [])}
              onItemSelectionsChange={(selected) => field.onChange(selected.map((i) => i.uniqueItemId))}
              onBlur={field.onBlur}
              forwardedRef={ref}
              chipListVisible
              ariaChipActionLabel={texts.chipAction}
              removeAllButtonLabel={texts.removeAll}
              noItemsText={texts.noItems}
              ariaSelectedAmountTextFunction={texts.selected}
              ariaOptionsAvailableTextFunction={texts.available}
              ariaOptionChipRemovedTextFunction={texts.removed}
              {...status(firstMessage(fieldState.error))}
              fullWidth
            />
            </ComboboxAria>
          </FocusTarget>
        );
      }}
    />
  );
}

/** Hands react-hook-form an element to focus on an error, for a component that keeps its input ref to itself. */
function FocusTarget({ register, target, children }: { register: (element: { focus: () => void } | null) => void; target: RefObject<HTMLInputElement | null>; children: ReactNode }) {
  useEffect(() => {
    register({ focus: () => target.current?.focus() });
  }, [register, target]);
  return <>{children}</>;
}

/**
 * Suomi.fi's MultiSelect (v18) names its listbox with aria-owns on the combobox element and with
 * aria-controls on the text input inside it. ARIA 1.2 wants aria-controls on the combobox (axe:
 * aria-required-attr while it is open), and the input's reference points at nothing while the
 * list is closed (axe: aria-valid-attr-value). This moves the reference to the combobox, where
 * aria-expanded="false" allows the list to be absent, whenever the component renders it.
 */
function ComboboxAria({ children }: { children: ReactNode }) {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const patch = () => {
      const combobox = root.querySelector<HTMLElement>('[role="combobox"]');
      const list = combobox?.getAttribute("aria-owns");
      if (!combobox || !list) return;
      if (combobox.getAttribute("aria-controls") !== list) combobox.setAttribute("aria-controls", list);
      for (const input of combobox.querySelectorAll("input[aria-controls]")) input.removeAttribute("aria-controls");
    };
    patch();
    const observer = new MutationObserver(patch);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-controls", "aria-owns"] });
    return () => observer.disconnect();
  }, []);
  return <div ref={wrapper}>{children}</div>;
}
