"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "suomifi-ui-components";
import type { ActionResult } from "@/lib/action-results";
import { capacityChangeSchema, type CapacityChangeInput } from "@/lib/schemas/provider";
import { previewCapacity } from "./capacity";
import { NumberField } from "@/components/forms/fields";
import { ResultMessage } from "./ResultMessage";
import styles from "./provider.module.css";

/** Change the seat count; what will happen is shown as the number is typed, before anything is saved. */
export function CapacityControl({
  course,
  queue,
  submit,
}: {
  course: { id: string; capacity: number; seatsHeld: number; confirmOnReferral: boolean; open: boolean };
  queue: string[];
  submit: (input: CapacityChangeInput) => Promise<ActionResult>;
}) {
  const t = useTranslations("provider");
  const [next, setNext] = useState<number | undefined>(course.capacity);
  const [result, setResult] = useState<ActionResult | null>(null);
  const { control, handleSubmit, formState } = useForm<CapacityChangeInput>({ resolver: zodResolver(capacityChangeSchema), defaultValues: { courseId: course.id, capacity: course.capacity } });
  const preview = previewCapacity(course, queue, next);

  const onSubmit = handleSubmit(async (values) => {
    setResult(null);
    setResult(await submit(values));
  });

  let text: string | null = null;
  if (preview.kind === "refused") text = t("capacity.previewRefused", { held: preview.held });
  else if (preview.kind === "lower") text = t("capacity.previewLower", { capacity: preview.capacity, free: preview.free });
  else if (preview.kind === "raise")
    text =
      preview.offers === 0
        ? t("capacity.previewRaiseNobody", { capacity: preview.capacity })
        : t(preview.confirms ? "capacity.previewRaiseConfirm" : "capacity.previewRaise", { capacity: preview.capacity, count: preview.offers, names: preview.names.join(", ") });

  return (
    <form onSubmit={onSubmit} noValidate className={styles.inlineForm}>
      <NumberField control={control} name="capacity" label={t("capacity.label")} hintText={t("capacity.hint", { held: course.seatsHeld })} min={0} max={500} onValue={setNext} />
      <p aria-live="polite" className={preview.kind === "refused" ? styles.warning : styles.preview} data-testid="capacity-preview">
        {text}
      </p>
      <Button type="submit" disabled={formState.isSubmitting || preview.kind === "unchanged" || preview.kind === "invalid"}>
        {formState.isSubmitting ? t("capacity.saving") : t("capacity.submit")}
      </Button>
      <ResultMessage result={result} />
    </form>
  );
}
