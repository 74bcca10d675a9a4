"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ActionData } from "@/lib/action-pipeline/result";
import { createClinicAction } from "@/lib/actions/admin/create-clinic";
import { type CreateClinicValues, createClinicSchema } from "@/lib/validations/admin";
import { SubmitButton } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
import { SelectField } from "../ui/select";
import { useActionForm } from "../ui/use-action-form";
import { ProvisioningPanel } from "./provisioning-panel";
import { SubdomainField } from "./subdomain-field";
import { clinicProgressKey } from "./use-clinic-progress";

type Created = { clinic: ActionData<typeof createClinicAction>; values: CreateClinicValues };

/**
 * The new-clinic form. Submitting claims the subdomain at once (a taken one is refused here) and
 * then follows the database's set-up step by step; a failed set-up can be retried as it was.
 */
export function CreateClinicForm({
  rootDomain,
  timezones,
  currencies,
  defaults,
}: {
  rootDomain: string;
  timezones: string[];
  currencies: { value: string; label: string }[];
  defaults: { name: string; subdomain: string };
}) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Created | null>(null);
  const { form, field, run, submit, pending } = useActionForm({
    schema: createClinicSchema,
    action: createClinicAction,
    defaultValues: { ...defaults, locationName: "Main clinic", timezone: "UTC", currency: "USD" },
    refresh: false,
    onRefused: () => {
      setCreated(null);
      return false;
    },
    onSuccess: (clinic, values) => {
      // A retry keeps the clinic's id: forget the failed answer so polling starts afresh.
      queryClient.removeQueries({ queryKey: clinicProgressKey(clinic.id) });
      setCreated({ clinic, values });
    },
  });

  // The browser knows where the admin is; the server's render cannot, so this fills in after mount.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timezones.includes(zone) && !form.getFieldState("timezone").isDirty) form.setValue("timezone", zone);
  }, [timezones, form]);

  if (created) {
    return (
      <ProvisioningPanel
        clinic={created.clinic}
        retrying={pending}
        onRetry={() => run(created.values)}
        onEdit={() => setCreated(null)}
      />
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <TextField label="Clinic name" autoComplete="organization" {...field("name")} />
      <SubdomainField rootDomain={rootDomain} value={form.watch("subdomain")} {...field("subdomain")} />
      <TextField
        label="First location"
        hint="The clinic's first branch; you can add more inside the clinic."
        {...field("locationName")}
      />
      <SelectField
        label="Time zone"
        options={timezones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
        {...field("timezone")}
      />
      <SelectField
        label="Currency"
        hint="You can change it later in the clinic's settings."
        options={currencies}
        {...field("currency")}
      />
      <SubmitButton pending={pending} pendingLabel="Creating…" className="self-start">
        Create clinic
      </SubmitButton>
    </form>
  );
}
