"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { Button, InlineAlert, TextInput } from "suomifi-ui-components";
import { CheckboxField, DateField, SelectField, TextareaField, TextField } from "@/components/forms/fields";
import type { PossibleDuplicate, SaveClientResult } from "@/lib/action-results";
import { parseIdentityCode } from "@/lib/identity-code";
import { isDateString } from "@/lib/dates";
import { clientSchema, defaultIntegrationPlanEnd, type ClientData, type ClientInput } from "@/lib/schemas/client";
import styles from "./official.module.css";

const LANGUAGES = ["fi", "sv", "en", "ru", "uk", "ar"] as const;
const LITERACY = ["LATIN_SCRIPT", "OTHER_SCRIPT", "NOT_LITERATE"] as const;
const LEVELS = ["A0", "A1_1", "A1_2", "A1_3", "A2_1", "A2_2", "B1_1", "B1_2", "B2_1", "B2_2", "C1_1"] as const;
const PATHS = ["FAST", "BASIC", "SLOW", "LITERACY"] as const;

const EMPTY: ClientInput = {
  firstName: "", lastName: "", dateOfBirth: "", personalIdentityCode: "", email: "", phone: "", municipality: "",
  preferredLanguage: "fi", nativeLanguage: "", interpreterNeeded: false, literacy: null, yearsOfSchooling: null,
  highestEducation: "", workExperience: "", languageLevel: null, placementTestOn: null, studyPath: undefined as unknown as ClientInput["studyPath"],
  assessedOn: null, assessedBy: "", integrationPlanStartsOn: null, integrationPlanEndsOn: null, inIntegrationProgramme: false, needsChildcare: false, needsAccessibility: false,
  eveningOnly: false, specialNeeds: "", notes: "",
};

/**
 * Registers or edits a client in four short groups. The half-filled form is kept in this tab's
 * sessionStorage (never the identity code), so switching the UI language or reloading keeps it.
 */
