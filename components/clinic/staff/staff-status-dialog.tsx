"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionCall } from "@/components/ui/use-action-call";
import { deactivateStaffMemberAction } from "@/lib/actions/staff/deactivate-staff-member";
import { reactivateStaffMemberAction } from "@/lib/actions/staff/reactivate-staff-member";
import type { StaffRow } from "./staff-rules";

/** Confirms deactivating (which signs the person out everywhere at once) or reactivating an account. */
export function StaffStatusDialog({ row, onClose }: { row: StaffRow; onClose: () => void }) {
  const deactivating = row.active;
  const change = useActionCall(deactivating ? deactivateStaffMemberAction : reactivateStaffMemberAction, {
    success: () =>
      deactivating ? `${row.name} is deactivated and signed out.` : `${row.name} can sign in again.`,
    onSuccess: onClose,
  });
  return (
    <ConfirmDialog
      title={deactivating ? `Deactivate ${row.name}?` : `Reactivate ${row.name}?`}
      confirmLabel={deactivating ? "Deactivate" : "Reactivate"}
      pendingLabel="Saving…"
      danger={deactivating}
      pending={change.pending}
      onConfirm={() => change.call({ staffId: row.id })}
      onClose={onClose}
    >
      <p>
        {deactivating
          ? "They are signed out on every device at once and cannot sign in until reactivated. Their records and history stay."
          : "They can sign in again with the password they had."}
      </p>
    </ConfirmDialog>
  );
}
