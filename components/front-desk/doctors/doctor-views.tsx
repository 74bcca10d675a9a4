import type { ReactNode } from "react";
import { formatClockTime } from "@/lib/clinic/clock-input";
import type { DoctorProfile } from "@/lib/clinic/doctors";
import { WEEKDAY_ORDER, WEEKDAYS } from "@/lib/clinic/time-of-day";
import { ColorSwatch } from "./color-swatch";

/** The profile for roles that may look but not change it. */
export function DoctorProfileView({ profile }: { profile: DoctorProfile }) {
  const rows: [string, ReactNode][] = [
    ["Specialty", profile.specialty],
    ["Licence number", profile.licenceNumber],
    [
      "Calendar colour",
      <span key="colour" className="inline-flex items-center gap-2">
        <ColorSwatch color={profile.calendarColor} />
        {profile.calendarColor}
      </span>,
    ],
    ["Default slot", `${profile.defaultSlotMinutes} minutes`],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="text-slate-900">{value || <span className="text-slate-500">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The regular week, day by day, for roles that may look but not change it. */
export function WeeklyScheduleView({
  hours,
  locations,
  hour12 = false,
}: {
  hours: { locationId: string; weekday: number; start: string; end: string }[];
  locations: { id: string; name: string }[];
  /** The clinic's clock: "9:00 am" instead of "09:00". */
  hour12?: boolean;
}) {
  const names = new Map(locations.map((location) => [location.id, location.name]));
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {WEEKDAY_ORDER.map((day) => {
        const today = hours.filter((interval) => interval.weekday === day);
        return (
          <div key={day} className="contents">
            <dt className="font-medium text-slate-600">{WEEKDAYS[day]}</dt>
            <dd className="text-slate-900">
              {today.length === 0
                ? "Not working"
                : today
                    .map(
                      (interval) =>
                        `${formatClockTime(interval.start, hour12)}–${formatClockTime(interval.end, hour12)} at ${names.get(interval.locationId) ?? "?"}`,
                    )
                    .join(", ")}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
