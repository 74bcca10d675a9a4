"use client";

import type { z } from "zod";
import { updateDatabaseServerAction } from "@/lib/actions/super/update-database-server";
import { POOLER_DEFAULT_PORT, updateDatabaseServerSchema } from "@/lib/validations/super";
import { FormActions } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
import { Notice } from "../ui/notice";
import { SelectField } from "../ui/select";
import { useActionForm } from "../ui/use-action-form";

const STATUS_OPTIONS = [
  { value: "ACTIVE", label: "Active: takes new clinics" },
  { value: "DRAINING", label: "Draining: keeps its clinics, takes no new ones" },
  { value: "OFFLINE", label: "Offline: skipped by rollouts and size checks" },
] as const;

export function EditServerForm({
  server,
  onSaved,
  onCancel,
}: {
  server: {
    id: string;
    name: string;
    capacity: number;
    status: z.input<typeof updateDatabaseServerSchema>["status"];
    clinics: number;
    poolerHost: string | null;
    poolerPort: number | null;
    poolerAdminUser: string | null;
  };
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { field, submit, pending, formError } = useActionForm({
    schema: updateDatabaseServerSchema,
    action: updateDatabaseServerAction,
    defaultValues: {
      serverId: server.id,
      capacity: server.capacity,
      status: server.status,
      poolerHost: server.poolerHost ?? "",
      poolerPort: server.poolerPort ?? POOLER_DEFAULT_PORT,
      poolerAdminUser: server.poolerAdminUser ?? "",
      poolerAdminPassword: "",
    },
    message: "inline",
    success: () => `Server ${server.name} saved.`,
    onSuccess: onSaved,
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Capacity"
        type="number"
        inputMode="numeric"
        hint={`It holds ${server.clinics} clinic${server.clinics === 1 ? "" : "s"} now; a lower capacity moves none of them.`}
        {...field("capacity", { valueAsNumber: true })}
      />
      <SelectField label="Status" options={STATUS_OPTIONS} {...field("status")} />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <TextField
          label="PgBouncer host"
          autoComplete="off"
          hint="Clinic requests go through it (transaction mode); everything else connects directly. Leave empty for none. A new address is tested through one of the server's clinics."
          {...field("poolerHost")}
        />
        <TextField
          label="PgBouncer port"
          type="number"
          inputMode="numeric"
          {...field("poolerPort", { valueAsNumber: true })}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="PgBouncer console user"
          autoComplete="off"
          hint="A user in its admin_users: a restore pauses the clinic's database there for its swap, so requests wait instead of failing. Leave empty for none."
          {...field("poolerAdminUser")}
        />
        <TextField
          label="Console password"
          type="password"
          autoComplete="new-password"
          placeholder={server.poolerAdminUser ? "Unchanged" : undefined}
          hint={server.poolerAdminUser ? "Leave empty to keep the saved one." : undefined}
          {...field("poolerAdminPassword")}
        />
      </div>
      {formError ? <Notice>{formError}</Notice> : null}
      <FormActions pending={pending} submitLabel="Save" pendingLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
