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
