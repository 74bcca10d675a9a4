"use client";

import { suspendClinicAction } from "@/lib/actions/super/suspend-clinic";
import { suspendClinicSchema } from "@/lib/validations/super";
import { FormActions } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
import { Notice } from "../ui/notice";
import { useActionForm } from "../ui/use-action-form";

export function SuspendClinicForm({
  clinic,
  onDone,
  onCancel,
}: {
  clinic: { id: string; name: string; subdomain: string };
  onDone: () => void;
  onCancel: () => void;
}) {
  const { field, submit, pending, formError } = useActionForm({
    schema: suspendClinicSchema,
    action: suspendClinicAction,
    defaultValues: { clinicId: clinic.id, reason: "" },
    message: "inline",
    success: () => `${clinic.name} is suspended.`,
    onSuccess: onDone,
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        <strong>{clinic.name}</strong> ({clinic.subdomain}) stops at once: its database role can no longer log
        in, open connections are ended, and its pages say it is suspended until you resume it.
      </p>
      <TextField
        label="Reason"
        hint="The clinic's staff see it on their suspended page; it is kept in the audit log too."
        {...field("reason")}
      />
      {formError ? <Notice>{formError}</Notice> : null}
      <FormActions
        pending={pending}
        submitLabel="Suspend clinic"
        pendingLabel="Suspending…"
        danger
        onCancel={onCancel}
      />
    </form>
  );
}
