import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { auditExportSchema } from "@/lib/schemas/admin";
import { exportAuditLog } from "@/server/admin/audit-log";
import { requireActor } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/** Downloads the audit log's current view (the same filters as the page); the export is audited. */
export async function GET(request: Request) {
  const actor = await requireActor(["ADMIN"]);
  const parsed = auditExportSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) notFound();
  const t = await getTranslations("admin");
  const file = await exportAuditLog(actor, parsed.data, (column) => t(`audit.columns.${column}`));
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}
