import { z } from "zod";
import { type MinuteInterval, minutesOf, overlaps } from "../clinic/time-of-day";

const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * A time of day: "HH:MM" as a form types it, or minutes from midnight as the database keeps it.
 * Both parse to minutes, so a form can send the schema's own output back to the server unchanged.
 */
export const timeOfDaySchema = z.union([z.number(), z.string()]).transform((value, context) => {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 1440) return value;
  if (typeof value === "string" && TIME_OF_DAY.test(value)) return minutesOf(value);
  context.addIssue({ code: "custom", message: "Enter a time such as 9:30 or 14:00." });
  return z.NEVER;
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .transform((value) => value || null)
    .nullish();

export const intervalSchema = z
  .object({ start: timeOfDaySchema, end: timeOfDaySchema })
  .refine((interval) => interval.end > interval.start, {
    path: ["end"],
    message: "The end must be after the start.",
  });

/** One day's opening intervals; they may not overlap one another. */
const dayHoursSchema = z
  .array(intervalSchema)
  .max(4, "At most 4 opening intervals a day.")
  .superRefine((intervals, context) => {
    intervals.forEach((interval, index) => {
      if (intervals.slice(0, index).some((earlier) => overlaps(earlier, interval)))
        context.addIssue({
          code: "custom",
          path: [index, "start"],
          message: "This overlaps another interval.",
        });
    });
  });

export const locationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the location's name.")
    .max(100, "Keep the name under 100 characters."),
  address: optionalText(300),
  phone: optionalText(40).refine(
    (value) => !value || /^[+\d][\d\s().-]{5,}$/.test(value),
    "Enter a phone number, e.g. +1 555 010 2000.",
  ),
  /** Index = weekday (0 = Sunday); an empty day is closed. */
  openingHours: z.array(dayHoursSchema).length(7, "Give the hours of all seven weekdays."),
});

export type LocationInput = z.output<typeof locationSchema>;
export type LocationFormValues = z.input<typeof locationSchema>;

export const locationIdSchema = z.object({ locationId: z.uuid("Choose a location.") });

export const updateLocationSchema = locationSchema.extend(locationIdSchema.shape);

export type UpdateLocationInput = z.output<typeof updateLocationSchema>;

/** Opening hours as stored (minutes) back to what the form edits; null or malformed JSON is "closed every day". */
export function openingHoursOf(json: unknown): MinuteInterval[][] {
  const parsed = z
    .array(z.array(z.object({ start: z.number().int(), end: z.number().int() })))
    .length(7)
    .safeParse(json);
  return parsed.success ? parsed.data : Array.from({ length: 7 }, () => []);
}
