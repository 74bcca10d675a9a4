/**
 * A moment as the clinic reads it, on its own clock whatever the server's zone: "26 Nov 2026, 14:05",
 * or with seconds ("14:05:09") where the order of events matters.
 */
export function formatClinicDateTime(
  instant: Date,
  timeZone: string,
  options: { seconds?: boolean } = {},
): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    dateStyle: "medium",
    timeStyle: options.seconds ? "medium" : "short",
  }).format(instant);
}
