"use client";

import { removeFailedClinicAction } from "@/lib/actions/super/remove-failed-clinic";
import { RemoveStoppedClinicDialog } from "../admin/remove-failed-clinic-dialog";

/** Any clinic whose set-up failed or stopped (Remove) or whose deletion stopped (Retry delete). */
export function RemoveFailedClinicDialog({
  clinic,
  reservationDays,
  onClose,
}: {
  clinic: { id: string; name: string; subdomain: string; status: string; neverActive: boolean };
  reservationDays: number;
  onClose: () => void;
}) {
  return (
    <RemoveStoppedClinicDialog
      clinic={clinic}
      address={clinic.subdomain}
      reservationDays={reservationDays}
      onClose={onClose}
      action={removeFailedClinicAction}
    />
  );
}
