"use client";

import { Card, CardContent } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateClinicSettingsAction } from "@/lib/actions/settings/update-clinic-settings";
import type { SavedClinicSettings } from "@/lib/clinic/settings";
import { COUNTRIES, COUNTRY_PROFILES } from "@/lib/documents/country-profiles";
import { clinicSettingsSchema } from "@/lib/validations/clinic-settings";

const DATE_ORDER_OPTIONS = [
  { value: "DMY", label: "Day first: 30/11/2026" },
  { value: "MDY", label: "Month first: 11/30/2026" },
  { value: "YMD", label: "Year first: 2026-11-30" },
];

const UNIT_SYSTEM_OPTIONS = [
  { value: "METRIC", label: "Metric: cm, kg, °C" },
  { value: "US", label: "US: in, lb, °F" },
];

const COUNTRY_OPTIONS = COUNTRIES.map((country) => ({
  value: country,
  label: COUNTRY_PROFILES[country].label,
}));

const PAPER_SIZE_OPTIONS = [
  { value: "A4", label: "A4 (210 × 297 mm)" },
  { value: "LETTER", label: "US Letter (8.5 × 11 in)" },
];

// The form types blanks; the settings keep them as null.
const formValuesOf = (settings: SavedClinicSettings) => ({
  ...settings,
  contactEmail: settings.contactEmail ?? "",
  contactPhone: settings.contactPhone ?? "",
  legalName: settings.legalName ?? "",
  legalAddress: settings.legalAddress ?? "",
  taxId: settings.taxId ?? "",
  noShowItemId: settings.noShowItemId ?? "",
});

export function ClinicSettingsForm({
  settings,
  timeZones,
  items,
}: {
  settings: SavedClinicSettings;
  timeZones: string[];
  /** The active price-list items, for the no-show charge. */
  items: { id: string; code: string; name: string }[];
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
              hint="3-letter currency code, e.g. EUR, GBP, USD. It cannot change once an invoice is issued."
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
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Dates"
              options={DATE_ORDER_OPTIONS}
              hint="How staff type and read dates, e.g. a date of birth."
              {...field("dateOrder")}
            />
            <div className="sm:pt-7">
              <CheckboxField label="12-hour clock (2:30 pm instead of 14:30)" {...field("hour12")} />
            </div>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Units for vitals"
              options={UNIT_SYSTEM_OPTIONS}
              hint="The units a vitals form starts with; each height, weight and temperature can switch."
              {...field("unitSystem")}
            />
            <TextField
              label="Largest document upload (MB)"
              type="number"
              inputMode="numeric"
              min={1}
              max={10}
              step={1}
              hint="From 1 to 10 megabytes."
              {...field("maxUploadMb")}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Prescription rules"
              options={COUNTRY_OPTIONS}
              hint="What a printed prescription must show: the UK and US need the patient's address and the prescriber's registration (GMC no. or NPI); the US also a phone number."
              {...field("country")}
            />
            <SelectField
              label="Paper size"
              options={PAPER_SIZE_OPTIONS}
              hint="For printed documents. A prescription or letter keeps the size it was signed with."
              {...field("paperSize")}
            />
          </div>
          <fieldset className="flex flex-col gap-4 border-t border-slate-200 pt-4">
            <legend className="pr-2 text-sm font-semibold text-slate-900">Billing</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="Legal name"
                hint="As invoices print it; blank: the clinic name."
                {...field("legalName")}
              />
              <TextField label="Tax ID" hint="Optional, e.g. a VAT number." {...field("taxId")} />
            </div>
            <TextAreaField
              label="Legal address"
              rows={3}
              hint="Printed on invoices."
              {...field("legalAddress")}
            />
            <CheckboxField
              label="Prices include tax"
              hint="Ticked: the price list's prices already contain the tax. Unticked: tax is added on top."
              {...field("pricesIncludeTax")}
            />
            <SelectField
              label="No-show charge"
              options={[
                { value: "", label: "No-shows are not charged" },
                ...items.map((item) => ({ value: item.id, label: `${item.code} · ${item.name}` })),
              ]}
              hint="The price-list item a no-show is charged with."
              {...field("noShowItemId")}
            />
          </fieldset>
          <SubmitButton pending={pending} pendingLabel="Saving…" className="self-end">
            Save settings
          </SubmitButton>
        </form>
      </CardContent>
    </Card>
  );
}
