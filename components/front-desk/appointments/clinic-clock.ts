import { formatClinicTime, localDateOf, zonedTimeToUtc } from "@/lib/clinic/time";

/** "HH:MM" → minutes after midnight. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

export function timeOfMinutes(minutes: number): string {
  const clamped = Math.min(Math.max(minutes, 0), 23 * 60 + 59);
  return `${String(Math.floor(clamped / 60)).padStart(2, "0")}:${String(clamped % 60).padStart(2, "0")}`;
}

/** The instant (ISO) a form's clinic-local date and time stand for. */
export function clinicInstantOf(date: string, time: string, timeZone: string): string {
  return zonedTimeToUtc(date, minutesOf(time), timeZone).toISOString();
}

/** An appointment's times as the clinic-local date and clock times a form shows. */
export function clinicFieldsOf(startsAt: Date, endsAt: Date, timeZone: string) {
  return {
    date: localDateOf(startsAt, timeZone),
    startTime: formatClinicTime(startsAt, timeZone),
    endTime: formatClinicTime(endsAt, timeZone),
  };
}

/** Server field errors name instants; the forms name clock times. */
export function formFieldOf(field: string): string {
  if (field === "startsAt") return "startTime";
  if (field === "endsAt") return "endTime";
  return field;
}
