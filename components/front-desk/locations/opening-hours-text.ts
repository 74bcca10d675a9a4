import { type MinuteInterval, timeOf, WEEKDAY_ORDER, WEEKDAYS } from "@/lib/clinic/time-of-day";

const SHORT = WEEKDAYS.map((day) => day.slice(0, 3));

function intervalsText(intervals: MinuteInterval[]): string {
  if (intervals.length === 0) return "closed";
  return intervals.map((interval) => `${timeOf(interval.start)}–${timeOf(interval.end)}`).join(", ");
}

/**
 * The week in a few lines, Monday first, runs of days with the same hours joined:
 * ["Mon–Fri 08:00–12:00, 13:00–18:00", "Sat 09:00–12:30", "Sun closed"]. No hours at all: [].
 */
export function openingHoursLines(week: MinuteInterval[][]): string[] {
  if (week.every((day) => day.length === 0)) return [];
  const runs: { from: number; to: number; text: string }[] = [];
  for (const day of WEEKDAY_ORDER) {
    const text = intervalsText(week[day] ?? []);
    const last = runs.at(-1);
    if (last && last.text === text) last.to = day;
    else runs.push({ from: day, to: day, text });
  }
  return runs.map(({ from, to, text }) => `${SHORT[from]}${from === to ? "" : `–${SHORT[to]}`} ${text}`);
}
