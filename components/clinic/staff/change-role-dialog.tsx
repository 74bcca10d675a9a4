"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { changeStaffRoleServerAction } from "@/lib/actions/staff/server-actions";
import { type ChangeStaffRoleInput, changeStaffRoleSchema, STAFF_ROLE_LABELS } from "@/lib/validations/staff";
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
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const form = useForm<ChangeStaffRoleInput>({
    resolver: zodResolver(changeStaffRoleSchema),
    defaultValues: { staffId: row.id, role: row.role },
  });

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await changeStaffRoleServerAction(values);
      if (!result.ok) {
        if (result.error.fields?.role) form.setError("role", { message: result.error.fields.role });
        toast(result.error.message, "error");
        return;
      }
      toast(`${row.name} is now ${STAFF_ROLE_LABELS[result.data.role].toLowerCase()}.`);
      onClose();
      router.refresh();
    }),
  );

  return (
    <Dialog open onClose={onClose} title={`Change the role of ${row.name}`}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">
          The new role applies to their very next click; they stay signed in.
        </p>
        <SelectField
          label="Role"
          options={assignableRoles(viewer).map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }))}
          error={form.formState.errors.role?.message}
          {...form.register("role")}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save role"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
