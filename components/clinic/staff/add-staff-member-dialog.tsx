"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/form-field";
import { Input, Label } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { createStaffMemberServerAction } from "@/lib/actions/staff/server-actions";
import {
  type CreateStaffMemberInput,
  createStaffMemberSchema,
  STAFF_ROLE_LABELS,
} from "@/lib/validations/staff";
import { assignableRoles, type StaffViewer } from "./staff-rules";

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
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<{ name: string; email: string; temporaryPassword: string } | null>(
    null,
  );
  const form = useForm<CreateStaffMemberInput>({
    resolver: zodResolver(createStaffMemberSchema),
    defaultValues: { name: "", email: "", role: "RECEPTIONIST" },
  });
  const errors = form.formState.errors;

  const finish = () => {
    form.reset();
    setCreated(null);
    onClose();
  };

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await createStaffMemberServerAction(values);
      if (!result.ok) {
        for (const [field, message] of Object.entries(result.error.fields ?? {}))
          form.setError(field as keyof CreateStaffMemberInput, { message });
        toast(result.error.message, "error");
        return;
      }
      const { staff, temporaryPassword } = result.data;
      setCreated({ name: staff.name, email: staff.email, temporaryPassword });
      router.refresh();
    }),
  );

  return (
    <Dialog open={open} onClose={finish} title={created ? "Staff member added" : "Add a staff member"}>
      {created ? (
        <TemporaryPassword {...created} onDone={finish} />
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <TextField
            label="Name"
            autoComplete="off"
            error={errors.name?.message}
            {...form.register("name")}
          />
          <TextField
            label="Email"
            type="email"
            autoComplete="off"
            hint="They sign in with it at this clinic's address."
            error={errors.email?.message}
            {...form.register("email")}
          />
          <SelectField
            label="Role"
            options={assignableRoles(viewer).map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }))}
            error={errors.role?.message}
            {...form.register("role")}
          />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={finish}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Adding…" : "Add staff member"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function TemporaryPassword({
  name,
  email,
  temporaryPassword,
  onDone,
}: {
  name: string;
  email: string;
  temporaryPassword: string;
  onDone: () => void;
}) {
  const inputId = useId();
  const toast = useToast();
  const copy = () =>
    navigator.clipboard.writeText(temporaryPassword).then(
      () => toast("Temporary password copied."),
      () => toast("Copying is not allowed here: select the password and copy it by hand.", "error"),
    );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Give {name} ({email}) this temporary password. It is shown only now; at first sign-in they choose
        their own.
      </p>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={inputId}>Temporary password</Label>
        <div className="flex items-center gap-2">
          <Input
            id={inputId}
            readOnly
            value={temporaryPassword}
            onFocus={(event) => event.currentTarget.select()}
            className="font-mono text-lg tracking-wide"
          />
          <Button variant="secondary" onClick={copy}>
            Copy
          </Button>
        </div>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
