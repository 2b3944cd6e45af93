// POST /api/join-failures – why the browser could not connect to a meeting it was let into; the member or guest the attempt was for
import { actorIdentity, requireActor } from "@/lib/auth/actor";
import { handler, notFound, parseJsonBody } from "@/lib/http";
import { joinFailureSchema, reportJoinFailure } from "@/lib/meetings/join-attempts";
import { enforceRateLimit } from "@/lib/rate-limit";

export const POST = handler(async (request: Request) => {
  const input = await parseJsonBody(request, joinFailureSchema);
  const actor = await requireActor();
  const identity = actorIdentity(actor);
  enforceRateLimit("joinFailureReportsPerCaller", identity);
  if (!(await reportJoinFailure(input.attemptId, identity, input))) throw notFound("That join attempt");
  return new Response(null, { status: 204 });
});
