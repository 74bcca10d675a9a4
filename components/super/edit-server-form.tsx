"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { updateDatabaseServerSchema } from "@/lib/validations/super";
import type { ServerAction } from "./action-types";
import { Notice } from "./notice";

type UpdateServerInput = z.input<typeof updateDatabaseServerSchema>;

const STATUS_OPTIONS = [
  { value: "ACTIVE", label: "Active: takes new clinics" },
  { value: "DRAINING", label: "Draining: keeps its clinics, takes no new ones" },
  { value: "OFFLINE", label: "Offline: skipped by rollouts and size checks" },
] as const;

export function EditServerForm({
  server,
  action,
  onSaved,
  onCancel,
}: {
  server: {
    id: string;
    name: string;
    capacity: number;
    status: UpdateServerInput["status"];
    clinics: number;
  };
  action: ServerAction<void>;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<UpdateServerInput>({
    resolver: zodResolver(updateDatabaseServerSchema),
    defaultValues: { serverId: server.id, capacity: server.capacity, status: server.status },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await action(values);
      if (result.ok) return onSaved();
      for (const [field, message] of Object.entries(result.error.fields ?? {}))
        form.setError(field as keyof UpdateServerInput, { message });
      setError(result.error.message);
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Capacity"
        type="number"
        inputMode="numeric"
        hint={`It holds ${server.clinics} clinic${server.clinics === 1 ? "" : "s"} now; a lower capacity moves none of them.`}
        error={errors.capacity?.message}
        {...form.register("capacity", { valueAsNumber: true })}
      />
      <SelectField
        label="Status"
        options={STATUS_OPTIONS}
        error={errors.status?.message}
        {...form.register("status")}
      />
      {error ? <Notice>{error}</Notice> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
