"use client";

import { disableClinicAdminAction } from "@/lib/actions/super/disable-clinic-admin";
import { enableClinicAdminAction } from "@/lib/actions/super/enable-clinic-admin";
import { resetClinicAdminPasswordAction } from "@/lib/actions/super/reset-clinic-admin-password";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useActionCall } from "../ui/use-action-call";

type Admin = { id: string; email: string; status: "ACTIVE" | "DISABLED" };

/** Disables an active clinic admin (signed out everywhere at once) or enables a disabled one. */
export function ClinicAdminStatusDialog({ admin, onClose }: { admin: Admin; onClose: () => void }) {
  const disabling = admin.status === "ACTIVE";
  const change = useActionCall(disabling ? disableClinicAdminAction : enableClinicAdminAction, {
    message: "inline",
    success: () => `${admin.email} is ${disabling ? "disabled" : "enabled"}.`,
    onSuccess: onClose,
  });
  return (
    <ConfirmDialog
      title={disabling ? "Disable this clinic admin?" : "Enable this clinic admin?"}
      confirmLabel={disabling ? "Disable" : "Enable"}
      danger={disabling}
      pending={change.pending}
      error={change.error}
      onConfirm={() => change.call({ userId: admin.id })}
      onClose={onClose}
    >
      <p>
        <strong>{admin.email}</strong>
      </p>
      {disabling ? (
        <p>
          They are signed out everywhere at once and cannot sign in until enabled. Their clinics keep working.
        </p>
      ) : (
        <p>They can sign in again with their current password.</p>
      )}
    </ConfirmDialog>
  );
}

/** A new temporary password for a clinic admin, handed to `onReset` to be shown once. */
export function ResetPasswordDialog({
  admin,
  onReset,
  onClose,
}: {
  admin: Admin;
  onReset: (reset: { email: string; temporaryPassword: string }) => void;
  onClose: () => void;
}) {
  const reset = useActionCall(resetClinicAdminPasswordAction, { message: "inline", onSuccess: onReset });
  return (
    <ConfirmDialog
      title="Reset this clinic admin's password?"
      confirmLabel="Reset password"
      danger
      pending={reset.pending}
      error={reset.error}
      onConfirm={() => reset.call({ userId: admin.id })}
      onClose={onClose}
    >
      <p>
        <strong>{admin.email}</strong>
      </p>
      <p>
        Their current password stops working and they are signed out everywhere. You get a new temporary
        password to give them; they must change it at first sign-in.
      </p>
    </ConfirmDialog>
  );
}
