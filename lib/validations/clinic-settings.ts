import { z } from "zod";
import { DATE_ORDERS } from "../clinic/clock-input";
import { UNIT_SYSTEMS } from "../clinical/vital-units";
import { COUNTRIES, PAPER_SIZES } from "../documents/country-profiles";

// Computed where the schema runs (server and browser); "UTC" is valid but not in V8's list.
const timeZones = new Set(Intl.supportedValuesOf("timeZone"));
const currencies = new Set(Intl.supportedValuesOf("currency"));

export function isTimeZone(value: string): boolean {
  return value === "UTC" || timeZones.has(value);
}

/** The time zones a clinic may choose, for the settings form's picker. */
export function listTimeZones(): string[] {
  return ["UTC", ...timeZones];
}

/** The currencies a clinic may choose, as "EUR · Euro", for pickers. */
export function listCurrencies(locale = "en"): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "currency" });
  return [...currencies].map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}

/** A clinic's currency: one schema for the settings form and the new-clinic form. */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (value) => /^[A-Z]{3}$/.test(value) && currencies.has(value),
    "Use a 3-letter currency code, e.g. EUR or USD.",
  );

/**
 * An optional text field: blank means "none" and is stored as null. It accepts its own output
 * (null) too, since the form sends the values its resolver already parsed.
 */
const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .nullish()
    .transform((value) => value?.trim() || null)
    .pipe(z.union([z.null(), schema]));

export const clinicSettingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the clinic a name of at least 2 characters.")
    .max(100, "Keep the name under 100 characters."),
  timezone: z.string().refine(isTimeZone, "Choose a time zone from the list, e.g. Europe/Berlin."),
  currency: currencySchema,
  contactEmail: optional(
    z
      .string()
      .toLowerCase()
      .max(200, "Keep the email under 200 characters.")
      .pipe(z.email("Enter a valid email address, or leave it blank.")),
  ),
  contactPhone: optional(
    z
      .string()
      .regex(
        /^\+?[0-9 ()./-]{5,30}$/,
        "Enter a phone number of digits, spaces and + ( ) - . /, or leave it blank.",
      ),
  ),
  /** How dates and times are written and typed; left out, they stay as they are. */
  dateOrder: z.enum(DATE_ORDERS, "Choose how dates are written.").optional(),
  hour12: z.boolean().optional(),
  /** Vitals typed and charted in metric (cm, kg, °C) or US (in, lb, °F) units; left out, unchanged. */
  unitSystem: z.enum(UNIT_SYSTEMS, "Choose metric or US units for vitals.").optional(),
  /** Which country's rules printed prescriptions follow (lib/documents/country-profiles.ts); left out, unchanged. */
  country: z.enum(COUNTRIES, "Choose the country whose prescription rules the clinic follows.").optional(),
  /** The paper printed documents are laid out for; left out, unchanged. */
  paperSize: z.enum(PAPER_SIZES, "Choose A4 or US Letter.").optional(),
  /** The clinic's legal name, address and tax ID as invoices print them; left out, unchanged. */
  legalName: optional(z.string().max(200, "Keep the legal name under 200 characters.")).optional(),
  legalAddress: optional(z.string().max(500, "Keep the address under 500 characters.")).optional(),
  taxId: optional(z.string().max(50, "Keep the tax ID under 50 characters.")).optional(),
  /** Whether the price list's prices already include tax; left out, unchanged. */
  pricesIncludeTax: z.boolean().optional(),
  /** The price-list item a no-show is charged with; blank = no-shows are not charged; left out, unchanged. */
  noShowItemId: optional(z.uuid("Choose an item from the price list.")).optional(),
  /** The largest document upload, in whole megabytes (the platform's limit is 10). */
  maxUploadMb: z
    .union([z.string(), z.number()])
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === "") return undefined;
      const number = typeof value === "number" ? value : Number(value.trim());
      if (!Number.isInteger(number) || number < 1 || number > 10) {
        context.addIssue({ code: "custom", message: "Choose a whole number of megabytes from 1 to 10." });
        return z.NEVER;
      }
      return number;
    }),
});

export type ClinicSettingsInput = z.input<typeof clinicSettingsSchema>;
export type ClinicSettings = z.output<typeof clinicSettingsSchema>;
