"use client";

import { addDatabaseServerAction } from "@/lib/actions/super/add-database-server";
import { addDatabaseServerSchema } from "@/lib/validations/super";
import { FormActions } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
import { Notice } from "../ui/notice";
import { useActionForm } from "../ui/use-action-form";

/** The connection is tested before anything is saved; the password is stored encrypted and never shown again. */
export function AddServerForm({ onAdded, onCancel }: { onAdded: () => void; onCancel: () => void }) {
  const { field, submit, pending, formError } = useActionForm({
    schema: addDatabaseServerSchema,
    action: addDatabaseServerAction,
    defaultValues: {
      name: "",
      host: "",
      port: 5432,
      adminUser: "postgres",
      adminPassword: "",
      capacity: 200,
    },
    message: "inline",
    success: () => "Server added: the connection worked.",
    onSuccess: onAdded,
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Name" hint="Short and unique, e.g. eu-west-2." {...field("name")} />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <TextField label="Host" autoComplete="off" {...field("host")} />
        <TextField
          label="Port"
          type="number"
          inputMode="numeric"
          {...field("port", { valueAsNumber: true })}
        />
      </div>
      <TextField
        label="Admin user"
        autoComplete="off"
        hint="A superuser, or a role with CREATEDB and CREATEROLE."
        {...field("adminUser")}
      />
      <TextField
        label="Admin password"
        type="password"
        autoComplete="new-password"
        hint="Stored encrypted; never shown again. Leave empty if the server trusts this host."
        {...field("adminPassword")}
      />
      <TextField
        label="Capacity"
        type="number"
        inputMode="numeric"
        hint="How many clinics it may hold."
        {...field("capacity", { valueAsNumber: true })}
      />
      {formError ? <Notice>{formError}</Notice> : null}
      <FormActions
        pending={pending}
        submitLabel="Test and add server"
        pendingLabel="Testing the connection…"
        onCancel={onCancel}
      />
    </form>
  );
}
