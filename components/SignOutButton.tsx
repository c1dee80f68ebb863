"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "suomifi-ui-components";

export function SignOutButton() {
  const t = useTranslations("shell");
  return (
    <Button variant="secondary" onClick={() => signOut({ callbackUrl: "/signin" })}>
      {t("signOut")}
    </Button>
  );
}
