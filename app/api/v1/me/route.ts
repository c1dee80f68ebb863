import { meResponse } from "@/lib/schemas/api";
import { answer, withApiActor } from "@/server/api/http";

export const dynamic = "force-dynamic";

export const GET = withApiActor(async (_request, actor) =>
  answer(meResponse, { id: actor.userId, email: actor.email, role: actor.role, organisationId: actor.organisationId }),
);
