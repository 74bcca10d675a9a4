import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackupList } from "@/components/super/backup-list";
import { BackupNowButton } from "@/components/super/backup-now-button";
import { BackupUploadForm } from "@/components/super/backup-upload-form";
import { MoveClinicButton } from "@/components/super/move-clinic-button";
import { describeClinicWindow } from "@/components/super/pitr-format";
import { RestoreToMomentButton } from "@/components/super/restore-to-moment-button";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { restoreKeepHoursOrDefault } from "@/lib/backups/console-jobs";
import { findClinicBackups } from "@/lib/backups/console-queries";
import { uploadMaxBytes } from "@/lib/backups/upload-receive";
import { getRootDomain } from "@/lib/config/root-domain";
import { getCentralDb } from "@/lib/db/central";
import { findActiveJob } from "@/lib/jobs/queue";
import { findMoveTargets } from "@/lib/moves/console-move";
import { findClinicPitrStatus } from "@/lib/pitr/pitr-status";
import { clinicIdSchema } from "@/lib/validations/admin";

export const metadata: Metadata = { title: "Clinic backups" };

export default async function ClinicBackupsPage({ params }: { params: Promise<{ clinicId: string }> }) {
  await requirePlatformPage("backups.manage");
  const { clinicId } = await params;
  if (!clinicIdSchema.safeParse({ clinicId }).success) notFound();
  const central = getCentralDb();
  const clinic = await central.clinic.findFirst({ where: { id: clinicId, status: { not: "DELETED" } } });
  if (!clinic) notFound();
  const [backups, job, move, pitr] = await Promise.all([
    findClinicBackups({ central, clinicId }),
    findActiveJob(central, clinicId),
    findMoveTargets({ central, clinic }),
    findClinicPitrStatus({ central, clinic }),
  ]);
  const identity = { id: clinic.id, name: clinic.name, subdomain: clinic.subdomain };
  const moment = describeClinicWindow(pitr.status, pitr.timeZone);
  const keepHours = restoreKeepHoursOrDefault();
  const serverName = move.servers.find((server) => server.id === clinic.databaseServerId)?.name ?? "none";
  return (
    <>
      <PageHeader
        title={`Backups of ${clinic.name}`}
        description={`${clinic.subdomain} · ${clinic.status.toLowerCase()}. Restore puts the clinic's data back as it was in a backup or at a moment of its recoverable window, or makes a copy of a backup as a new clinic; the files stay encrypted when downloaded.`}
        actions={
          <ButtonLink variant="ghost" href="/super/backups">
            All clinics
          </ButtonLink>
        }
      />
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Back up now</CardTitle>
            <CardDescription>
              A consistent, encrypted copy of the clinic&apos;s database; the clinic keeps working.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <BackupNowButton
              target={{ clinicId: clinic.id, name: clinic.name, by: "super" }}
              activeJobId={job?.kind === "backup-clinic" ? job.id : null}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Upload a backup</CardTitle>
            <CardDescription>
              A file of this clinic downloaded earlier. It is checked in full (its encryption, every part of
              it, and that it restores as this clinic) before it joins the list.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <BackupUploadForm clinic={identity} maxMegabytes={Math.round(uploadMaxBytes() / 1024 / 1024)} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Database server</CardTitle>
            <CardDescription>
              On server <strong>{serverName}</strong>.{" "}
              {move.preview?.method === "backup"
                ? "This server cannot copy the clinic while it keeps working, so moving pauses the clinic for the whole copy."
                : "Moving copies the clinic to another server while it keeps working, then switches over in a moment."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <MoveClinicButton
              clinic={{ ...identity, serverName }}
              targets={move.servers}
              preview={move.preview}
              activeJobId={job?.kind === "move-clinic" ? job.id : null}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Restore to a moment</CardTitle>
            <CardDescription>{moment.sentence}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {moment.operatorDetail ? (
              <Notice tone={moment.stalled ? "error" : pitr.status?.stanza ? "warning" : "info"}>
                {moment.operatorDetail}
              </Notice>
            ) : null}
            {pitr.status?.stanza ? (
              <RestoreToMomentButton
                clinic={identity}
                view={moment}
                keepHours={keepHours}
                activeJobId={job?.kind === "pitr-restore-clinic" ? job.id : null}
              />
            ) : null}
          </CardContent>
        </Card>
      </div>
      <BackupList
        clinic={identity}
        backups={backups}
        canRestore
        keepHours={keepHours}
        activeRestoreJobId={job?.kind === "restore-clinic" ? job.id : null}
        rootDomain={getRootDomain()}
      />
    </>
  );
}
