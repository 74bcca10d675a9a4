import { z } from "zod";

export const ALLERGY_CATEGORIES = ["DRUG", "FOOD", "ENVIRONMENT"] as const;
export const ALLERGY_STATUSES = ["ACTIVE", "INACTIVE", "RESOLVED"] as const;
export const ALLERGY_VERIFICATIONS = ["CONFIRMED", "UNCONFIRMED", "REFUTED", "ENTERED_IN_ERROR"] as const;
export const REACTION_SEVERITIES = ["MILD", "MODERATE", "SEVERE"] as const;

export const ALLERGY_CATEGORY_LABELS = { DRUG: "Drug", FOOD: "Food", ENVIRONMENT: "Environment" } as const;
export const ALLERGY_STATUS_LABELS = {
  ACTIVE: "Active",
  INACTIVE: "Inactive",
  RESOLVED: "Resolved",
} as const;
export const ALLERGY_VERIFICATION_LABELS = {
  CONFIRMED: "Confirmed",
  UNCONFIRMED: "Unconfirmed",
  REFUTED: "Refuted",
  ENTERED_IN_ERROR: "Entered in error",
} as const;
export const SEVERITY_LABELS = { MILD: "Mild", MODERATE: "Moderate", SEVERE: "Severe" } as const;

/** Whether YYYY, YYYY-MM or YYYY-MM-DD names a real day, month or year from 1900 up to today. */
function isPastPartialDate(value: string): boolean {
  const [year, month = 1, day = 1] = value.split("-").map(Number);
  if (year === undefined || year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && date.getTime() <= Date.now();
}

/** When something began, as precise as known: 2019, 2019-04 or 2019-04-12 (empty: unknown). */
export const onsetSchema = z
  .string()
  .trim()
  .max(10)
  .refine(
    (value) => value === "" || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value),
    "Write the onset as a year (2019), a month (2019-04) or a day (2019-04-12).",
  )
  .refine(
    (value) => value === "" || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) || isPastPartialDate(value),
    "The onset must be a real date between 1900 and today.",
  )
  .transform((value) => value || null)
  .nullish();

const optionalNote = z
  .string()
  .trim()
  .max(1000, "Keep the note under 1,000 characters.")
  .transform((value) => value || null)
  .nullish();

export const reactionSchema = z.object({
  manifestation: z
    .string()
    .trim()
    .min(1, "Describe the reaction, e.g. hives.")
    .max(200, "Keep the reaction under 200 characters."),
  severity: z.enum(REACTION_SEVERITIES, "Choose how severe the reaction was."),
});

export const recordAllergySchema = z.object({
  patientId: z.uuid("Choose a patient."),
  substance: z
    .string()
    .trim()
    .min(1, "Enter the substance, e.g. penicillin.")
    .max(200, "Keep the substance under 200 characters."),
  category: z.enum(ALLERGY_CATEGORIES, "Choose drug, food or environment."),
  reactions: z.array(reactionSchema).max(10, "Record at most 10 reactions.").default([]),
  status: z.enum(ALLERGY_STATUSES, "Choose active, inactive or resolved.").default("ACTIVE"),
  verification: z
    .enum(["CONFIRMED", "UNCONFIRMED", "REFUTED"], "Choose confirmed, unconfirmed or refuted.")
    .default("UNCONFIRMED"),
  onset: onsetSchema,
  note: optionalNote,
});
export type RecordAllergyInput = z.output<typeof recordAllergySchema>;

/** A change of an allergy's status or verification; marking it entered in error needs the reason. */
export const updateAllergySchema = z
  .object({
    allergyId: z.uuid("Choose an allergy."),
    status: z.enum(ALLERGY_STATUSES, "Choose active, inactive or resolved."),
    verification: z.enum(ALLERGY_VERIFICATIONS, "Choose how sure the allergy is."),
    reason: z
      .string()
      .trim()
      .max(500, "Keep the reason under 500 characters.")
      .transform((value) => value || null)
      .nullish(),
  })
  .refine((input) => input.verification !== "ENTERED_IN_ERROR" || Boolean(input.reason), {
    path: ["reason"],
    message: "Say why this allergy was entered in error, e.g. recorded on the wrong patient.",
  });
export type UpdateAllergyInput = z.output<typeof updateAllergySchema>;

export const noKnownAllergiesSchema = z.object({ patientId: z.uuid("Choose a patient.") });
