import { z } from "zod";
import { clinicIdSchema } from "./admin";
import { isTimeZone } from "./clinic-settings";

// What a datetime-local input gives: a date and a time to the minute, or to the second.
const LOCAL_MOMENT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

function isCalendarMoment(moment: string): boolean {
  const match = LOCAL_MOMENT.exec(moment);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * "Restore to a moment": the moment on the clinic's clock, the time zone the dialog showed it in,
 * and the subdomain typed to confirm (checked again on the server).
 */
export const restoreToMomentSchema = clinicIdSchema.extend({
  moment: z
    .string()
    .trim()
    .refine(isCalendarMoment, "Give the date and time to restore to, e.g. 30/11/2026 14:05:00."),
  timeZone: z
    .string()
    .refine(isTimeZone, "Reload the page: the clinic's time zone is not one this platform knows."),
  confirmation: z.string().trim().max(200),
});
export type RestoreToMomentInput = z.input<typeof restoreToMomentSchema>;
