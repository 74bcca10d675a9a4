"use client";

import { removeFailedClinicAction } from "@/lib/actions/admin/remove-failed-clinic";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useActionCall } from "../ui/use-action-call";

/** What removing a clinic whose set-up or deletion failed does, in both consoles' dialogs. */
export function RemoveFailedClinicConsequences({
  clinic,
  address,
  reservationDays,
}: {
  clinic: { name: string; status: string; neverActive: boolean };
  address: string;
  reservationDays: number;
}) {
  return (
    <>
      {clinic.status === "FAILED" ? (
        <p>
          Its set-up never finished, so <strong>{clinic.name}</strong> holds no patients, appointments or
          staff. What the set-up made on the database server is dropped.
        </p>
      ) : (
        <p>
          This finishes deleting <strong>{clinic.name}</strong>: its database and its database account are
          dropped.
        </p>
      )}
      {clinic.neverActive ? (
        <p>
          The address <span className="font-mono">{address}</span> is free again at once: you can use it for a
          new clinic.
        </p>
      ) : (
        <p>
          The address <span className="font-mono">{address}</span> stays reserved for {reservationDays} days;
          after that anyone can take it.
        </p>
      )}
    </>
  );
}

/** Owner only: remove a failed set-up, or finish a deletion that stopped ("Retry delete"). */
export function RemoveFailedClinicDialog({
  clinic,
  address,
  reservationDays,
  onClose,
}: {
  clinic: { id: string; name: string; status: string; neverActive: boolean };
  address: string;
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
      <RemoveFailedClinicConsequences clinic={clinic} address={address} reservationDays={reservationDays} />
    </ConfirmDialog>
  );
}
