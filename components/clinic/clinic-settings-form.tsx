"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { updateClinicSettingsServerAction } from "@/lib/actions/settings/server-actions";
import {
  type ClinicSettings,
  type ClinicSettingsInput,
  clinicSettingsSchema,
} from "@/lib/validations/clinic-settings";

export function ClinicSettingsForm({
  settings,
  timeZones,
}: {
  settings: ClinicSettings;
  timeZones: string[];
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const form = useForm<ClinicSettingsInput, unknown, ClinicSettings>({
    resolver: zodResolver(clinicSettingsSchema),
    defaultValues: {
      ...settings,
      contactEmail: settings.contactEmail ?? "",
      contactPhone: settings.contactPhone ?? "",
    },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await updateClinicSettingsServerAction(values);
      if (!result.ok) {
        for (const [field, message] of Object.entries(result.error.fields ?? {}))
          form.setError(field as keyof ClinicSettingsInput, { message });
        toast(result.error.message, "error");
        return;
      }
      const saved = result.data;
      form.reset({
        ...saved,
        contactEmail: saved.contactEmail ?? "",
        contactPhone: saved.contactPhone ?? "",
      });
      toast("Settings saved.");
      router.refresh();
    }),
  );

  return (
    <Card className="max-w-2xl">
      <CardContent className="pt-5">
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <TextField label="Clinic name" error={errors.name?.message} {...form.register("name")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Time zone"
              options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
              error={errors.timezone?.message}
              {...form.register("timezone")}
            />
            <TextField
              label="Currency"
              hint="3-letter ISO 4217 code, e.g. EUR, GBP, USD."
              maxLength={3}
              autoCapitalize="characters"
              className="uppercase"
              error={errors.currency?.message}
              {...form.register("currency")}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Contact email"
              type="email"
              hint="Optional."
              error={errors.contactEmail?.message}
              {...form.register("contactEmail")}
            />
            <TextField
              label="Contact phone"
              type="tel"
              hint="Optional."
              error={errors.contactPhone?.message}
              {...form.register("contactPhone")}
            />
          </div>
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save settings"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