export function ClientForm({
  clientId,
  initial,
  maskedIdentityCode,
  prefill,
  draftKey,
  save,
}: {
  clientId?: string;
  initial?: ClientInput;
  /** A new client's fields known already (an advice point's hand-over). */
  prefill?: Partial<ClientInput>;
  /** Where the half-filled form is kept in sessionStorage (default: the client, or "new"). */
  draftKey?: string;
  maskedIdentityCode?: string | null;
  save: (input: { clientId?: string; values: ClientInput; allowDuplicate?: boolean; removeIdentityCode?: boolean }) => Promise<SaveClientResult>;
}) {
  const t = useTranslations("official");
  const tAll = useTranslations();
  const labels = useTranslations("labels");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const storageKey = `kp.clientForm.${draftKey ?? clientId ?? "new"}`;
  const duplicatesHeading = useRef<HTMLHeadingElement>(null);

  const { control, handleSubmit, reset, subscribe, setError, setValue, getValues, formState } = useForm<ClientInput, unknown, ClientData>({
    resolver: zodResolver(clientSchema) as Resolver<ClientInput, unknown, ClientData>,
    defaultValues: initial ?? { ...EMPTY, ...prefill },
    mode: "onTouched",
  });

  useEffect(() => {
    const saved = sessionStorage.getItem(storageKey);
    if (saved) {
      try {
        reset({ ...(initial ?? { ...EMPTY, ...prefill }), ...(JSON.parse(saved) as Partial<ClientInput>) }, { keepDefaultValues: true });
      } catch {
        sessionStorage.removeItem(storageKey);
      }
    }
    return subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        const { personalIdentityCode: _omit, ...rest } = values;
        void _omit;
        sessionStorage.setItem(storageKey, JSON.stringify(rest));
      },
    });
  }, [storageKey, initial, prefill, reset, subscribe]);

  // The code against the date of birth, as soon as both are there (the schema checks it again on save).
  const [codeValue, birthValue] = useWatch({ control, name: ["personalIdentityCode", "dateOfBirth"] });
  const parsedCode = codeValue ? parseIdentityCode(codeValue) : null;
  const birthMismatch = Boolean(parsedCode?.ok && /^\d{4}-\d{2}-\d{2}$/.test(birthValue ?? "") && parsedCode.value.dateOfBirth !== birthValue);

  useEffect(() => {
    if (duplicates) duplicatesHeading.current?.focus();
  }, [duplicates]);

  const submit = (allowDuplicate: boolean) =>
    handleSubmit((values) => {
      setFailure(null);
      startTransition(async () => {
        const result = await save({ clientId, values: getValues(), allowDuplicate });
        void values;
        if (result.ok) {
          sessionStorage.removeItem(storageKey);
          router.push(`/official/clients/${result.clientId}?saved=1`);
          return;
        }
        if (result.kind === "duplicates") {
          setDuplicates(result.duplicates);
          return;
        }
        setDuplicates(null);
        if (result.kind === "invalid") {
          for (const [field, key] of Object.entries(result.fieldErrors)) {
            if (key) setError(field as keyof ClientInput, { message: key }, { shouldFocus: true });
          }
          setFailure(t("form.fixErrors"));
        } else {
          setFailure(result.message);
        }
      });
    }, () => setFailure(t("form.fixErrors")));

  // A plan's end defaults to its start + two years: proposed as soon as the start is a real day and
  // the end is empty, and kept in step with the start for as long as it is the proposal.
  const proposedEnd = useRef<string | null>(null);
  const onPlanStart = (start: string | null) => {
    const end = getValues("integrationPlanEndsOn");
    if (!start || !isDateString(start) || (end && end !== proposedEnd.current)) return;
    proposedEnd.current = defaultIntegrationPlanEnd(start);
    setValue("integrationPlanEndsOn", proposedEnd.current, { shouldValidate: true });
  };

  const optional = t("form.optional");
  const busy = pending || formState.isSubmitting;

  return (
    <form onSubmit={submit(false)} noValidate className={styles.form} aria-busy={busy}>
      <div role="alert" aria-live="assertive">
        {failure && <InlineAlert status="error">{failure}</InlineAlert>}
      </div>

      <fieldset className={styles.step}>
        <legend className={styles.legend}>{t("form.steps.person")}</legend>
        <div className={styles.grid}>
          <TextField control={control} name="firstName" label={t("form.firstName")} autoComplete="off" fullWidth />
          <TextField control={control} name="lastName" label={t("form.lastName")} autoComplete="off" fullWidth />
          <Controller
            name="personalIdentityCode"
            control={control}
            render={({ field, fieldState }) => (
              <TextInput
                labelText={t("form.identityCode")}
                optionalText={optional}
                hintText={maskedIdentityCode ? t("form.identityCodeKeep", { masked: maskedIdentityCode }) : t("form.identityCodeHint")}
                value={field.value ?? ""}
                name={field.name}
                ref={field.ref}
                autoComplete="off"
                onChange={(v) => {
                  const value = String(v ?? "").toUpperCase();
                  field.onChange(value);
                  const parsed = parseIdentityCode(value);
                  if (parsed.ok && !getValues("dateOfBirth")) setValue("dateOfBirth", parsed.value.dateOfBirth, { shouldValidate: true });
                }}
                onBlur={field.onBlur}
                status={fieldState.error || birthMismatch ? "error" : "default"}
                statusText={
                  fieldState.error?.message ? tAll(fieldState.error.message) : birthMismatch ? tAll("validation.identityCode.dateOfBirthMismatch") : undefined
                }
                fullWidth
              />
            )}
          />
          <TextField control={control} name="dateOfBirth" label={t("form.dateOfBirth")} hintText={t("form.dateHint")} inputMode="numeric" autoComplete="off" fullWidth />
        </div>
      </fieldset>

      <fieldset className={styles.step}>
        <legend className={styles.legend}>{t("form.steps.contact")}</legend>
        <div className={styles.grid}>
          <TextField control={control} name="email" label={t("form.email")} type="email" optionalText={optional} autoComplete="off" fullWidth />
          <TextField control={control} name="phone" label={t("form.phone")} type="tel" optionalText={optional} autoComplete="off" fullWidth />
          <TextField control={control} name="municipality" label={t("form.municipality")} optionalText={optional} fullWidth />
          <SelectField control={control} name="preferredLanguage" label={t("form.preferredLanguage")} options={LANGUAGES.map((l) => ({ value: l, label: labels(`clientLanguage.${l}`) }))} fullWidth />
          <TextField control={control} name="nativeLanguage" label={t("form.nativeLanguage")} optionalText={optional} fullWidth />
          <div className={styles.checkCell}>
            <CheckboxField control={control} name="interpreterNeeded" label={t("form.interpreterNeeded")} />
          </div>
        </div>
      </fieldset>

      <fieldset className={styles.step}>
        <legend className={styles.legend}>{t("form.steps.skills")}</legend>
        <div className={styles.grid}>
          <SelectField control={control} name="studyPath" label={t("form.studyPath")} options={PATHS.map((p) => ({ value: p, label: labels(`studyPath.${p}`) }))} fullWidth />
          <SelectField control={control} name="languageLevel" label={t("form.languageLevel")} emptyLabel={t("form.notKnown")} options={LEVELS.map((l) => ({ value: l, label: labels(`languageLevel.${l}`) }))} fullWidth />
          <DateField control={control} name="placementTestOn" label={t("form.placementTestOn")} hintText={t("form.dateHint")} optionalText={optional} fullWidth />
          <SelectField control={control} name="literacy" label={t("form.literacy")} emptyLabel={t("form.notKnown")} options={LITERACY.map((l) => ({ value: l, label: labels(`literacy.${l}`) }))} fullWidth />
          <Controller
            name="yearsOfSchooling"
            control={control}
            render={({ field, fieldState }) => (
              <TextInput
                labelText={t("form.yearsOfSchooling")}
                optionalText={optional}
                inputMode="numeric"
                value={field.value ?? ""}
                name={field.name}
                ref={field.ref}
                onChange={(v) => {
                  const s = String(v ?? "").trim();
                  field.onChange(s === "" ? null : /^\d+$/.test(s) ? Number(s) : s);
                }}
                onBlur={field.onBlur}
                status={fieldState.error ? "error" : "default"}
                statusText={fieldState.error ? tAll("validation.wholeNumber") : undefined}
                fullWidth
              />
            )}
          />
          <TextField control={control} name="highestEducation" label={t("form.highestEducation")} optionalText={optional} fullWidth />
        </div>
        <TextareaField control={control} name="workExperience" label={t("form.workExperience")} optionalText={optional} />
      </fieldset>

      <fieldset className={styles.step}>
        <legend className={styles.legend}>{t("form.steps.plan")}</legend>
        <fieldset className={styles.subgroup}>
          <legend>{t("form.assessment")}</legend>
          <div className={styles.grid}>
            <DateField control={control} name="assessedOn" label={t("form.assessedOn")} hintText={t("form.dateHint")} optionalText={optional} fullWidth />
            <TextField control={control} name="assessedBy" label={t("form.assessedBy")} hintText={t("form.assessedByHint")} optionalText={optional} autoComplete="off" fullWidth />
          </div>
        </fieldset>
        <fieldset className={styles.subgroup}>
          <legend>{t("form.integrationPlan")}</legend>
          <p className={styles.hint}>{t("form.integrationPlanHint")}</p>
          <div className={styles.grid}>
            <DateField control={control} name="integrationPlanStartsOn" label={t("form.integrationPlanStartsOn")} hintText={t("form.dateHint")} optionalText={optional} fullWidth onValue={onPlanStart} />
            <DateField control={control} name="integrationPlanEndsOn" label={t("form.integrationPlanEndsOn")} hintText={t("form.dateHint")} optionalText={optional} fullWidth />
          </div>
        </fieldset>
        <div className={styles.checks}>
          <CheckboxField control={control} name="inIntegrationProgramme" label={t("form.inIntegrationProgramme")} />
        </div>
        <div className={styles.checks}>
          <CheckboxField control={control} name="needsChildcare" label={t("form.needsChildcare")} />
          <CheckboxField control={control} name="needsAccessibility" label={t("form.needsAccessibility")} />
          <CheckboxField control={control} name="eveningOnly" label={t("form.eveningOnly")} />
        </div>
        <TextareaField control={control} name="specialNeeds" label={t("form.specialNeeds")} optionalText={optional} />
        <TextareaField control={control} name="notes" label={t("form.notes")} optionalText={optional} />
      </fieldset>

      {duplicates && (
        <section className={styles.duplicates} aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading" ref={duplicatesHeading} tabIndex={-1}>
            {t("form.duplicates.title")}
          </h2>
          <p>{t("form.duplicates.body")}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/official/clients/${d.id}`}>
                  {d.lastName}, {d.firstName} ({t("form.duplicates.number", { number: d.clientNumber })})
                </Link>{" "}
                – {t(`form.duplicates.match.${d.match}`)}
              </li>
            ))}
          </ul>
          <Button type="button" variant="secondary" disabled={busy} onClick={submit(true)}>
            {t("form.duplicates.saveAnyway")}
          </Button>
        </section>
      )}

      <div className={styles.buttons}>
        <Button type="submit" disabled={busy} aria-disabled={busy}>
          {busy ? t("form.saving") : clientId ? t("form.saveChanges") : t("form.register")}
        </Button>
        <Link href={clientId ? `/official/clients/${clientId}` : "/official/clients"} onClick={() => sessionStorage.removeItem(storageKey)}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
