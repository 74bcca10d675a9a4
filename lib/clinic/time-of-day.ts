// Working and opening hours are kept as minutes from midnight, clinic time; forms show "HH:MM".

/** [start, end) in minutes from midnight, clinic time. */
export type MinuteInterval = { start: number; end: number };

/** "HH:MM" (24:00 allowed as an end) to minutes from midnight. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** Minutes from midnight to "HH:MM". */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Whether two [start, end) intervals share a minute. */
export function overlaps(a: MinuteInterval, b: MinuteInterval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Weekday names by index: 0 = Sunday, as in the database and in JavaScript's getDay(). */
export const WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

/** The order the week is shown in: Monday first. */
export const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
