import type { CalendarFilters } from "@/lib/clinic/calendar";

/** The calendar's URL for a set of filters; "all" is written out so a default never creeps back in. */
export function calendarHref(filters: CalendarFilters, patch: Partial<CalendarFilters> = {}): string {
  const next = { ...filters, ...patch };
  const params = new URLSearchParams({
    view: next.view,
    date: next.date,
    location: next.locationId ?? "all",
    doctor: next.doctorId ?? "all",
  });
  return `/calendar?${params}`;
}
