"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button, InlineAlert } from "suomifi-ui-components";
import { TextField } from "@/components/forms/fields";
import { signInSchema, type SignInFailure, type SignInInput } from "@/lib/schemas/sign-in";

const failureKeys: Record<SignInFailure, string> = {
  INVALID_CREDENTIALS: "signIn.errors.invalid",
  RATE_LIMITED: "signIn.errors.rateLimited",
};

/** Only same-site paths, so a crafted link cannot send someone elsewhere after signing in. */
function safeCallback(callbackUrl: string | undefined): string {
  return callbackUrl && /^\/(?!\/)/.test(callbackUrl) ? callbackUrl : "/";
}

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const code = result?.error as SignInFailure | undefined;
      setFailure(code && code in failureKeys ? failureKeys[code] : "signIn.errors.generic");
      return;
    }
    router.replace(safeCallback(callbackUrl));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="kp-stack">
      <div aria-live="assertive" role="alert">
        {failure && <InlineAlert status="error">{t(failure)}</InlineAlert>}
      </div>
      <TextField control={control} name="email" label={t("signIn.email")} type="email" autoComplete="username" fullWidth />
      <TextField control={control} name="password" label={t("signIn.password")} type="password" autoComplete="current-password" fullWidth />
      <Button type="submit" disabled={formState.isSubmitting} aria-disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
    </form>
  );
}
