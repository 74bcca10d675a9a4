import { getCentralDb } from "@/lib/db/central";

export const dynamic = "force-dynamic";

/** Liveness and central-database reachability, for the start scripts and load balancers. */
export async function GET() {
  try {
    await getCentralDb().$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "The central database is unreachable." }, { status: 503 });
  }
}
