import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { CalendarDoctor, CalendarFilters, CalendarLocation } from "@/lib/clinic/calendar";
import { addDays } from "@/lib/clinic/time";
import { calendarHref } from "./calendar-href";
import { formatDayHeading } from "./calendar-layout";
import { UrlFilters } from "./url-filters";

/** Day or week, which date, which location and doctor: every choice is in the URL. */
export function CalendarToolbar({
  filters,
  days,
  today,
  locations,
  doctors,
}: {
  filters: CalendarFilters;
  days: string[];
  today: string;
  locations: CalendarLocation[];
  doctors: CalendarDoctor[];
}) {
  const step = filters.view === "day" ? 1 : 7;
  const title =
    filters.view === "day"
      ? formatDayHeading(filters.date)
      : `${formatDayHeading(days[0] as string, "short")} – ${formatDayHeading(days[6] as string, "short")} ${(days[6] as string).slice(0, 4)}`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold text-slate-900">{title}</h2>
        <nav aria-label="Calendar dates" className="flex flex-wrap items-center gap-2">
          <div className="flex rounded-md shadow-sm">
            {(["day", "week"] as const).map((view) => (
              <ButtonLink
                key={view}
                href={calendarHref(filters, { view })}
                variant={filters.view === view ? "primary" : "secondary"}
                size="sm"
                aria-current={filters.view === view ? "page" : undefined}
                className={cn(view === "day" ? "rounded-r-none" : "rounded-l-none")}
              >
                {view === "day" ? "Day" : "Week"}
              </ButtonLink>
            ))}
          </div>
          <ButtonLink
            href={calendarHref(filters, { date: addDays(filters.date, -step) })}
            variant="secondary"
            size="sm"
          >
            ← Previous {filters.view}
          </ButtonLink>
          <ButtonLink href={calendarHref(filters, { date: today })} variant="secondary" size="sm">
            Today
          </ButtonLink>
          <ButtonLink
            href={calendarHref(filters, { date: addDays(filters.date, step) })}
            variant="secondary"
            size="sm"
          >
            Next {filters.view} →
          </ButtonLink>
        </nav>
      </div>
      <UrlFilters
        path="/calendar"
        keep={{ view: filters.view, date: filters.date }}
        locationId={filters.locationId}
        doctorId={filters.doctorId}
        locations={locations}
        doctors={doctors}
      />
    </div>
  );
}
