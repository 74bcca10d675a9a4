/**
 * How the clinic writes dates and times, and reading what staff type back into the values the
 * schemas take (YYYY-MM-DD, 24-hour HH:MM). Native date and time inputs follow the browser's
 * locale, which the clinic cannot set, so the forms use text fields read by these functions.
 */

export const DATE_ORDERS = ["DMY", "MDY", "YMD"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** The clinic's way of writing dates and times (clinic_settings). */
export type ClinicClock = { dateOrder: DateOrder; hour12: boolean };

export function isDateOrder(value: string): value is DateOrder {
  return (DATE_ORDERS as readonly string[]).includes(value);
}

export const DEFAULT_CLINIC_CLOCK: ClinicClock = { dateOrder: "DMY", hour12: false };

// Where the usual written order is not day first: the United States (and the Philippines) write
// the month first; China, Japan, Korea, Taiwan and Sweden the year first.
const MONTH_FIRST_ZONES =
  /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Boise|Detroit|Juneau|Sitka|Nome|Yakutat|Adak|Metlakatla|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+)|Pacific\/Honolulu|US\/.+|Asia\/Manila)$/;
const YEAR_FIRST_ZONES = /^(Asia\/(Shanghai|Tokyo|Seoul|Taipei|Pyongyang)|Europe\/Stockholm)$/;

/** A new clinic's date order: the one usual where its time zone is. */
export function usualDateOrderOf(timeZone: string): DateOrder {
  if (MONTH_FIRST_ZONES.test(timeZone)) return "MDY";
  return YEAR_FIRST_ZONES.test(timeZone) ? "YMD" : "DMY";
}

/** What a date field shows as its example: "DD/MM/YYYY". */
export function datePatternOf(order: DateOrder): string {
  if (order === "YMD") return "YYYY-MM-DD";
  return order === "DMY" ? "DD/MM/YYYY" : "MM/DD/YYYY";
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, "0");
}

function isoDateOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > daysInMonth ? null : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A typed date as YYYY-MM-DD, or null when it names no day. Reads the clinic's order with "/",
 * "." or "-" between the parts, and always an ISO date (a year of four digits first).
 */
export function parseClinicDate(text: string, order: DateOrder): string | null {
  const parts = text.trim().split(/\s*[./-]\s*|\s+/);
  if (parts.length !== 3 || parts.some((part) => !/^\d{1,4}$/.test(part))) return null;
  const [a, b, c] = parts.map(Number) as [number, number, number];
  if (parts[0]?.length === 4 || order === "YMD") return isoDateOf(a, b, c);
  // A two-digit year is never guessed: 01/02/03 could be any century.
  if (parts[2]?.length !== 4) return null;
  return order === "DMY" ? isoDateOf(c, b, a) : isoDateOf(c, a, b);
}

/** YYYY-MM-DD as the clinic writes it: "30/11/2026". Anything else is shown as it is. */
export function formatClinicDate(iso: string, order: DateOrder): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  if (order === "YMD") return iso;
  return order === "DMY" ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

/**
 * A typed time as 24-hour HH:MM, or null. Reads "9", "930", "0930", "9:30", "09.30", "9h30" and,
 * with am or pm, "2:30 pm", "2pm" (on either clock: staff type both).
 */
export function parseClockTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?$/i.exec(text.trim());
  const digits = /^(\d{3,4})$/.exec(text.trim());
  let hours: number;
  let minutes: number;
  let half: string | undefined;
  if (digits?.[1]) {
    hours = Number(digits[1].slice(0, -2));
    minutes = Number(digits[1].slice(-2));
  } else if (match?.[1]) {
    hours = Number(match[1]);
    minutes = Number(match[2] ?? 0);
    half = match[3]?.toLowerCase();
  } else {
    return null;
  }
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === "p" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** 24-hour HH:MM as the clinic writes it: "14:30", or "2:30 pm" on a 12-hour clock. */
export function formatClockTime(time: string, hour12: boolean): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !hour12) return time;
  const hours = Number(match[1]);
  return `${hours % 12 || 12}:${match[2]} ${hours < 12 ? "am" : "pm"}`;
}
