import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackupList } from "@/components/super/backup-list";
import { BackupNowButton } from "@/components/super/backup-now-button";
import { describeClinicWindow } from "@/components/super/pitr-format";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { findBackupClinic } from "@/lib/backups/console-access";
import { findClinicBackups } from "@/lib/backups/console-queries";
import { getCentralDb } from "@/lib/db/central";
import { AppError } from "@/lib/errors";
import { findActiveJob } from "@/lib/jobs/queue";
import { findClinicPitrStatus } from "@/lib/pitr/pitr-status";
import { clinicIdSchema } from "@/lib/validations/admin";

export const metadata: Metadata = { title: "Backups" };

/**
 * A clinic admin's own clinic's backups (while the platform allows it): back up now, download, and
 * the moments the clinic can be restored to (restoring is a super admin's).
 */
export default async function AdminClinicBackupsPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePlatformPage("backups.own");
  const { id } = await params;
  if (!clinicIdSchema.safeParse({ clinicId: id }).success) notFound();
  const central = getCentralDb();
  const clinic = await findBackupClinic({ central, session, clinicId: id }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return null;
    throw error;
  });
  if (!clinic) notFound();
  const [backups, job, pitr] = await Promise.all([
    findClinicBackups({ central, clinicId: clinic.id }),
    findActiveJob(central, clinic.id),
    findClinicPitrStatus({ central, clinic }),
  ]);
  const moment = describeClinicWindow(pitr.status, pitr.timeZone);
  return (
    <main id="main" className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-8 sm:px-6">
      <PageHeader
        title={`Backups of ${clinic.name}`}
        description="Encrypted copies of the clinic's database. A downloaded file can only be read by this platform; to restore one, ask a super admin."
        actions={
          <ButtonLink variant="ghost" href="/admin">
            My clinics
          </ButtonLink>
        }
      />
      <BackupNowButton
        target={{ clinicId: clinic.id, name: clinic.name, by: "own" }}
        activeJobId={job?.kind === "backup-clinic" ? job.id : null}
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2">Restore to a moment</CardTitle>
          <CardDescription>
            {moment.sentence}
            {moment.window ? " To restore the clinic to one of them, ask a super admin." : ""}
          </CardDescription>
        </CardHeader>
      </Card>
      <BackupList
        clinic={{ id: clinic.id, name: clinic.name, subdomain: clinic.subdomain }}
        backups={backups}
        canRestore={false}
      />
    </main>
  );
}
