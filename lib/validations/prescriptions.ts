import { z } from "zod";

export const DOSE_FREQUENCIES = [
  "ONCE_DAILY",
  "TWICE_DAILY",
  "THREE_TIMES_DAILY",
  "FOUR_TIMES_DAILY",
  "EVERY_N_HOURS",
  "AT_NIGHT",
  "ONCE_WEEKLY",
  "EVERY_OTHER_DAY",
  "SINGLE_DOSE",
  "AS_NEEDED",
] as const;
export type DoseFrequencyCode = (typeof DOSE_FREQUENCIES)[number];

/** What the frequency picker shows. */
export const FREQUENCY_LABELS: Record<DoseFrequencyCode, string> = {
  ONCE_DAILY: "Once daily",
  TWICE_DAILY: "Twice daily",
  THREE_TIMES_DAILY: "Three times daily",
  FOUR_TIMES_DAILY: "Four times daily",
  EVERY_N_HOURS: "Every … hours",
  AT_NIGHT: "At night",
  ONCE_WEEKLY: "Once weekly on …",
  EVERY_OTHER_DAY: "Every other day",
  SINGLE_DOSE: "Single dose",
  AS_NEEDED: "As needed",
};

export const DURATION_UNITS = ["DAY", "WEEK", "MONTH"] as const;
export type DurationUnitCode = (typeof DURATION_UNITS)[number];

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A positive decimal as written ("0.5", "28"), kept as text so it prints exactly as typed. */
const positiveAmount = (what: string) =>
  z
    .string(`Enter the ${what}.`)
    .trim()
    .min(1, `Enter the ${what}.`)
    .regex(/^\d{1,6}(\.\d{1,3})?$/, `Write the ${what} as a number, e.g. 2 or 0.5.`)
    .refine((value) => Number(value) > 0, `The ${what} must be more than 0.`);

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);
const optionalText = (max: number, tooLong: string) =>
  text(max, tooLong)
    .transform((value) => value || null)
    .nullish();
const optionalCount = (max: number, message: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce.number(message).int(message).min(1, message).max(max, message).nullable(),
  );

/**
 * One medication line of a prescription, as the doctor's form and the server parse it. The rules
 * that tie fields together (a unit with every amount, a weekday for weekly, an indication for "as
 * needed") are field messages, so a line is never saved half-understood.
 */
export const prescriptionLineSchema = z
  .object({
    medicationName: text(200, "Keep the medication name under 200 characters.").min(
      1,
      "Enter the medication, e.g. amoxicillin.",
    ),
    strength: optionalText(60, "Keep the strength under 60 characters, e.g. 500 mg."),
    doseForm: optionalText(60, "Keep the form under 60 characters, e.g. capsule."),
    route: optionalText(60, "Keep the route under 60 characters, e.g. by mouth."),
    doseAmount: positiveAmount("dose"),
    doseUnit: text(40, "Keep the dose unit under 40 characters.").min(
      1,
      "Enter the dose's unit, e.g. tablet or ml.",
    ),
    frequency: z.enum(DOSE_FREQUENCIES, "Choose how often it is taken."),
    everyHours: optionalCount(72, "Enter the hours between doses, from 1 to 72."),
    weekday: z.preprocess(
      (value) => (value === "" || value === undefined ? null : value),
      z.coerce.number().int().min(0).max(6).nullable(),
    ),
    asNeededFor: optionalText(200, "Keep the indication under 200 characters."),
    durationValue: optionalCount(3650, "Enter the duration as a whole number from 1."),
    durationUnit: z.preprocess(
      (value) => (value === "" || value === undefined ? null : value),
      z.enum(DURATION_UNITS, "Choose days, weeks or months.").nullable(),
    ),
    quantity: positiveAmount("quantity"),
    quantityUnit: text(40, "Keep the quantity unit under 40 characters.").min(
      1,
      "Enter what the quantity counts, e.g. tablets.",
    ),
    refills: z.coerce
      .number("Enter the number of refills.")
      .int("Enter the number of refills as a whole number.")
      .min(0, "Refills cannot be negative.")
      .max(12, "At most 12 refills."),
    instructions: optionalText(500, "Keep the instructions under 500 characters."),
    /** Controlled drugs are out of scope: a line marked as one is refused, never saved. */
    controlled: z.boolean().default(false),
  })
  .superRefine((line, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: "custom", path: [path], message });
    if (line.controlled)
      issue(
        "controlled",
        "Controlled drugs cannot be prescribed here yet: write this one on your controlled-drug prescription pad.",
      );
    if (line.frequency === "EVERY_N_HOURS" && line.everyHours == null)
      issue("everyHours", "Enter the hours between doses, from 1 to 72.");
    if (line.frequency === "ONCE_WEEKLY" && line.weekday == null)
      issue("weekday", "Choose the day of the week it is taken.");
    if (line.frequency === "AS_NEEDED" && !line.asNeededFor)
      issue("asNeededFor", "Say what it is taken for when needed, e.g. pain.");
    if (line.durationValue != null && line.durationUnit == null)
      issue("durationUnit", "Choose days, weeks or months for the duration.");
    if (line.durationUnit != null && line.durationValue == null)
      issue("durationValue", "Enter how many for the duration, or clear its unit.");
  })
  .transform(({ controlled: _controlled, ...line }) => ({
    ...line,
    everyHours: line.frequency === "EVERY_N_HOURS" ? line.everyHours : null,
    weekday: line.frequency === "ONCE_WEEKLY" ? line.weekday : null,
  }));

export type PrescriptionLineInput = z.input<typeof prescriptionLineSchema>;
export type PrescriptionLineValues = z.output<typeof prescriptionLineSchema>;

export const prescriptionLinesSchema = z
  .array(prescriptionLineSchema)
  .min(1, "Add at least one medication.")
  .max(12, "At most 12 medications on one prescription.");
