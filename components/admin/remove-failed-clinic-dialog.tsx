"use client";

import type { ActionResult } from "@/lib/action-pipeline/result";
import { removeFailedClinicAction } from "@/lib/actions/admin/remove-failed-clinic";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useActionCall } from "../ui/use-action-call";

type RemovableClinic = { id: string; name: string; status: string; neverActive: boolean };

/** Owner only: remove a failed set-up, or finish a deletion that stopped ("Retry delete"). */
export function RemoveFailedClinicDialog(props: {
  clinic: RemovableClinic;
  address: string;
  reservationDays: number;
  onClose: () => void;
}) {
  return <RemoveStoppedClinicDialog {...props} action={removeFailedClinicAction} />;
}

/**
 * The dialog both consoles use, each with its own action: Remove for a set-up that failed or
 * stopped, Retry delete for a deletion that stopped.
 */
export function RemoveStoppedClinicDialog({
  clinic,
  address,
  reservationDays,
  onClose,
  action,
}: {
  clinic: RemovableClinic;
  address: string;
  reservationDays: number;
  onClose: () => void;
  action: (input: { clinicId: string }) => Promise<ActionResult<unknown>>;
}) {
  const failedSetUp = clinic.status !== "DELETING";
  const remove = useActionCall(action, {
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

/** What removing a clinic whose set-up or deletion failed does, in both consoles' dialogs. */
function RemoveFailedClinicConsequences({
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
      {clinic.status !== "DELETING" ? (
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
