"use client";

import { suspendClinicAction } from "@/lib/actions/admin/suspend-clinic";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useActionCall } from "../ui/use-action-call";

/** Suspending locks every staff member out at once, so it asks first; resuming does not. */
export function SuspendClinicDialog({
  clinic,
  onClose,
}: {
  clinic: { id: string; name: string };
  onClose: () => void;
}) {
  const suspend = useActionCall(suspendClinicAction, {
    success: () => `${clinic.name} is suspended.`,
    onSuccess: onClose,
  });
  return (
    <ConfirmDialog
      title={`Suspend ${clinic.name}?`}
      confirmLabel="Suspend clinic"
      pendingLabel="Suspending…"
      danger
      pending={suspend.pending}
      onConfirm={() => suspend.call({ clinicId: clinic.id })}
      onClose={onClose}
    >
      <p>Its staff are signed out and cannot use the clinic until you resume it. Nothing is deleted.</p>
    </ConfirmDialog>
  );
}
