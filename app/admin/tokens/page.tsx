import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Heading, InlineAlert, Paragraph } from "@/components/suomifi";
import admin from "@/components/admin/admin.module.css";
import styles from "@/components/official/official.module.css";
import { listApiTokens } from "@/server/admin/tokens";
import { requireActor } from "@/server/auth/session";
import { revokeTokenAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("tokens.title") };
}

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<{ revoked?: string }> }) {
  const actor = await requireActor(["ADMIN"]);
  const [t, format, tokens, { revoked }] = await Promise.all([getTranslations("admin"), getFormatter(), listApiTokens(actor), searchParams]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const now = new Date();
  const rows = tokens ?? [];
  return (
    <div className="kp-stack">
      <Heading variant="h1">{t("tokens.title")}</Heading>
      <Paragraph>{t("tokens.intro")}</Paragraph>
      <div role="status" aria-live="polite">
        {revoked === "1" && <InlineAlert status="neutral">{t("tokens.revoked")}</InlineAlert>}
        {revoked === "0" && <InlineAlert status="error">{t("tokens.notRevoked")}</InlineAlert>}
      </div>
      {rows.length === 0 ? (
        <Paragraph>{t("tokens.empty")}</Paragraph>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="kp-visually-hidden">{t("tokens.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tokens.user")}</th>
                <th scope="col">{t("tokens.name")}</th>
                <th scope="col">{t("tokens.hint")}</th>
                <th scope="col">{t("tokens.created")}</th>
                <th scope="col">{t("tokens.lastUsed")}</th>
                <th scope="col">{t("tokens.expires")}</th>
                <th scope="col">{t("tokens.state")}</th>
                <th scope="col">{t("tokens.action")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((token) => {
                const expired = token.expiresAt !== null && token.expiresAt <= now;
                return (
                  <tr key={token.id}>
                    <td>
                      {token.user.name}
                      <br />
                      <span className={`${admin.muted} ${admin.wrap}`}>{token.user.email}</span>
                    </td>
                    <td>{token.name}</td>
                    <td><code>…{token.hint}</code></td>
                    <td className={admin.nowrap}>{when(token.createdAt)}</td>
                    <td className={admin.nowrap}>{token.lastUsedAt ? when(token.lastUsedAt) : t("tokens.never")}</td>
                    <td className={admin.nowrap}>{token.expiresAt ? when(token.expiresAt) : t("tokens.noExpiry")}</td>
                    <td>
                      {token.revokedAt ? (
                        <span className={`${admin.tag} ${admin.revoked}`}>{t("tokens.revokedAt", { date: when(token.revokedAt) })}</span>
                      ) : expired ? (
                        <span className={`${admin.tag} ${admin.revoked}`}>{t("tokens.expired")}</span>
                      ) : token.user.deactivatedAt ? (
                        <span className={`${admin.tag} ${admin.deactivated}`}>{t("tokens.userDeactivated")}</span>
                      ) : (
                        <span className={`${admin.tag} ${admin.active}`}>{t("tokens.active")}</span>
                      )}
                    </td>
                    <td>
                      {!token.revokedAt && (
                        <form action={revokeTokenAction} className={admin.inlineForm}>
                          <input type="hidden" name="id" value={token.id} />
                          <button type="submit" aria-label={t("tokens.revokeLabel", { name: token.name, user: token.user.name })}>
                            {t("tokens.revoke")}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
