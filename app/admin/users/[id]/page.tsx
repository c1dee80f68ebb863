import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button, Heading, InlineAlert } from "@/components/suomifi";
import { UserForm } from "@/components/admin/UserForm";
import styles from "@/components/admin/admin.module.css";
import { STAFF_ROLES } from "@/lib/schemas/admin";
import { organisationChoices } from "@/server/admin/organisations";
import { getUser } from "@/server/admin/users";
import { requireActor } from "@/server/auth/session";
import { resendInvitationAction, setUserActiveAction, updateUserAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("users.title") };
}

const NOTICES = ["deactivated", "reactivated", "resent"] as const;
const FAILURES = ["NOT_FOUND", "SELF"] as const;

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await requireActor(["ADMIN"]);
  const [user, organisations] = await Promise.all([getUser(actor, (await params).id), organisationChoices(actor)]);
  if (!user) notFound();
  const [t, shell, format, { done }] = await Promise.all([getTranslations("admin"), getTranslations("shell"), getFormatter(), searchParams]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const notice = NOTICES.find((n) => n === done);
  const failure = FAILURES.find((f) => f === done);
  return (
    <div className="kp-stack">
      <Link href="/admin/users">{t("userForm.back")}</Link>
      <Heading variant="h1">{t("userForm.editTitle", { name: user.name })}</Heading>
      <div role="status" aria-live="polite">
        {notice && <InlineAlert status="neutral">{notice === "resent" ? t("userForm.resent", { deadline: user.invitationExpiresAt ? when(user.invitationExpiresAt) : "–" }) : t(`userForm.${notice}`)}</InlineAlert>}
        {failure && <InlineAlert status="error">{t(`failures.${failure}`)}</InlineAlert>}
      </div>
      <section className={styles.panel} aria-labelledby="user-account">
        <h2 id="user-account">{t("userForm.account")}</h2>
        <dl className={styles.facts}>
          <dt>{t("userForm.email")}</dt>
          <dd>{user.email}</dd>
          <dt>{t("userForm.state")}</dt>
          <dd><span className={`${styles.tag} ${styles[user.state]}`}>{t(`users.states.${user.state}`)}</span></dd>
          <dt>{t("userForm.createdAt")}</dt>
          <dd>{when(user.createdAt)}</dd>
          <dt>{t("userForm.lastSignIn")}</dt>
          <dd>{user.lastSignInAt ? when(user.lastSignInAt) : t("users.never")}</dd>
          {user.state === "invited" && user.invitationExpiresAt && (
            <>
              <dt>{t("userForm.invitationExpires")}</dt>
              <dd>{when(user.invitationExpiresAt)}</dd>
            </>
          )}
        </dl>
        {!user.hasPassword && !user.deactivatedAt && (
          <form action={resendInvitationAction}>
            <input type="hidden" name="userId" value={user.id} />
            <Button type="submit" variant="secondary">{t("userForm.resend")}</Button>
          </form>
        )}
        {user.id !== actor.userId && (
          <form action={setUserActiveAction} className="kp-stack">
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value={user.deactivatedAt ? "1" : "0"} />
            {!user.deactivatedAt && <p>{t("userForm.deactivateHint")}</p>}
            <Button type="submit" variant="secondary">{user.deactivatedAt ? t("userForm.reactivate") : t("userForm.deactivate")}</Button>
          </form>
        )}
      </section>
      <UserForm
        mode="edit"
        defaults={{ email: user.email, name: user.name, role: user.role, organisationId: user.organisationId, locale: "fi" }}
        organisations={organisations}
        roleLabels={Object.fromEntries(STAFF_ROLES.map((r) => [r, shell(`roles.${r}`)]))}
        submit={updateUserAction.bind(null, user.id)}
      />
    </div>
  );
}
