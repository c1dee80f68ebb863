import { clientResponse } from "@/lib/schemas/api";
import { answer, domainProblem, withApiActor } from "@/server/api/http";
import { getClient } from "@/server/clients/clients";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = withApiActor<Params>(async (_request, actor, { params }) => {
  const client = await getClient(actor, (await params).id);
  return client ? answer(clientResponse, client) : domainProblem("NOT_FOUND");
});
