"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { SubdomainAvailability } from "@/lib/admin/subdomain-availability";
import { type CreateClinicInput, type CreateClinicValues, createClinicSchema } from "@/lib/validations/admin";
import { Button } from "../ui/button";
import { TextField } from "../ui/form-field";
import { SelectField } from "../ui/select";
import { useToast } from "../ui/toast";
import { ProvisioningPanel } from "./provisioning-panel";
import type { ServerAction } from "./server-action";
import { SubdomainField } from "./subdomain-field";
import { clinicProgressKey } from "./use-clinic-progress";

export type CreatedClinic = { id: string; name: string; subdomain: string };

/**
 * The new-clinic form. Submitting claims the subdomain at once (a taken one is refused here) and
 * then follows the database's set-up step by step; a failed set-up can be retried as it was.
 */
export function CreateClinicForm({
  rootDomain,
  timezones,
  defaults,
  actions,
}: {
  rootDomain: string;
  timezones: string[];
  defaults: { name: string; subdomain: string };
  actions: {
    create: ServerAction<CreatedClinic>;
    check: ServerAction<SubdomainAvailability>;
    open: ServerAction<{ url: string }>;
  };
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<{ clinic: CreatedClinic; values: CreateClinicValues } | null>(null);
  const form = useForm<CreateClinicInput, unknown, CreateClinicValues>({
    resolver: zodResolver(createClinicSchema),
    defaultValues: { ...defaults, locationName: "Main clinic", timezone: "UTC" },
  });
  const errors = form.formState.errors;

  // The browser knows where the admin is; the server's render cannot, so this fills in after mount.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timezones.includes(zone) && !form.getFieldState("timezone").isDirty) form.setValue("timezone", zone);
  }, [timezones, form]);

  const create = (values: CreateClinicValues) =>
    startTransition(async () => {
      const result = await actions.create(values);
      if (!result.ok) {
        for (const [field, message] of Object.entries(result.error.fields ?? {}))
          form.setError(field as keyof CreateClinicInput, { message });
        toast(result.error.message, "error");
        setCreated(null);
        return;
      }
      // A retry keeps the clinic's id: forget the failed answer so polling starts afresh.
      queryClient.removeQueries({ queryKey: clinicProgressKey(result.data.id) });
      setCreated({ clinic: result.data, values });
    });

  if (created) {
    return (
      <ProvisioningPanel
        clinic={created.clinic}
        open={actions.open}
        retrying={pending}
        onRetry={() => create(created.values)}
        onEdit={() => setCreated(null)}
      />
    );
  }
  return (
    <form onSubmit={form.handleSubmit(create)} noValidate className="flex flex-col gap-5">
      <TextField
        label="Clinic name"
        autoComplete="organization"
        error={errors.name?.message}
        {...form.register("name")}
      />
      <SubdomainField
        rootDomain={rootDomain}
        check={actions.check}
        value={form.watch("subdomain")}
        error={errors.subdomain?.message}
        {...form.register("subdomain")}
      />
      <TextField
        label="First location"
        hint="The clinic's first branch; you can add more inside the clinic."
        error={errors.locationName?.message}
        {...form.register("locationName")}
      />
      <SelectField
        label="Time zone"
        error={errors.timezone?.message}
        options={timezones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
        {...form.register("timezone")}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? "Creating…" : "Create clinic"}
      </Button>
    </form>
  );
}
