"use client";

import { deleteClinicAction } from "@/lib/actions/admin/delete-clinic";
import { deleteClinicSchema } from "@/lib/validations/admin";
import { Dialog } from "../ui/dialog";
import { FormActions } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
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
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          The platform keeps no copy of the clinic&apos;s data, so this cannot be undone.
        </p>
        <p>
          The address <span className="font-mono">{address}</span> stays reserved for {reservationDays} days;
          after that anyone can take it.
        </p>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <TextField
          label={
            <>
              Type <span className="font-mono">{clinic.subdomain}</span> to confirm
            </>
          }
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...field("confirmation")}
        />
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
