import { formatClinicDay, formatClinicTime } from "@/lib/clinic/time";

/**
 * A moment as the clinic reads it, on its own clock whatever the server's zone: "26 Nov 2026, 14:05",
 * or with seconds ("14:05:09") where the order of events matters; "2:05 pm" on a 12-hour clock.
 * The zone and the hour cycle are explicit, so the server's render and the browser's agree.
 */
export function formatClinicDateTime(
  instant: Date,
  timeZone: string,
  options: { seconds?: boolean; hour12?: boolean } = {},
): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: options.hour12 ? "numeric" : "2-digit",
    minute: "2-digit",
    second: options.seconds ? "2-digit" : undefined,
    hourCycle: options.hour12 ? "h12" : "h23",
  }).format(instant);
}

/** Formatters bound to one clinic's zone and clock, so a screen cannot forget the 12-hour setting. */
export type ClinicTimeFormat = {
  timeZone: string;
  hour12: boolean;
  /** "14:30", or "2:30 pm" on a 12-hour clock. */
  time: (instant: Date) => string;
  /** "14:30–15:00", or "2:30 pm–3:00 pm". */
  span: (start: Date, end: Date) => string;
  /** "Mon 30 Nov 14:30", or "Mon 30 Nov 2:30 pm". */
  dayTime: (instant: Date) => string;
  /** "26 Nov 2026, 14:05", or "26 Nov 2026, 2:05 pm". */
  dateTime: (instant: Date, options?: { seconds?: boolean }) => string;
};

export function clinicTimeFormat(timeZone: string, clock: { hour12: boolean }): ClinicTimeFormat {
  const { hour12 } = clock;
  const time = (instant: Date) => formatClinicTime(instant, timeZone, { hour12 });
  return {
    timeZone,
    hour12,
    time,
    span: (start, end) => `${time(start)}–${time(end)}`,
    dayTime: (instant) => `${formatClinicDay(instant, timeZone)} ${time(instant)}`,
    dateTime: (instant, options = {}) => formatClinicDateTime(instant, timeZone, { ...options, hour12 }),
  };
}
