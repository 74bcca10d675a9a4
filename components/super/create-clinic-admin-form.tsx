"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { createClinicAdminSchema } from "@/lib/validations/super";
import type { ServerAction } from "./action-types";
import { Notice } from "./notice";

type CreateClinicAdminInput = z.input<typeof createClinicAdminSchema>;
export type CreatedClinicAdmin = { id: string; email: string; temporaryPassword: string };

export function CreateClinicAdminForm({
  action,
  onCreated,
  onCancel,
}: {
  action: ServerAction<CreatedClinicAdmin>;
  onCreated: (created: CreatedClinicAdmin) => void;
  onCancel: () => void;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CreateClinicAdminInput>({
    resolver: zodResolver(createClinicAdminSchema),
    defaultValues: { name: "", email: "" },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await action(values);
      if (!result.ok) {
        for (const [field, message] of Object.entries(result.error.fields ?? {}))
          form.setError(field as keyof CreateClinicAdminInput, { message });
        setError(result.error.message);
        return;
      }
      onCreated(result.data);
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        hint="They sign in with it at the platform's address."
        error={errors.email?.message}
        {...form.register("email")}
      />
      {error ? <Notice>{error}</Notice> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create clinic admin"}
        </Button>
      </div>
    </form>
  );
}
