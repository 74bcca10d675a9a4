"use client";

import { removeFailedClinicAction } from "@/lib/actions/super/remove-failed-clinic";
import { RemoveFailedClinicConsequences } from "../admin/remove-failed-clinic-dialog";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useActionCall } from "../ui/use-action-call";

/** Any clinic whose set-up failed (Remove) or whose deletion stopped (Retry delete). */
export function RemoveFailedClinicDialog({
  clinic,
  reservationDays,
  onClose,
}: {
  clinic: { id: string; name: string; subdomain: string; status: string; neverActive: boolean };
  reservationDays: number;
  onClose: () => void;
}) {
  const failedSetUp = clinic.status === "FAILED";
  const remove = useActionCall(removeFailedClinicAction, {
    message: "inline",
    success: () => (failedSetUp ? `${clinic.name} was removed.` : `${clinic.name} was deleted.`),
    onSuccess: onClose,
  });
  return (
    <ConfirmDialog
      title={failedSetUp ? `Remove ${clinic.name}?` : `Finish deleting ${clinic.name}?`}
      confirmLabel={failedSetUp ? "Remove clinic" : "Retry delete"}
      pendingLabel={failedSetUp ? "Removing…" : "Deleting…"}
      danger
      pending={remove.pending}
      error={remove.error}
      onConfirm={() => remove.call({ clinicId: clinic.id })}
      onClose={onClose}
    >
      <RemoveFailedClinicConsequences
        clinic={clinic}
        address={clinic.subdomain}
        reservationDays={reservationDays}
      />
    </ConfirmDialog>
  );
}
