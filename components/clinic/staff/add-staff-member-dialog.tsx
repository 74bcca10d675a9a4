"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { TemporaryPassword } from "@/components/ui/temporary-password";
import { useActionForm } from "@/components/ui/use-action-form";
import { createStaffMemberAction } from "@/lib/actions/staff/create-staff-member";
import { createStaffMemberSchema, STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { assignableRoles, type StaffViewer } from "./staff-rules";

type Created = { name: string; email: string; temporaryPassword: string };

/** Adds a member, then shows their temporary password once: it is not stored anywhere readable. */
export function AddStaffMemberDialog({
  open,
  onClose,
  viewer,
}: {
  open: boolean;
  onClose: () => void;
  viewer: StaffViewer;
}) {
  const [created, setCreated] = useState<Created | null>(null);
  const { form, field, submit, pending } = useActionForm({
    schema: createStaffMemberSchema,
    action: createStaffMemberAction,
    defaultValues: { name: "", email: "", role: "RECEPTIONIST" },
    onSuccess: ({ staff, temporaryPassword }) =>
      setCreated({ name: staff.name, email: staff.email, temporaryPassword }),
  });

  const finish = () => {
    form.reset();
    setCreated(null);
    onClose();
  };

  return (
    <Dialog open={open} onClose={finish} title={created ? "Staff member added" : "Add a staff member"}>
      {created ? (
        <>
          <TemporaryPassword password={created.temporaryPassword}>
            Give {created.name} ({created.email}) this temporary password. It is shown only now; at first
            sign-in they choose their own.
          </TemporaryPassword>
          <div className="flex justify-end">
            <Button onClick={finish}>Done</Button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <TextField label="Name" autoComplete="off" {...field("name")} />
          <TextField
            label="Email"
            type="email"
            autoComplete="off"
            hint="They sign in with it at this clinic's address."
            {...field("email")}
          />
          <SelectField
            label="Role"
            options={assignableRoles(viewer).map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }))}
            {...field("role")}
          />
          <FormActions
            pending={pending}
            submitLabel="Add staff member"
            pendingLabel="Adding…"
            onCancel={finish}
          />
        </form>
      )}
    </Dialog>
  );
}
