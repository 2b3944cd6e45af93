// POST /api/join-failures – the browser could not connect to the meeting it was let into; why
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
