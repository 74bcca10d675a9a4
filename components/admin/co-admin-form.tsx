"use client";

import { addCoAdminAction } from "@/lib/actions/admin/add-co-admin";
import { addCoAdminSchema } from "@/lib/validations/admin";
import { SubmitButton } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
import { useActionForm } from "../ui/use-action-form";

/** Adds a co-admin by the email they sign in to this console with. */
export function CoAdminForm({ clinicId }: { clinicId: string }) {
  const { form, field, submit, pending } = useActionForm({
    schema: addCoAdminSchema,
    action: addCoAdminAction,
    defaultValues: { clinicId, email: "" },
    message: { field: "email" },
    success: (added) => `${added.email} is now a co-admin.`,
    onSuccess: () => form.reset({ clinicId, email: "" }),
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <div className="flex-1">
        <TextField
          label="Email of a clinic admin"
          type="email"
          autoComplete="off"
          hint="They need a clinic-admin account already; a super admin creates those."
          {...field("email")}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Adding…" className="sm:mt-7">
        Add co-admin
      </SubmitButton>
    </form>
  );
}
