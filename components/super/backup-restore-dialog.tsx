"use client";

import { restoreClinicAction } from "@/lib/actions/backups/restore-clinic";
import type { BackupRow } from "@/lib/backups/console-queries";
import { restoreClinicSchema } from "@/lib/validations/backups";
import { ConfirmByTypingField } from "../ui/confirm-by-typing-field";
import { Dialog } from "../ui/dialog";
import { FormActions } from "../ui/form-actions";
import { useActionForm } from "../ui/use-action-form";
import { formatDateTime } from "./format";

/** Restoring replaces the clinic's data: the dialog says what happens, and the subdomain must be typed. */
export function BackupRestoreDialog({
  clinic,
  backup,
  keepHours,
  onStarted,
  onClose,
}: {
  clinic: { id: string; name: string; subdomain: string };
  backup: BackupRow;
  keepHours: number;
  onStarted: (jobId: string) => void;
  onClose: () => void;
}) {
  const { form, field, submit, pending } = useActionForm({
    schema: restoreClinicSchema,
    action: restoreClinicAction,
    defaultValues: { clinicId: clinic.id, backupId: backup.id, confirmation: "" },
    message: { field: "confirmation" },
    refresh: false,
    onSuccess: (started) => {
      onStarted(started.jobId);
      onClose();
    },
  });
  const confirmed = form.watch("confirmation").trim() === clinic.subdomain;
  return (
    <Dialog open onClose={onClose} title={`Restore ${clinic.name}?`}>
      <div className="flex flex-col gap-3 text-sm text-slate-700">
        <p>
          {clinic.name}&apos;s data goes back to the backup of{" "}
          <strong>{formatDateTime(backup.startedAt)}</strong>. Everything entered since then (patients,
          appointments, notes, invoices) is no longer in the clinic.
        </p>
        <p>
          The backup is checked and loaded into a new database first while the clinic keeps working. Then the
          clinic is <strong>briefly suspended</strong> (usually under a few seconds: staff may see one request
          fail and retry) while the databases are swapped.
        </p>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          The clinic&apos;s current database is kept aside for {keepHours} hours as an undo, then dropped. A
          problem found before the swap leaves the clinic exactly as it is.
        </p>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <ConfirmByTypingField expected={clinic.subdomain} {...field("confirmation")} />
        <FormActions
          pending={pending}
          submitLabel="Restore this backup"
          pendingLabel="Starting…"
          danger
          disabled={!confirmed}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
