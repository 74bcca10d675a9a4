"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { suspendClinicSchema } from "@/lib/validations/super";
import type { ServerAction } from "./action-types";
import { Notice } from "./notice";

type SuspendClinicInput = z.input<typeof suspendClinicSchema>;

export function SuspendClinicForm({
  clinic,
  action,
  onDone,
  onCancel,
}: {
  clinic: { id: string; name: string; subdomain: string };
  action: ServerAction<void>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SuspendClinicInput>({
    resolver: zodResolver(suspendClinicSchema),
    defaultValues: { clinicId: clinic.id, reason: "" },
  });

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await action(values);
      if (result.ok) return onDone();
      if (result.error.fields?.reason) form.setError("reason", { message: result.error.fields.reason });
      setError(result.error.message);
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        <strong>{clinic.name}</strong> ({clinic.subdomain}) stops at once: its database role can no longer log
        in, open connections are ended, and its pages say it is suspended until you resume it.
      </p>
      <TextField
        label="Reason"
        hint="Kept with the clinic and in the audit log."
        error={form.formState.errors.reason?.message}
        {...form.register("reason")}
      />
      {error ? <Notice>{error}</Notice> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Suspending…" : "Suspend clinic"}
        </Button>
      </div>
    </form>
  );
}
