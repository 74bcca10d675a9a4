import { z } from "zod";

/** A sick note covers at most this many days: longer needs a review and a new note. */
export const SICK_NOTE_MAX_DAYS = 90;
/** A sick note may start at most this many days before it is written. */
export const SICK_NOTE_MAX_DAYS_BACK = 30;

export const REFERRAL_URGENCIES = ["ROUTINE", "SOON", "URGENT"] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

export const REFERRAL_URGENCY_LABELS: Record<ReferralUrgency, string> = {
  ROUTINE: "Routine",
  SOON: "Soon (within two weeks)",
  URGENT: "Urgent",
};

export const SICK_NOTE_MESSAGES = {
  toBeforeFrom: "The last day unfit is before the first: check both dates.",
  tooLong: `A sick note covers at most ${SICK_NOTE_MAX_DAYS} days: write a new note after a review.`,
  tooFarBack: `A sick note can start at most ${SICK_NOTE_MAX_DAYS_BACK} days before today: write what you saw from today.`,
} as const;

const DAY_MS = 86_400_000;

/** Days from one YYYY-MM-DD to another, counting both (the 1st to the 7th is 7 days). */
export function daysCovered(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** YYYY-MM-DD plus a number of days. */
export function isoDayPlus(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The earliest calendar day anywhere on Earth (UTC−12): the action checks the clinic's own today. */
export function earliestPossibleToday(now = new Date()): string {
  return new Date(now.getTime() - 12 * 3_600_000).toISOString().slice(0, 10);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isoDay = (message: string) => z.iso.date(message).refine((value) => value >= "1900-01-01", message);

/** Blank is "not given" (null); it accepts its own output, since forms send parsed values. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((value) => value || null);

const letterBody = (what: string) =>
  z
    .string()
    .trim()
    .min(20, `Write the ${what}'s text (it is filled from the template: fill in the fields above).`)
    .max(10_000, `Keep the ${what} under 10,000 characters.`);

export const writeSickNoteSchema = z
  .object({
    patientId: z.uuid("Choose a patient."),
    visitId: z.uuid("Choose a visit."),
    unfitFrom: isoDay("Enter the first day unfit for work as a date, with a 4-digit year."),
    unfitTo: isoDay("Enter the last day unfit for work as a date, with a 4-digit year."),
    condition: optionalText(200, "Keep the condition under 200 characters."),
    remarks: optionalText(500, "Keep the remarks under 500 characters."),
    body: letterBody("sick note"),
  })
  .superRefine((value, context) => {
    // zod runs this even when a date was refused: compare only two real dates.
    if (!ISO_DAY.test(value.unfitFrom) || !ISO_DAY.test(value.unfitTo)) return;
    if (value.unfitTo < value.unfitFrom)
      context.addIssue({ code: "custom", path: ["unfitTo"], message: SICK_NOTE_MESSAGES.toBeforeFrom });
    else if (daysCovered(value.unfitFrom, value.unfitTo) > SICK_NOTE_MAX_DAYS)
      context.addIssue({ code: "custom", path: ["unfitTo"], message: SICK_NOTE_MESSAGES.tooLong });
    // Lenient by the widest time zone; the action checks against the clinic's own today.
    if (value.unfitFrom < isoDayPlus(earliestPossibleToday(), -SICK_NOTE_MAX_DAYS_BACK))
      context.addIssue({ code: "custom", path: ["unfitFrom"], message: SICK_NOTE_MESSAGES.tooFarBack });
  });

export type WriteSickNoteInput = z.output<typeof writeSickNoteSchema>;

export const writeReferralLetterSchema = z.object({
  patientId: z.uuid("Choose a patient."),
  visitId: z.uuid("Choose a visit."),
  recipient: z
    .string()
    .trim()
    .min(2, "Write to whom: a colleague's name or a service, e.g. Cardiology clinic, City Hospital.")
    .max(200, "Keep the recipient under 200 characters."),
  recipientAddress: optionalText(500, "Keep the address under 500 characters."),
  urgency: z.enum(REFERRAL_URGENCIES, "Choose how urgent the referral is."),
  reason: z
    .string()
    .trim()
    .min(3, "Write the reason for the referral, e.g. chest pain on exertion.")
    .max(2000, "Keep the reason under 2,000 characters."),
  history: z.string().trim().max(5000, "Keep the relevant history under 5,000 characters."),
  body: letterBody("letter"),
});

export type WriteReferralLetterInput = z.output<typeof writeReferralLetterSchema>;
