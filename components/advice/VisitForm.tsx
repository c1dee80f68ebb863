"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { Button, Expander, ExpanderContent, ExpanderTitleButton, RadioButton, RadioButtonGroup, TextInput, TimeInput } from "suomifi-ui-components";
import { FormOutcome } from "@/components/forms/FormOutcome";
import { MultiSelectField, NumberField, RadioGroupField, SelectField, TextareaField, TextField, type MultiSelectTexts } from "@/components/forms/fields";
import type { SaveVisitResult } from "@/lib/action-results";
import { AgeBand, InterpreterKind, TimeInFinlandBand, VisitChannel, VisitOutcome, VisitorGender } from "@/lib/enums";
import { occurredAtFromParts, visitSchema, type VisitInput } from "@/lib/schemas/advice";
import styles from "./advice.module.css";

export interface Choice {
  value: string;
  label: string;
}

export interface VisitFormChoices {
  topics: Choice[];
  destinations: Choice[];
  /** Every ISO 639-1 language, named in the reader's language (named on the server, so the page hydrates as rendered). */
  languages: Choice[];
}

/** A visit being corrected: its values, and its time on a Finnish clock. */
export interface VisitFormInitial {
  values: VisitInput;
  day: string;
  time: string;
}

const EMPTY_PROFILE = { ageBand: null, gender: null, origin: "", timeInFinland: null, firstVisit: null };

function blank(defaults: { channel: string; languages: string[] }): VisitInput {
  return {
    occurredAt: undefined,
    channel: defaults.channel as VisitInput["channel"],
    languages: [...defaults.languages],
    interpreter: "NONE",
    topicIds: [],
    outcome: "ANSWERED",
    referredToIds: [],
    durationMinutes: null,
    profile: { ...EMPTY_PROFILE },
    note: "",
  };
}

/** "topicIds.1" → "topicIds": an error on an item of a list is shown on the list. */
const fieldOf = (path: string) => path.replace(/\.\d+$/, "") as keyof VisitInput;

/**
 * The adviser's visit form, built for a queue at the desk: the topics come first and have the
 * focus, the outcome is "advice given" and the channel and languages are the adviser's usual
 * ones, so a walk-in is logged with a topic or two and Enter. After saving, the form is ready for
 * the next visitor with the focus back on the topics. `children` are further sections before the
 * buttons (e.g. a hand-over to an authority). With `visitId` it corrects that visit instead.
 */
