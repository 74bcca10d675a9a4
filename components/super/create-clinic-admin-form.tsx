"use client";

import type { ActionData } from "@/lib/action-pipeline/result";
import { createClinicAdminAction } from "@/lib/actions/super/create-clinic-admin";
import { createClinicAdminSchema } from "@/lib/validations/super";
import { FormActions } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
import { Notice } from "../ui/notice";
import { useActionForm } from "../ui/use-action-form";

type CreatedClinicAdmin = ActionData<typeof createClinicAdminAction>;

export function CreateClinicAdminForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CreatedClinicAdmin) => void;
  onCancel: () => void;
}) {
  const { field, submit, pending, formError } = useActionForm({
    schema: createClinicAdminSchema,
    action: createClinicAdminAction,
    defaultValues: { name: "", email: "" },
    message: "inline",
    onSuccess: onCreated,
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Name" autoComplete="off" {...field("name")} />
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        hint="They sign in with it at the platform's address."
        {...field("email")}
      />
      {formError ? <Notice>{formError}</Notice> : null}
      <FormActions
        pending={pending}
        submitLabel="Create clinic admin"
        pendingLabel="Creating…"
        onCancel={onCancel}
      />
    </form>
  );
}
