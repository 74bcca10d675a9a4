import { z } from "zod";
import { AppError } from "../errors";
import { currencySchema, isTimeZone } from "../validations/clinic-settings";
import { parseSubdomain } from "../validations/subdomain";

export const provisionClinicSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the clinic a name of at least 2 characters.")
    .max(100, "Keep the name under 100 characters."),
  subdomain: z.string().superRefine((value, context) => {
    const parsed = parseSubdomain(value);
    if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.message });
  }),
  ownerId: z.uuid("Choose the clinic admin who owns the clinic."),
  locationName: z.string().trim().min(2).max(100).default("Main clinic"),
  timezone: z
    .string()
    .refine(isTimeZone, "Choose a time zone from the list, e.g. Europe/Berlin.")
    .default("UTC"),
  currency: currencySchema.default("USD"),
});

export type ProvisionClinicInput = z.input<typeof provisionClinicSchema>;
export type ProvisionClinicRequest = z.output<typeof provisionClinicSchema>;

/** Parses a request to create a clinic, or throws AppError INVALID with a message per field. */
export function parseProvisionClinicInput(input: unknown): ProvisionClinicRequest {
  const result = provisionClinicSchema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  throw new AppError("INVALID", Object.values(fields)[0] ?? "The clinic details are not valid.", fields);
}
