"use client";

import { updateBackupScheduleAction } from "@/lib/actions/backups/update-backup-schedule";
import { type BackupScheduleInput, backupScheduleSchema } from "@/lib/validations/backup-schedule";
import { SubmitButton } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
import { Notice } from "../ui/notice";
import { useActionForm } from "../ui/use-action-form";

/** The backup hour, retention, the verified-backup age limit and the drills a day; saved and audited. */
export function BackupScheduleForm({ settings }: { settings: BackupScheduleInput }) {
  const { field, submit, pending, formError } = useActionForm({
    schema: backupScheduleSchema,
    action: updateBackupScheduleAction,
    defaultValues: settings,
    message: "inline",
    success: () => "Backup schedule saved.",
  });
  const number = { type: "number", inputMode: "numeric" } as const;

  return (
    <form onSubmit={submit} noValidate className="flex max-w-xl flex-col gap-4">
      <TextField
        label="Backup hour (0–23)"
        hint="Each clinic is backed up once a day during this hour of its own time zone, at a minute of its own; the central database during this hour of the platform's time zone."
        {...number}
        {...field("backupHour", { valueAsNumber: true })}
      />
      <TextField
        label="Daily backups kept"
        hint="The newest scheduled backups kept, one a day."
        {...number}
        {...field("backupKeepDaily", { valueAsNumber: true })}
      />
      <TextField
        label="Weekly backups kept"
        hint="Besides the daily ones: the newest backup of each of this many weeks. Backups taken by hand are kept as long."
        {...number}
        {...field("backupKeepWeekly", { valueAsNumber: true })}
      />
      <TextField
        label="Flag a clinic when its last verified backup is older than (hours)"
        {...number}
        {...field("backupMaxAgeHours", { valueAsNumber: true })}
      />
      <TextField
        label="Restore drills a day"
        hint="Backups restored into a scratch database and checked against their manifests each night, the least recently verified first. 0 turns drills off."
        {...number}
        {...field("drillSampleSize", { valueAsNumber: true })}
      />
      {formError ? <Notice>{formError}</Notice> : null}
      <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
        Save schedule
      </SubmitButton>
    </form>
  );
}
