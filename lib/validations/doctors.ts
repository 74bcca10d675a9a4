import { z } from "zod";
import { overlaps } from "../clinic/time-of-day";
import { intervalSchema, timeOfDaySchema } from "./locations";

const staffId = z.uuid("Choose a doctor.");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .transform((value) => value || null)
    .nullish();

export const doctorProfileSchema = z.object({
  doctorId: staffId,
  specialty: optionalText(100),
  licenceNumber: optionalText(50),
  calendarColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour like #0f766e.")
    .transform((value) => value.toLowerCase()),
  defaultSlotMinutes: z.coerce
    .number({ error: "Enter the slot length in minutes." })
    .int("Enter whole minutes.")
    .min(5, "A slot is at least 5 minutes.")
    .max(120, "A slot is at most 120 minutes."),
  /** The appointment type booking picks first for this doctor; blank = the clinic's default; left out, unchanged. */
  defaultTypeId: z
    .union([z.literal(""), z.null(), z.uuid("Choose an appointment type.")])
    .optional()
    .transform((value) => (value === "" ? null : value)),
});

export type DoctorProfileInput = z.output<typeof doctorProfileSchema>;
export type DoctorProfileFormValues = z.input<typeof doctorProfileSchema>;

const workingIntervalSchema = z
  .object({
    locationId: z.uuid("Choose a location."),
    weekday: z.coerce.number().int().min(0).max(6),
    start: timeOfDaySchema,
    end: timeOfDaySchema,
  })
  .refine((interval) => interval.end > interval.start, {
    path: ["end"],
    message: "The end must be after the start.",
  });

/**
 * A doctor's whole regular week, saved at once. A doctor is in one place at a time: intervals of
 * one weekday may not overlap, whatever their locations.
 */
export const weeklyScheduleSchema = z.object({
  doctorId: staffId,
  hours: z
    .array(workingIntervalSchema)
    .max(70, "At most 70 intervals a week.")
    .superRefine((hours, context) => {
      hours.forEach((interval, index) => {
        const clash = hours
          .slice(0, index)
          .find((earlier) => earlier.weekday === interval.weekday && overlaps(earlier, interval));
        if (clash)
          context.addIssue({
            code: "custom",
            path: [index, "start"],
            message: "This overlaps other hours that day. A doctor can be in one place at a time.",
          });
      });
    }),
});

export type WeeklyScheduleInput = z.output<typeof weeklyScheduleSchema>;
export type WeeklyScheduleFormValues = z.input<typeof weeklyScheduleSchema>;

const dateSchema = z.iso.date("Enter a date that exists, with a 4-digit year.");

/** Time off (the whole day, or some hours) or extra hours at a location, on one date. */
export const availabilityOverrideSchema = z.discriminatedUnion("kind", [
  z.object({
    doctorId: staffId,
    kind: z.literal("TIME_OFF"),
    date: dateSchema,
    /** No hours: the whole day off. */
    hours: intervalSchema.nullish(),
    reason: optionalText(200),
  }),
  z.object({
    doctorId: staffId,
    kind: z.literal("EXTRA_HOURS"),
    date: dateSchema,
    locationId: z.uuid("Choose a location."),
    hours: intervalSchema,
    reason: optionalText(200),
  }),
]);

export type AvailabilityOverrideInput = z.output<typeof availabilityOverrideSchema>;

export const overrideIdSchema = z.object({ overrideId: z.uuid("Choose an entry.") });

/**
 * The add-override form's fields, checked by the action's own schema: "the whole day" stands for
 * no hours, and time off has no location. Error paths are the action's (`hours.start`, `date`…).
 */
export const availabilityOverrideFormSchema = z
  .object({
    doctorId: z.string(),
    kind: z.enum(["TIME_OFF", "EXTRA_HOURS"]),
    date: z.string(),
    wholeDay: z.boolean(),
    hours: z.object({ start: z.string(), end: z.string() }),
    locationId: z.string(),
    reason: z.string(),
  })
  .transform(
    ({ wholeDay, locationId, kind, ...override }): z.input<typeof availabilityOverrideSchema> =>
      kind === "TIME_OFF"
        ? { ...override, kind, hours: wholeDay ? null : override.hours }
        : { ...override, kind, locationId },
  )
  .pipe(availabilityOverrideSchema);
