"use client";

import { updateBackupSettingsAction } from "@/lib/actions/backups/update-backup-settings";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";
import { CheckboxField } from "../ui/checkbox-field";
import { useActionCall } from "../ui/use-action-call";

/** Whether clinic admins may back up and download their own clinics (saved on each change). */
export function BackupSettingsToggle({ clinicAdminsMayBackup }: { clinicAdminsMayBackup: boolean }) {
  const save = useActionCall(updateBackupSettingsAction, {
    success: (saved) =>
      saved.clinicAdminsMayBackup
        ? "Clinic admins may now back up and download their own clinics."
        : "Only super admins back up clinics now.",
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Clinic admins</CardTitle>
        <CardDescription>
          Restoring and uploading stay with super admins. A downloaded file is encrypted with the
          platform&apos;s BACKUP_KEY: it can only be restored here.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <CheckboxField
          label="Clinic admins may back up their own clinics and download those backups"
          checked={clinicAdminsMayBackup}
          disabled={save.pending}
          onChange={(event) => save.call({ clinicAdminsMayBackup: event.currentTarget.checked })}
        />
      </CardContent>
    </Card>
  );
}
