import type { Metadata } from "next";
import { MaintenanceClinics } from "@/components/super/maintenance-clinics";
import { MaintenanceLongQueries } from "@/components/super/maintenance-long-queries";
import { MaintenanceServerSummary } from "@/components/super/maintenance-server-summary";
import { MaintenanceTables } from "@/components/super/maintenance-tables";
import { FilterLinks } from "@/components/ui/filter-links";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { getCentralDb } from "@/lib/db/central";
import { AppError } from "@/lib/errors";
import { findClinicMaintenance } from "@/lib/maintenance/clinic-report";
import { findActiveMaintenanceJobs } from "@/lib/maintenance/maintenance-service";
import { findServerMaintenance } from "@/lib/maintenance/server-report";
import { maintenancePageQuery } from "@/lib/validations/maintenance";
import { parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";

export const metadata: Metadata = { title: "Maintenance" };

/** A report that could not be read says why, instead of failing the page. */
async function settle<T>(read: Promise<T>): Promise<{ value: T } | { problem: string }> {
  try {
    return { value: await read };
  } catch (error) {
    if (error instanceof AppError) return { problem: error.message };
    throw error;
  }
}

export default async function MaintenancePage({ searchParams }: SearchParamsProps) {
  await requirePlatformPage("maintenance.run");
  const query = parseSearchParams(maintenancePageQuery, await searchParams);
  const central = getCentralDb();
  const servers = await central.databaseServer.findMany({
    where: { status: { not: "OFFLINE" } },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
  const server = servers.find((row) => row.name === query.server) ?? servers[0];
  const href = (params: { server?: string; clinic?: string }) => {
    const search = new URLSearchParams();
    if (params.server) search.set("server", params.server);
    if (query.seconds !== 30) search.set("seconds", String(query.seconds));
    if (params.clinic !== undefined) search.set("clinic", params.clinic);
    return `/super/maintenance?${search.toString()}`;
  };
  const [report, clinic, activeJobs] = await Promise.all([
    server ? settle(findServerMaintenance({ central, server, longQuerySeconds: query.seconds })) : null,
    query.clinic ? settle(findClinicMaintenance({ central, subdomain: query.clinic })) : null,
    findActiveMaintenanceJobs(central),
  ]);

  return (
    <>
      <PageHeader
        title="Maintenance"
        description="Database health per server and per clinic: sizes, dead rows, transaction-ID age, connections and long-running queries. Vacuum and Reindex run as jobs, one table at a time, while the clinic keeps working."
      />
      {servers.length > 1 ? (
        <FilterLinks
          label="Database server"
          current={server?.name}
          options={servers.map((row) => ({ value: row.name, label: row.name }))}
          href={(value) => href({ server: value })}
        />
      ) : null}
      {!server ? <Notice>No database server is active. Add one under Database servers.</Notice> : null}
      {report && "problem" in report ? <Notice>{report.problem}</Notice> : null}
      {report && "value" in report ? (
        <>
          <MaintenanceServerSummary report={report.value} />
          <section aria-labelledby="clinics-heading" className="flex flex-col gap-3">
            <h2 id="clinics-heading" className="text-lg font-semibold text-slate-900">
              Clinic databases
            </h2>
            <MaintenanceClinics
              clinics={report.value.clinics}
              activeJobs={Object.fromEntries(activeJobs)}
              tablesHref={href({ server: report.value.serverName, clinic: "" })}
            />
          </section>
          {clinic && "problem" in clinic ? <Notice>{clinic.problem}</Notice> : null}
          {clinic && "value" in clinic ? <MaintenanceTables report={clinic.value} /> : null}
          <section aria-labelledby="long-heading" className="flex flex-col gap-3">
            <h2 id="long-heading" className="text-lg font-semibold text-slate-900">
              Long-running queries
            </h2>
            <MaintenanceLongQueries
              serverId={report.value.serverId}
              sessions={report.value.longQueries}
              seconds={report.value.longQuerySeconds}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
