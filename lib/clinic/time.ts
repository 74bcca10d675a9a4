import { TZDate, tzOffset } from "@date-fns/tz";
import { formatClockTime } from "./clock-input";

/**
 * Clinic-time helpers. Appointments are stored in UTC; working hours and the calendar are in the
 * clinic's time zone. Conversions go through @date-fns/tz (Intl underneath), so daylight-saving
 * changes follow the tz data.
 */

/** The wall-clock fields of an instant in a time zone. */
export function wallClockOf(instant: Date, timeZone: string) {
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    minuteOfDay: local.getHours() * 60 + local.getMinutes(),
    second: local.getSeconds(),
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows `minute` minutes after midnight of
 * `date` (YYYY-MM-DD). As Temporal's "compatible" rule: a time skipped by a spring-forward change
 * moves forward by the gap (02:30 → 03:30), a time repeated in the autumn is its first occurrence.
 */
export function zonedTimeToUtc(date: string, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  // TZDate moves a skipped time forward, but takes the later of a repeated one.
  const resolved = new TZDate(year, month - 1, day, 0, minute, timeZone).getTime();
  const change =
    tzOffset(timeZone, new Date(resolved - 12 * 3_600_000)) - tzOffset(timeZone, new Date(resolved));
  const earlier = resolved - change * 60_000;
  const wanted = wallClockOf(new Date(resolved), timeZone);
  const seen = wallClockOf(new Date(earlier), timeZone);
  return new Date(
    change > 0 && seen.day === wanted.day && seen.minuteOfDay === wanted.minuteOfDay ? earlier : resolved,
  );
}

/** The clinic-local calendar date (YYYY-MM-DD) of an instant. */
export function localDateOf(instant: Date, timeZone: string): string {
  const wall = wallClockOf(instant, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekdayOf(date: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** HH:MM in the clinic's time zone, or "2:30 pm" where the clinic keeps a 12-hour clock. */
export function formatClinicTime(
  instant: Date,
  timeZone: string,
  options: { hour12?: boolean } = {},
): string {
  const minute = wallClockOf(instant, timeZone).minuteOfDay;
  const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  return formatClockTime(time, options.hour12 ?? false);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 30 Nov": a day as staff say it, in the clinic's time zone. */
export function formatClinicDay(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}
