import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth/session";
import { exportClientData } from "@/server/privacy/data-export";

export const dynamic = "force-dynamic";

/** The subject-access export as JSON, for handing over in machine-readable form (audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["OFFICIAL"]);
  const { id } = await params;
  const data = await exportClientData(actor, id, "json");
  if (!data) notFound();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="client-${data.client.clientNumber}-data.json"`,
      "cache-control": "no-store",
    },
  });
}
