import type { Metadata } from "next";
import { BackupScheduleForm } from "@/components/super/backup-schedule-form";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { findBackupSettings } from "@/lib/backups/schedule-settings";
import { getCentralDb } from "@/lib/db/central";

export const metadata: Metadata = { title: "Backup schedule" };

export default async function BackupSchedulePage() {
  await requirePlatformPage("backups.manage");
  const settings = await findBackupSettings(getCentralDb());
  return (
    <>
      <PageHeader
        title="Backup schedule"
        description="When clinics and the central database are backed up, how many backups are kept, and how backups are proved restorable. The job workers follow these settings; one scheduled backup runs at a time. Retention never removes a clinic's newest backup nor its last verified one."
        actions={
          <ButtonLink href="/super/backups" variant="secondary">
            All backups
          </ButtonLink>
        }
      />
      <BackupScheduleForm settings={settings} />
    </>
  );
}
