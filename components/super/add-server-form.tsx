"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { addDatabaseServerSchema } from "@/lib/validations/super";
import type { ServerAction } from "./action-types";
import { Notice } from "./notice";

type AddServerInput = z.input<typeof addDatabaseServerSchema>;

/** The connection is tested before anything is saved; the password is stored encrypted and never shown again. */
export function AddServerForm({
  action,
  onAdded,
  onCancel,
}: {
  action: ServerAction<{ id: string }>;
  onAdded: () => void;
  onCancel: () => void;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<AddServerInput>({
    resolver: zodResolver(addDatabaseServerSchema),
    defaultValues: {
      name: "",
      host: "",
      port: 5432,
      adminUser: "postgres",
      adminPassword: "",
      capacity: 200,
    },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      setError(null);
      const result = await action(values);
      if (result.ok) return onAdded();
      for (const [field, message] of Object.entries(result.error.fields ?? {}))
        form.setError(field as keyof AddServerInput, { message });
      setError(result.error.message);
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Name"
        hint="Short and unique, e.g. eu-west-2."
        error={errors.name?.message}
        {...form.register("name")}
      />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <TextField label="Host" autoComplete="off" error={errors.host?.message} {...form.register("host")} />
        <TextField
          label="Port"
          type="number"
          inputMode="numeric"
          error={errors.port?.message}
          {...form.register("port", { valueAsNumber: true })}
        />
      </div>
      <TextField
        label="Admin user"
        autoComplete="off"
        hint="A superuser, or a role with CREATEDB and CREATEROLE."
        error={errors.adminUser?.message}
        {...form.register("adminUser")}
      />
      <TextField
        label="Admin password"
        type="password"
        autoComplete="new-password"
        hint="Stored encrypted; never shown again. Leave empty if the server trusts this host."
        error={errors.adminPassword?.message}
        {...form.register("adminPassword")}
      />
      <TextField
        label="Capacity"
        type="number"
        inputMode="numeric"
        hint="How many clinics it may hold."
        error={errors.capacity?.message}
        {...form.register("capacity", { valueAsNumber: true })}
      />
      {error ? <Notice>{error}</Notice> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Testing the connection…" : "Test and add server"}
        </Button>
      </div>
    </form>
  );
}
