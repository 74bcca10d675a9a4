"use client";

import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { SelectField } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeStaffRoleAction } from "@/lib/actions/staff/change-staff-role";
import { changeStaffRoleSchema, STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { assignableRoles, type StaffRow, type StaffViewer } from "./staff-rules";

export function ChangeRoleDialog({
  row,
  viewer,
  onClose,
}: {
  row: StaffRow;
  viewer: StaffViewer;
  onClose: () => void;
}) {
  const { field, submit, pending } = useActionForm({
    schema: changeStaffRoleSchema,
    action: changeStaffRoleAction,
    defaultValues: { staffId: row.id, role: row.role },
    success: (changed) => `${row.name} is now ${STAFF_ROLE_LABELS[changed.role].toLowerCase()}.`,
    onSuccess: onClose,
  });

  return (
    <Dialog open onClose={onClose} title={`Change the role of ${row.name}`}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">
          The new role applies to their very next click; they stay signed in.
        </p>
        <SelectField
          label="Role"
          options={assignableRoles(viewer).map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }))}
          {...field("role")}
        />
        <FormActions pending={pending} submitLabel="Save role" pendingLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
