import { checkMetricsAccess, readProcessMetrics } from "@/lib/tenancy/process-metrics";
import { getTenantRegistry } from "@/lib/tenancy/tenant-db";

export const dynamic = "force-dynamic";

/**
 * This process's memory, CPU and tenant-registry counters (client and connection cache hits), for
 * operators and `bench:routing`. Off unless METRICS_TOKEN is set; then only with that bearer token.
 * Counts only: no clinic names, no query text.
 */
export function GET(request: Request) {
  const access = checkMetricsAccess(request.headers.get("authorization"), process.env);
  if (access === "hidden") return new Response("Not found.", { status: 404 });
  if (access === "refused")
    return Response.json(
      { error: "Send the METRICS_TOKEN as Authorization: Bearer <token>." },
      { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
    );
  return Response.json(readProcessMetrics(getTenantRegistry()), { headers: { "Cache-Control": "no-store" } });
}
