import { addDays, localDateOf, zonedTimeToUtc } from "@/lib/clinic/time";

/** The instants a clinic-local calendar day starts and ends at (a daylight-saving day is 23 or 25 hours). */
export function dayBoundsOf(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedTimeToUtc(date, 0, timeZone), end: zonedTimeToUtc(addDays(date, 1), 0, timeZone) };
}

/** Today's date in the clinic's time zone. */
export function clinicToday(timeZone: string, now = new Date()): string {
  return localDateOf(now, timeZone);
}
