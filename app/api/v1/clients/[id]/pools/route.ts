import { clientPoolsResponse } from "@/lib/schemas/api";
import { answer, domainProblem, withApiActor } from "@/server/api/http";
import { getClient } from "@/server/clients/clients";
import { poolsOfClient } from "@/server/official/pool";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = withApiActor<Params>(async (_request, actor, { params }) => {
  const client = await getClient(actor, (await params).id);
  return client ? answer(clientPoolsResponse, { items: await poolsOfClient(client.id) }) : domainProblem("NOT_FOUND");
});
