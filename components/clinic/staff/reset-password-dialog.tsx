"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useClinicTimeFormat } from "@/components/ui/clinic-clock";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { TemporaryPassword } from "@/components/ui/temporary-password";
import { useActionCall } from "@/components/ui/use-action-call";
import { resetStaffPasswordAction } from "@/lib/actions/staff/reset-staff-password";
import type { StaffRow } from "./staff-rules";

type Reset = { temporaryPassword: string; expiresAt: Date };

/** Confirms a password reset, then shows the temporary password once, with when it expires. */
export function ResetPasswordDialog({
  row,
  timezone,
  onClose,
}: {
  row: StaffRow;
  timezone: string;
  onClose: () => void;
}) {
  const [reset, setReset] = useState<Reset | null>(null);
  const format = useClinicTimeFormat(timezone);
  const call = useActionCall(resetStaffPasswordAction, {
    message: "inline",
    onSuccess: (data) =>
      setReset({ temporaryPassword: data.temporaryPassword, expiresAt: new Date(data.expiresAt) }),
  });
  if (reset)
    return (
      <Dialog open onClose={onClose} title={`New password for ${row.name}`}>
        <TemporaryPassword password={reset.temporaryPassword}>
          Give {row.name} ({row.email}) this temporary password in person or by phone. It is shown only now
          and works until {format.dateTime(reset.expiresAt)}; at their next sign-in they choose their own.
        </TemporaryPassword>
        <div className="flex justify-end">
          <Button onClick={onClose}>Done</Button>
        </div>
      </Dialog>
    );
  return (
    <ConfirmDialog
      title={`Reset ${row.name}'s password?`}
      confirmLabel="Reset password"
      pendingLabel="Resetting…"
      danger
      pending={call.pending}
      error={call.error}
      onConfirm={() => call.call({ staffId: row.id })}
      onClose={onClose}
    >
      <p>
        Their current password stops working and they are signed out on every device at once. You get a
        temporary password to give them; they choose a new one when they sign in.
      </p>
    </ConfirmDialog>
  );
}
