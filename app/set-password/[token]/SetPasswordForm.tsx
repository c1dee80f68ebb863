"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Button, Heading, InlineAlert, Paragraph } from "suomifi-ui-components";
import { TextField } from "@/components/forms/fields";
import { PASSWORD_MIN_LENGTH, setPasswordSchema, type SetPasswordInput } from "@/lib/schemas/password";
import type { SetPasswordResult } from "./actions";

type Outcome = "done" | "expired" | "used" | "unknown";

/** The password twice; afterwards the page says what happened and offers the way to sign in. */
export function SetPasswordForm({ email, submit }: { email: string; submit: (values: SetPasswordInput) => Promise<SetPasswordResult> }) {
  const t = useTranslations("admin");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { control, handleSubmit, formState } = useForm<SetPasswordInput>({ resolver: zodResolver(setPasswordSchema), defaultValues: { password: "", confirm: "" }, mode: "onTouched" });

  useEffect(() => {
    if (outcome) heading.current?.focus();
  }, [outcome]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await submit(values);
    if (result.ok) setOutcome("done");
    else if (result.code === "INVALID") setFailure(t("failures.INVALID"));
    else setOutcome(result.code === "USED" ? "used" : result.code === "EXPIRED" ? "expired" : "unknown");
  });

  if (outcome) {
    return (
      <div className="kp-stack" role="status">
        <Heading variant="h1" ref={heading} tabIndex={-1}>{t(`setPassword.${outcome}`)}</Heading>
        <Paragraph>{outcome === "done" ? t("setPassword.doneText", { email }) : t(`setPassword.${outcome}Text`)}</Paragraph>
        {(outcome === "done" || outcome === "used") && <Link href="/signin">{t("setPassword.signIn")}</Link>}
      </div>
    );
  }

  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("setPassword.title")}</Heading>
      <Paragraph>{t("setPassword.intro", { email, min: PASSWORD_MIN_LENGTH })}</Paragraph>
      <form onSubmit={onSubmit} noValidate className="kp-stack">
        <div role="alert" aria-live="assertive">
          {failure && <InlineAlert status="error">{failure}</InlineAlert>}
        </div>
        {/* The account's address for password managers; it is not changed here. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField control={control} name="password" label={t("setPassword.password")} type="password" autoComplete="new-password" fullWidth />
        <TextField control={control} name="confirm" label={t("setPassword.confirm")} type="password" autoComplete="new-password" fullWidth />
        <Button type="submit" disabled={formState.isSubmitting} aria-disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("setPassword.submitting") : t("setPassword.submit")}
        </Button>
      </form>
    </div>
  );
}
