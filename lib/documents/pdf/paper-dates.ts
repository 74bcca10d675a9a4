import { type DateOrder, formatClinicDate, isDateOrder } from "@/lib/clinic/clock-input";
import { formatClinicTime, localDateOf } from "@/lib/clinic/time";

/** How a clinic writes dates and times on paper. */
export type PaperClock = { timezone: string; dateOrder: string; hour12?: boolean };

const orderOf = (clock: PaperClock): DateOrder => (isDateOrder(clock.dateOrder) ? clock.dateOrder : "DMY");

/** A calendar day (YYYY-MM-DD) in the clinic's order: "30/11/2026". */
export function paperDay(isoDate: string, clock: PaperClock): string {
  return formatClinicDate(isoDate, orderOf(clock));
}

/** The day of an instant on the clinic's clock, in its order. */
export function paperDate(instant: Date, clock: PaperClock): string {
  return paperDay(localDateOf(instant, clock.timezone), clock);
}

/** "30/11/2026 14:05" (or "2:05 pm" on a 12-hour clock) on the clinic's clock. */
export function paperDateTime(instant: Date, clock: PaperClock): string {
  return `${paperDate(instant, clock)} ${formatClinicTime(instant, clock.timezone, { hour12: clock.hour12 ?? false })}`;
}

/** Whole months from one YYYY-MM-DD to another. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** An age as a pharmacist reads it for dosing: "7 years", "18 months" under 2, "3 weeks" under a month. */
export function ageText(dateOfBirth: string, on: string): { years: number; text: string } {
  const months = Math.max(0, monthsBetween(dateOfBirth, on));
  const years = Math.floor(months / 12);
  if (months >= 24) return { years, text: `${years} years` };
  if (months >= 1) return { years, text: months === 1 ? "1 month" : `${months} months` };
  const days = Math.max(0, Math.round((Date.parse(on) - Date.parse(dateOfBirth)) / 86_400_000));
  const weeks = Math.floor(days / 7);
  return {
    years,
    text: weeks >= 1 ? `${weeks} week${weeks === 1 ? "" : "s"}` : `${days} day${days === 1 ? "" : "s"}`,
  };
}
