"use client";

import { Card, CardContent } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateClinicSettingsAction } from "@/lib/actions/settings/update-clinic-settings";
import { type ClinicSettings, clinicSettingsSchema } from "@/lib/validations/clinic-settings";

// The form types blanks; the settings keep them as null.
const formValuesOf = (settings: ClinicSettings) => ({
  ...settings,
  contactEmail: settings.contactEmail ?? "",
  contactPhone: settings.contactPhone ?? "",
});

export function ClinicSettingsForm({
  settings,
  timeZones,
}: {
  settings: ClinicSettings;
  timeZones: string[];
}) {
  const { form, field, submit, pending } = useActionForm({
    schema: clinicSettingsSchema,
    action: updateClinicSettingsAction,
    defaultValues: formValuesOf(settings),
    success: () => "Settings saved.",
    onSuccess: (saved) => form.reset(formValuesOf(saved)),
  });

  return (
    <Card className="max-w-2xl">
      <CardContent className="pt-5">
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <TextField label="Clinic name" {...field("name")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Time zone"
              options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
              {...field("timezone")}
            />
            <TextField
              label="Currency"
              hint="3-letter currency code, e.g. EUR, GBP, USD."
              maxLength={3}
              autoCapitalize="characters"
              className="uppercase"
              {...field("currency")}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Contact email" type="email" hint="Optional." {...field("contactEmail")} />
            <TextField label="Contact phone" type="tel" hint="Optional." {...field("contactPhone")} />
          </div>
          <SubmitButton pending={pending} pendingLabel="Saving…" className="self-end">
            Save settings
          </SubmitButton>
        </form>
      </CardContent>
    </Card>
  );
}
