import { z } from "zod";
import { findPlatformSession } from "@/lib/auth/platform-page";
import { getCentralDb } from "@/lib/db/central";
import { isDatabaseUnavailable, unavailableResponse } from "@/lib/db/database-unavailable";
import { findFleetRunProgress } from "@/lib/super/fleet";

const NO_STORE = { "Cache-Control": "no-store" };

/** A fleet run's progress for the dashboard's polling: super admins only, never cached. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    return await answer(request, context);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailableResponse();
    throw error;
  }
}

async function answer(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await findPlatformSession("fleet.run");
  if (!session) {
    return Response.json(
      { error: { code: "FORBIDDEN", message: "Sign in as a super admin to follow rollouts." } },
      { status: 403, headers: NO_STORE },
    );
  }
  const { id } = await params;
  const runId = z.uuid().safeParse(id);
  const progress = runId.success
    ? await findFleetRunProgress({ central: getCentralDb(), runId: runId.data })
    : null;
  if (!progress) {
    return Response.json(
      { error: { code: "NOT_FOUND", message: "There is no such rollout." } },
      { status: 404, headers: NO_STORE },
    );
  }
  return Response.json(progress, { headers: NO_STORE });
}
