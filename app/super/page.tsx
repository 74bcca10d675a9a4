import type { Metadata } from "next";
import { BackupHealthCard } from "@/components/super/backup-health-card";
import { CentralAccessNotice } from "@/components/super/central-access-notice";
import { FleetSummaryCard } from "@/components/super/fleet-summary-card";
import { PgToolsNotice } from "@/components/super/pg-tools-notice";
import { PlatformCountCards } from "@/components/super/platform-count-cards";
import { RegistryMetricsCard } from "@/components/super/registry-metrics-card";
import { SectionLinks } from "@/components/super/section-links";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { findBackupHealth } from "@/lib/backups/health";
import { findPgToolsStatus } from "@/lib/backups/pg-tools-check";
import { findBackupSettings } from "@/lib/backups/schedule-settings";
import { getCentralDb } from "@/lib/db/central";
import { findCentralDatabaseExposure } from "@/lib/super/central-access";
import { findFleetStatus } from "@/lib/super/fleet";
import { findPlatformCounts } from "@/lib/super/overview";
import { getTenantRegistry } from "@/lib/tenancy/tenant-db";

export const metadata: Metadata = { title: "Overview" };

export default async function SuperOverviewPage() {
  await requirePlatformPage("clinics.viewAll");
  const central = getCentralDb();
  const [counts, fleet, exposure, backupHealth, backupSettings, pgTools] = await Promise.all([
    findPlatformCounts({ central }),
    findFleetStatus({ central }),
    findCentralDatabaseExposure({ central }),
    findBackupHealth(central),
    findBackupSettings(central),
    findPgToolsStatus(central),
  ]);
  return (
    <>
      <PageHeader
        title="Platform overview"
        description="Clinics, their admins and database servers, how far the fleet is from the newest clinic schema, and this app process's clinic connections. Operations only: no clinic's records are reachable from here."
      />
      <CentralAccessNotice exposure={exposure} />
      <PgToolsNotice status={pgTools} />
      <PlatformCountCards counts={counts} />
      <div className="grid gap-6 lg:grid-cols-2">
        <FleetSummaryCard fleet={fleet} />
        <RegistryMetricsCard metrics={getTenantRegistry().metrics()} />
        <BackupHealthCard health={backupHealth} maxAgeHours={backupSettings.backupMaxAgeHours} />
      </div>
      <SectionLinks />
    </>
  );
}
