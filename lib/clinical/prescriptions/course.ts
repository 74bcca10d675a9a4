import type { DurationUnitCode } from "@/lib/validations/prescriptions";

/**
 * When a line's course ends: its start plus the duration once for the first supply and once per
 * refill. None without a duration (a medicine taken until stopped). Months are calendar months.
 */
export function courseEndOf(
  line: { durationValue: number | null; durationUnit: DurationUnitCode | null; refills: number },
  startsAt: Date,
): Date | null {
  if (line.durationValue == null || line.durationUnit == null) return null;
  const supplies = line.durationValue * (line.refills + 1);
  const end = new Date(startsAt);
  if (line.durationUnit === "MONTH") {
    const day = end.getUTCDate();
    end.setUTCDate(1);
    end.setUTCMonth(end.getUTCMonth() + supplies);
    // 31 January plus a month is the last day of February, not 3 March.
    const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
    end.setUTCDate(Math.min(day, lastDay));
  } else end.setUTCDate(end.getUTCDate() + supplies * (line.durationUnit === "WEEK" ? 7 : 1));
  return end;
}
