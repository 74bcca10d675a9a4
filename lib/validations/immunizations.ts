import { z } from "zod";

/** Where on the body a vaccine went: the codes stored, the words shown. */
export const IMMUNIZATION_SITES = [
  { value: "LEFT_DELTOID", label: "Left upper arm (deltoid)" },
  { value: "RIGHT_DELTOID", label: "Right upper arm (deltoid)" },
  { value: "LEFT_THIGH", label: "Left thigh" },
  { value: "RIGHT_THIGH", label: "Right thigh" },
  { value: "LEFT_GLUTEAL", label: "Left buttock" },
  { value: "RIGHT_GLUTEAL", label: "Right buttock" },
  { value: "MOUTH", label: "Mouth" },
  { value: "NOSE", label: "Nose" },
  { value: "OTHER", label: "Other" },
] as const;

/** How it was given. */
export const IMMUNIZATION_ROUTES = [
  { value: "IM", label: "Into the muscle (intramuscular)" },
  { value: "SC", label: "Under the skin (subcutaneous)" },
  { value: "ID", label: "Into the skin (intradermal)" },
  { value: "PO", label: "By mouth (oral)" },
  { value: "IN", label: "Into the nose (intranasal)" },
] as const;

const codes = <T extends readonly { value: string }[]>(list: T) =>
  list.map((item) => item.value) as [T[number]["value"], ...T[number]["value"][]];

/** Blank is "not recorded" (null); it accepts its own output, since forms send parsed values. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((value) => value || null);

type SiteCode = (typeof IMMUNIZATION_SITES)[number]["value"];
type RouteCode = (typeof IMMUNIZATION_ROUTES)[number]["value"];

const siteSchema = z
  .enum(["", ...(codes(IMMUNIZATION_SITES) as SiteCode[])], "Choose where on the body it was given.")
  .nullish()
  .transform((value): SiteCode | null => value || null);

const routeSchema = z
  .enum(["", ...(codes(IMMUNIZATION_ROUTES) as RouteCode[])], "Choose how it was given.")
  .nullish()
  .transform((value): RouteCode | null => value || null);

const optionalId = (message: string) =>
  z
    .union([z.literal(""), z.uuid(message)])
    .nullish()
    .transform((value) => value || null);

const isoDate = (message: string) => z.iso.date(message).refine((value) => value >= "1900-01-01", message);

/** The latest calendar day anywhere on Earth (UTC+14): the action checks the clinic's own today. */
export function latestPossibleToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

export const recordImmunizationSchema = z
  .object({
    patientId: z.uuid("Choose a patient."),
    visitId: optionalId("Choose one of this patient's visits, or none."),
    vaccine: z
      .string()
      .trim()
      .min(1, "Enter the vaccine, e.g. Influenza or MMR.")
      .max(200, "Keep the vaccine's name under 200 characters."),
    doseNumber: z
      .union([z.literal(""), z.coerce.number("Enter the dose as a number, e.g. 1 or 2.")])
      .nullish()
      .transform((value) => (value === "" || value === undefined ? null : value))
      .refine(
        (value) => value === null || (Number.isInteger(value) && value >= 1 && value <= 20),
        "Enter the dose as a whole number from 1 to 20.",
      ),
    lotNumber: optionalText(60, "Keep the lot number under 60 characters."),
    expiryDate: z
      .union([z.literal(""), isoDate("Enter the expiry date as a real date, with a 4-digit year.")])
      .nullish()
      .transform((value) => value || null),
    site: siteSchema,
    route: routeSchema,
    givenOn: isoDate("Enter the date it was given, with a 4-digit year.").refine(
      (value) => value <= latestPossibleToday(),
      "The date given cannot be in the future.",
    ),
    givenById: optionalId("Choose who gave it."),
    givenByName: optionalText(200, "Keep the name under 200 characters."),
  })
  .superRefine((value, context) => {
    if (!value.givenById && !value.givenByName)
      context.addIssue({
        code: "custom",
        path: ["givenByName"],
        message: "Choose who gave it here, or write who gave it elsewhere.",
      });
    if (value.givenById && value.givenByName)
      context.addIssue({
        code: "custom",
        path: ["givenByName"],
        message: "Either choose a staff member here or write a name from elsewhere, not both.",
      });
    if (value.expiryDate && value.expiryDate < value.givenOn)
      context.addIssue({
        code: "custom",
        path: ["expiryDate"],
        message: "This expiry date is before the date given: check both dates.",
      });
  });

export type RecordImmunizationInput = z.output<typeof recordImmunizationSchema>;

export const markImmunizationEnteredInErrorSchema = z.object({
  immunizationId: z.uuid("Choose an immunization."),
  reason: z
    .string()
    .trim()
    .min(3, 'Say why it was entered in error, e.g. "wrong patient".')
    .max(500, "Keep the reason under 500 characters."),
});
