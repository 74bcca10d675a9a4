import { localDateOf, wallClockOf, zonedTimeToUtc } from "../clinic/time";

/**
 * A moment as a datetime-local input gives it ("2026-11-30T14:05" or "…T14:05:30"), on the clock
 * of `timeZone`, as an instant. A time skipped by a daylight-saving change moves forward by the
 * gap; a repeated one is its first occurrence (zonedTimeToUtc).
 */
export function momentToInstant(moment: string, timeZone: string): Date {
  const [date = "", time = ""] = moment.split("T");
  const [hours = 0, minutes = 0, seconds = 0] = time.split(":").map(Number);
  return new Date(zonedTimeToUtc(date, hours * 60 + minutes, timeZone).getTime() + seconds * 1000);
}

/** The instant as a datetime-local input shows it on the clock of `timeZone`, to the second. */
export function instantToMoment(instant: Date, timeZone: string): string {
  const { minuteOfDay, second } = wallClockOf(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${localDateOf(instant, timeZone)}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:${pad(second)}`;
}
