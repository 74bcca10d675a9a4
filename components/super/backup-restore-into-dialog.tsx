"use client";

import { useState } from "react";
import { restoreIntoClinicAction } from "@/lib/actions/backups/restore-into-clinic";
import type { BackupRow } from "@/lib/backups/console-queries";
import { clinicOrigin } from "@/lib/config/root-domain";
import { copyName, restoreIntoClinicSchema } from "@/lib/validations/restore-into-clinic";
import { Button, ButtonLink } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { FormActions } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
import { useActionForm } from "../ui/use-action-form";
import { BackupJobPanel } from "./backup-job-panel";
import { formatDateTime } from "./format";
import { useBackupJob } from "./use-backup-job";

type Started = { jobId: string; clinicId: string; subdomain: string };
type Source = { id: string; name: string; subdomain: string };

/**
 * "Restore as a new clinic": a copy of one backup under a new subdomain (for training or an
 * investigation); the source clinic is not touched. The dialog follows the job's steps, then links
 * to the new clinic.
 */
export function BackupRestoreIntoDialog({
  clinic,
  backup,
  rootDomain,
  onClose,
}: {
  clinic: Source;
  backup: BackupRow;
  rootDomain: string;
  onClose: () => void;
}) {
  const [started, setStarted] = useState<Started | null>(null);
  return (
    <Dialog open onClose={onClose} title={`Restore ${clinic.name} as a new clinic`}>
      {started ? (
        <RestoreIntoProgress started={started} rootDomain={rootDomain} onClose={onClose} />
      ) : (
        <RestoreIntoForm
          clinic={clinic}
          backup={backup}
          rootDomain={rootDomain}
          onStarted={setStarted}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function RestoreIntoForm({
  clinic,
  backup,
  rootDomain,
  onStarted,
  onClose,
}: {
  clinic: Source;
  backup: BackupRow;
  rootDomain: string;
  onStarted: (started: Started) => void;
  onClose: () => void;
}) {
  const { form, field, submit, pending } = useActionForm({
    schema: restoreIntoClinicSchema,
    action: restoreIntoClinicAction,
    defaultValues: { clinicId: clinic.id, backupId: backup.id, subdomain: "", name: copyName(clinic.name) },
    message: { field: "subdomain" },
    refresh: false,
    onSuccess: onStarted,
  });
  const subdomain = form.watch("subdomain").trim();
  return (
    <>
      <div className="flex flex-col gap-3 text-sm text-slate-700">
        <p>
          A <strong>new clinic</strong> is made from the backup of{" "}
          <strong>{formatDateTime(backup.startedAt)}</strong>, with its own address, database and login, owned
          by {clinic.name}&apos;s clinic admin. {clinic.name} keeps working and is not changed.
        </p>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          The copy holds every patient record of the backup, and {clinic.name}&apos;s staff can sign in to it
          with their passwords. Delete it when the training or investigation is over.
        </p>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <TextField
          label="New subdomain"
          hint={`The copy's address: ${clinicOrigin(subdomain || "…", rootDomain)}`}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...field("subdomain")}
        />
        <TextField label="Name" autoComplete="off" {...field("name")} />
        <FormActions
          pending={pending}
          submitLabel="Restore as a new clinic"
          pendingLabel="Starting…"
          disabled={subdomain === ""}
          onCancel={onClose}
        />
      </form>
    </>
  );
}

function RestoreIntoProgress({
  started,
  rootDomain,
  onClose,
}: {
  started: Started;
  rootDomain: string;
  onClose: () => void;
}) {
  const job = useBackupJob(started.jobId).data;
  return (
    <div className="flex flex-col gap-4">
      <BackupJobPanel jobId={started.jobId} label={`Restoring into ${started.subdomain}`} />
      <div className="flex flex-wrap justify-end gap-2">
        {job?.state === "SUCCEEDED" ? (
          <>
            <ButtonLink variant="secondary" href={`/super/backups/${started.clinicId}`}>
              The copy&apos;s backups
            </ButtonLink>
            <ButtonLink href={clinicOrigin(started.subdomain, rootDomain)}>
              Open {started.subdomain}
            </ButtonLink>
          </>
        ) : null}
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}
