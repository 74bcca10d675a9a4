/**
 * Clinic-time helpers. Appointments are stored in UTC; working hours and the calendar are in the
 * clinic's time zone. Conversions go through Intl, so daylight-saving changes follow the tz data.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a time zone. */
export function wallClockOf(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const wall = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, 0, wall.minuteOfDay, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `minute` minutes after midnight of
 * `date` (YYYY-MM-DD). As Temporal's "compatible" rule: a time skipped by a spring-forward change
 * moves forward by the gap (02:30 → 03:30), a time repeated in the autumn is its first occurrence.
 */
export function zonedTimeToUtc(date: string, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const naive = Date.UTC(year, month - 1, day, 0, minute);
  // The zone's offsets half a day before and after: they differ only around a clock change.
  const before = naive - offsetAt(new Date(naive - 12 * 3_600_000), timeZone);
  const after = naive - offsetAt(new Date(naive + 12 * 3_600_000), timeZone);
  const shows = (candidate: number) => {
    const wall = wallClockOf(new Date(candidate), timeZone);
    return localDateOf(new Date(candidate), timeZone) === date && wall.minuteOfDay === minute;
  };
  const valid = [before, after].filter(shows).sort((a, b) => a - b);
  return new Date(valid[0] ?? before);
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

/** HH:MM in the clinic's time zone. */
export function formatClinicTime(instant: Date, timeZone: string): string {
  const minute = wallClockOf(instant, timeZone).minuteOfDay;
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