export function VisitForm({
  choices,
  defaults,
  initial,
  visitId,
  save,
  children,
}: {
  choices: VisitFormChoices;
  defaults: { channel: string; languages: string[] };
  initial?: VisitFormInitial;
  visitId?: string;
  save: (values: VisitInput) => Promise<SaveVisitResult>;
  children?: ReactNode;
}) {
  const t = useTranslations("advice");
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [day, setDay] = useState(initial?.day ?? "");
  const [time, setTime] = useState(initial?.time ?? "");
  const topicsInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const correcting = Boolean(visitId);

  // The schema checks the form; what is sent is the raw input (the server action parses it again),
  // so the form is typed by its input alone.
  const { control, handleSubmit, reset, setValue, setError, getValues, formState } = useForm<VisitInput>({
    resolver: zodResolver(visitSchema) as unknown as Resolver<VisitInput>,
    defaultValues: initial?.values ?? blank(defaults),
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  useEffect(() => {
    topicsInput.current?.focus();
  }, []);

  // The day and time fields are the form's own; the schema sees them as one occurredAt.
  const setWhen = (nextDay: string, nextTime: string) => {
    setDay(nextDay);
    setTime(nextTime);
    setValue("occurredAt", occurredAtFromParts(nextDay, nextTime), { shouldValidate: formState.isSubmitted });
  };

  const outcome = useWatch({ control, name: "outcome" });
  const referred = outcome === "REFERRED";
  useEffect(() => {
    if (!referred && getValues("referredToIds")?.length) setValue("referredToIds", []);
  }, [referred, getValues, setValue]);

  const texts: MultiSelectTexts = useMemo(
    () => ({
      noItems: t("form.choices.noItems"),
      removeAll: t("form.choices.removeAll"),
      chipAction: t("form.choices.chipAction"),
      selected: (count) => t("form.choices.selected", { count }),
      available: (count) => t("form.choices.available", { count }),
      removed: (label) => t("form.choices.removed", { label }),
    }),
    [t],
  );
  const option = (group: string) => (value: string) => ({ value, label: t(`labels.${group}.${value}`) });

  const saved = async () => {
    setMessage(null);
    // The raw values: the server action parses them with the same schema.
    const result = await save(getValues());
    if (!result.ok) {
      for (const [path, key] of Object.entries(result.fieldErrors ?? {})) if (key) setError(fieldOf(path), { message: key }, { shouldFocus: true });
      setMessage({ ok: false, text: result.message });
      return;
    }
    if (correcting) {
      router.push("/advice?corrected=1");
      return;
    }
    reset(blank(result.defaults));
    setDay("");
    setTime("");
    setMessage({ ok: true, text: result.message });
    topicsInput.current?.focus();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    handleSubmit(
      () => startTransition(saved),
      () => setMessage({ ok: false, text: t("form.fixErrors") }),
    )(event);

  // Enter saves from the topics or languages when no option is highlighted and nothing is being
  // typed there (Suomi.fi's multi-select keeps Enter for choosing), and from a radio button;
  // Ctrl+Enter (⌘+Enter) saves from any field, the note too.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    const combobox = target instanceof HTMLInputElement && target.closest('[role="combobox"]') !== null;
    const radio = target instanceof HTMLInputElement && target.type === "radio";
    const idle = combobox && !(target as HTMLInputElement).value && !target.getAttribute("aria-activedescendant");
    if (event.ctrlKey || event.metaKey || idle || radio) {
      event.preventDefault();
      event.stopPropagation();
      form.current?.requestSubmit();
    }
  };

  const busy = pending || formState.isSubmitting;
  const optional = t("form.optional");

  return (
    <form ref={form} onSubmit={onSubmit} onKeyDownCapture={onKeyDownCapture} noValidate className={styles.form} aria-busy={busy}>
      <FormOutcome message={message} />

      <div className={styles.columns}>
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t("form.about")}</legend>
          <MultiSelectField control={control} name="topicIds" label={t("form.topics")} hintText={t("form.topicsHint")} options={choices.topics} texts={texts} inputRef={topicsInput} />
          <RadioGroupField control={control} name="outcome" label={t("form.outcome")} options={Object.values(VisitOutcome).map(option("outcome"))} />
          {referred && (
            <MultiSelectField control={control} name="referredToIds" label={t("form.destinations")} hintText={t("form.destinationsHint")} options={choices.destinations} texts={texts} />
          )}
        </fieldset>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t("form.served")}</legend>
          <RadioGroupField control={control} name="channel" label={t("form.channel")} options={Object.values(VisitChannel).map(option("channel"))} />
          <MultiSelectField control={control} name="languages" label={t("form.languages")} hintText={t("form.languagesHint")} options={choices.languages} texts={texts} />
          <SelectField control={control} name="interpreter" label={t("form.interpreter")} options={Object.values(InterpreterKind).map(option("interpreter"))} fullWidth />
        </fieldset>
      </div>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("form.when")}</legend>
        <Controller
          name="occurredAt"
          control={control}
          render={({ fieldState }) => (
            <div className={styles.row}>
              <TextInput
                id="kp-visit-day"
                labelText={t("form.date")}
                optionalText={optional}
                hintText={t("form.dateHint")}
                inputMode="numeric"
                autoComplete="off"
                value={day}
                onChange={(v) => setWhen(String(v ?? ""), time)}
                status={fieldState.error ? "error" : "default"}
                statusText={fieldState.error?.message ? tAll(fieldState.error.message) : undefined}
              />
              <TimeInput id="kp-visit-time" labelText={t("form.time")} optionalText={optional} hintText={t("form.timeHint")} value={time} onChange={(v) => setWhen(day, v)} status={fieldState.error ? "error" : "default"} />
            </div>
          )}
        />
        <div className={styles.narrow}>
          <NumberField control={control} name="durationMinutes" label={t("form.duration")} optionalText={optional} min={0} max={1440} />
        </div>
        <TextareaField control={control} name="note" label={t("form.note")} hintText={t("form.noteHint")} optionalText={optional} />
      </fieldset>

      <Expander className={styles.expander}>
        <ExpanderTitleButton>{t("form.profile")}</ExpanderTitleButton>
        <ExpanderContent>
          <p className={styles.hint}>{t("form.profileHint")}</p>
          <div className={styles.grid}>
            <SelectField control={control} name="profile.ageBand" label={t("form.ageBand")} emptyLabel={t("form.notAsked")} options={Object.values(AgeBand).map(option("ageBand"))} fullWidth />
            <SelectField control={control} name="profile.gender" label={t("form.gender")} emptyLabel={t("form.notAsked")} options={Object.values(VisitorGender).map(option("gender"))} fullWidth />
            <SelectField control={control} name="profile.timeInFinland" label={t("form.timeInFinland")} emptyLabel={t("form.notAsked")} options={Object.values(TimeInFinlandBand).map(option("timeInFinland"))} fullWidth />
            <TextField control={control} name="profile.origin" label={t("form.origin")} optionalText={optional} autoComplete="off" fullWidth />
          </div>
          <Controller
            name="profile.firstVisit"
            control={control}
            render={({ field }) => (
              <RadioButtonGroup
                id="kp-visit-first"
                labelText={t("form.firstVisit")}
                name={field.name}
                value={field.value === true ? "yes" : field.value === false ? "no" : "unknown"}
                onChange={(v) => field.onChange(v === "yes" ? true : v === "no" ? false : null)}
              >
                <RadioButton value="unknown" id="kp-visit-first-unknown">{t("form.notAsked")}</RadioButton>
                <RadioButton value="yes" id="kp-visit-first-yes">{t("form.yes")}</RadioButton>
                <RadioButton value="no" id="kp-visit-first-no">{t("form.no")}</RadioButton>
              </RadioButtonGroup>
            )}
          />
        </ExpanderContent>
      </Expander>

      {children}

      <div className={styles.buttons}>
        <Button type="submit" disabled={busy} aria-disabled={busy}>
          {busy ? t("form.saving") : correcting ? t("form.saveCorrection") : t("form.save")}
        </Button>
        {correcting && <Link href="/advice">{t("form.cancel")}</Link>}
      </div>
    </form>
  );
}
