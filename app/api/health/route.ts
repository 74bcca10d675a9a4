import { getCentralDb } from "@/lib/db/central";
import { UNAVAILABLE_HEADERS } from "@/lib/db/database-unavailable";
import { getTenantRegistry } from "@/lib/tenancy/tenant-db";

export const dynamic = "force-dynamic";

/**
 * Liveness and central-database reachability, for the start scripts and load balancers: 200 when
 * the central database answers, else 503 "degraded" (clinics this process already knows keep
 * serving their signed-in staff; see README "When a database is down"). `listening` is whether
 * cross-process cache invalidation (LISTEN) is connected.
 */
export async function GET() {
  const listening = getTenantRegistry().listener?.listening ?? false;
  try {
    await getCentralDb().$queryRaw`SELECT 1`;
    return Response.json({ ok: true, status: "ok", central: "up", listening });
  } catch {
    return Response.json(
      {
        ok: false,
        status: "degraded",
        central: "down",
        listening,
        error: "The central database is unreachable.",
      },
      { status: 503, headers: UNAVAILABLE_HEADERS },
    );
  }
}
