import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { exportSchema } from "@/lib/schemas/official";
import { requireActor } from "@/server/auth/session";
import { exportClientList } from "@/server/official/export";
import { REGISTER_SEARCH_COOKIE, registerTermOf } from "@/server/official/register";

export const dynamic = "force-dynamic";

/** Downloads the client register's current view (the same filters as the page). */
export async function GET(request: Request) {
  const actor = await requireActor(["OFFICIAL"]);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // The register's search term, as the page has it (its kept search; never an identity code in the address).
  const term = registerTermOf(params, (await cookies()).get(REGISTER_SEARCH_COOKIE)?.value, actor);
  const parsed = exportSchema.safeParse({ ...params, q: term.q });
  if (term.refused || !parsed.success) notFound();
  const [t, labels] = await Promise.all([getTranslations("official"), getTranslations("labels")]);
  const file = await exportClientList(actor, parsed.data, {
    header: (column) => t(`exportColumns.${column}`),
    value: (kind, value) =>
      kind === "status" ? labels(`enrolmentStatus.${value}`) : kind === "preferredLanguage" ? labels(`clientLanguage.${value}`) : labels(`${kind}.${value}`),
  });
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}
