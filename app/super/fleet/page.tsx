import type { Metadata } from "next";
import { FleetRollout } from "@/components/super/fleet-rollout";
import { FleetRunsTable } from "@/components/super/fleet-runs-table";
import { FleetVersions } from "@/components/super/fleet-versions";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { getCentralDb } from "@/lib/db/central";
import { findFleetStatus, findRecentFleetRuns } from "@/lib/super/fleet";

export const metadata: Metadata = { title: "Fleet" };

export default async function FleetPage() {
  await requirePlatformPage("fleet.run");
  const central = getCentralDb();
  const [fleet, runs] = await Promise.all([findFleetStatus({ central }), findRecentFleetRuns({ central })]);
  const running = runs.find((run) => run.status === "RUNNING");
  return (
    <>
      <PageHeader
        title="Fleet"
        description="Every clinic's database follows the same schema. Roll pending migrations out here or with npm run tenant:update-schema; each clinic's result is saved as it lands, so a rollout that stops resumes where it left off."
      />
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
        <FleetVersions fleet={fleet} />
        <FleetRollout
          runningRunId={running?.id ?? null}
          nothingPending={fleet.behind === 0 && fleet.withError === 0}
        />
      </div>
      <section aria-labelledby="runs-heading" className="flex flex-col gap-3">
        <h2 id="runs-heading" className="text-lg font-semibold text-slate-900">
          Recent rollouts
        </h2>
        <FleetRunsTable
          runs={runs.map((run) => ({
            ...run,
            startedAt: run.startedAt.toISOString(),
            finishedAt: run.finishedAt?.toISOString() ?? null,
          }))}
        />
      </section>
    </>
  );
}
