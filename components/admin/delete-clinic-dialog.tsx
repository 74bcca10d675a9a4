"use client";

import { deleteClinicAction } from "@/lib/actions/admin/delete-clinic";
import { deleteClinicSchema } from "@/lib/validations/admin";
import { ConfirmByTypingField } from "../ui/confirm-by-typing-field";
import { Dialog } from "../ui/dialog";
import { FormActions } from "../ui/form-actions";
import { useActionForm } from "../ui/use-action-form";

/** Deleting is for good: the person types the subdomain, and the server checks it again. */
export function DeleteClinicDialog({
  clinic,
  address,
  reservationDays,
  onClose,
}: {
  clinic: { id: string; name: string; subdomain: string };
  address: string;
  reservationDays: number;
  onClose: () => void;
}) {
  const { form, field, submit, pending } = useActionForm({
    schema: deleteClinicSchema,
    action: deleteClinicAction,
    defaultValues: { clinicId: clinic.id, confirmation: "" },
    message: { field: "confirmation" },
    success: () => `${clinic.name} was deleted.`,
    onSuccess: onClose,
  });
  const confirmed = form.watch("confirmation").trim() === clinic.subdomain;

  return (
    <Dialog open onClose={onClose} title={`Delete ${clinic.name}?`}>
      <div className="flex flex-col gap-3 text-sm text-slate-700">
        <p>
          This <strong>drops the clinic&apos;s database</strong>: every patient, appointment and staff account
          in it is gone, and its staff can no longer sign in.
        </p>
        <p>
          First the platform takes a final encrypted backup of the database. If that backup fails, nothing is
          deleted and the clinic stays as it is.
        </p>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          That backup is kept for {reservationDays} days, then removed. This console cannot bring the clinic
          back: for you, deleting is final.
        </p>
        <p>
          The address <span className="font-mono">{address}</span> stays reserved for {reservationDays} days;
          after that anyone can take it.
        </p>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <ConfirmByTypingField expected={clinic.subdomain} {...field("confirmation")} />
        <FormActions
          pending={pending}
          submitLabel="Delete clinic"
          pendingLabel="Deleting…"
          danger
          disabled={!confirmed}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
