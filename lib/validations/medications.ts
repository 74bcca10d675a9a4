import { z } from "zod";

const reason = (example: string) =>
  z
    .string(`Say why, e.g. ${example}.`)
    .trim()
    .min(1, `Say why, e.g. ${example}.`)
    .max(500, "Keep the reason under 500 characters.");

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((value) => value || null)
    .nullish();

/** Whether YYYY, YYYY-MM or YYYY-MM-DD names a real year, month or day from 1900 up to today. */
function isPastPartialDate(value: string): boolean {
  const [year, month = 1, day = 1] = value.split("-").map(Number);
  if (year === undefined || year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && date.getTime() <= Date.now();
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Since when the patient takes it, as precise as they know: 2019, 2019-04 or 2019-04-12 (empty: unknown). */
const sinceSchema = z
  .string()
  .trim()
  .max(10, "Write since when as a year (2019), a month (2019-04) or a day (2019-04-12).")
  .refine(
    (value) => value === "" || PARTIAL_DATE.test(value),
    "Write since when as a year (2019), a month (2019-04) or a day (2019-04-12).",
  )
  .refine(
    (value) => value === "" || !PARTIAL_DATE.test(value) || isPastPartialDate(value),
    "Since when must be a real date between 1900 and today.",
  )
  .transform((value) => value || null)
  .nullish();

/** One prescribed line of the medication list (stop, complete, re-prescribe). */
export const medicationLineSchema = z.object({ lineId: z.uuid("Choose a medication.") });

export const stopMedicationSchema = medicationLineSchema.extend({
  reason: reason("side effects or no longer needed"),
});
export type StopMedicationInput = z.output<typeof stopMedicationSchema>;

/** A medicine the patient says they take, as they describe it (prescribed elsewhere or bought). */
export const recordReportedMedicationSchema = z.object({
  patientId: z.uuid("Choose a patient."),
  name: z
    .string("Enter the medicine, e.g. ibuprofen.")
    .trim()
    .min(1, "Enter the medicine, e.g. ibuprofen.")
    .max(200, "Keep the name under 200 characters."),
  dose: optionalText(100, "Keep the dose under 100 characters, e.g. 200 mg."),
  frequency: optionalText(100, "Keep how often under 100 characters, e.g. twice a day."),
  since: sinceSchema,
  note: optionalText(1000, "Keep the note under 1,000 characters."),
});
export type RecordReportedMedicationInput = z.output<typeof recordReportedMedicationSchema>;

/** Stopping a reported medication, or marking it entered in error: both need the reason. */
export const stopReportedMedicationSchema = z.object({
  reportedMedicationId: z.uuid("Choose a medication."),
  reason: reason("the patient no longer takes it"),
});
export const reportedMedicationEnteredInErrorSchema = z.object({
  reportedMedicationId: z.uuid("Choose a medication."),
  reason: reason("recorded on the wrong patient"),
});
export type EndReportedMedicationInput = z.output<typeof stopReportedMedicationSchema>;
