import type { Metadata } from "next";
import { BackupCentralCard } from "@/components/super/backup-central-card";
import { BackupClinicsTable, type ClinicBackupLine } from "@/components/super/backup-clinics-table";
import { describeAge } from "@/components/super/backup-format";
import { BackupSettingsToggle } from "@/components/super/backup-settings-toggle";
import { PgToolsNotice } from "@/components/super/pg-tools-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { clinicAdminsMayBackup } from "@/lib/backups/console-access";
import { findCentralBackupSummary, findClinicBackupSummaries } from "@/lib/backups/console-queries";
import { findPgToolsStatus } from "@/lib/backups/pg-tools-check";
import { getCentralDb } from "@/lib/db/central";

export const metadata: Metadata = { title: "Backups" };

export default async function BackupsPage() {
  await requirePlatformPage("backups.manage");
  const central = getCentralDb();
  const [summary, clinics, allowed, pgTools] = await Promise.all([
    findCentralBackupSummary(central),
    findClinicBackupSummaries({ central }),
    clinicAdminsMayBackup(central),
    findPgToolsStatus(central),
  ]);
  const now = new Date();
  const lines: ClinicBackupLine[] = clinics.map((clinic) => ({
    ...clinic,
    verifiedAge: describeAge(clinic.lastVerifiedAt, now),
  }));
  return (
    <>
      <PageHeader
        title="Backups"
        description="Encrypted backups of every clinic's database and of the central one. A backup counts as verified once a restore (or a restore drill) has loaded it and found every table as it was taken."
      />
      <PgToolsNotice status={pgTools} />
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
        <BackupCentralCard {...summary} />
        <BackupSettingsToggle clinicAdminsMayBackup={allowed} />
      </div>
      <section aria-labelledby="clinic-backups-heading" className="flex flex-col gap-3">
        <h2 id="clinic-backups-heading" className="text-lg font-semibold text-slate-900">
          Clinics
        </h2>
        <BackupClinicsTable clinics={lines} listHref="/super/backups" />
      </section>
    </>
  );
}
