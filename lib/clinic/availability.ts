import type { Prisma } from "../generated/tenant/client";
import type { TenantDb } from "../tenancy/registry";
import { overlapping } from "./appointments";
import { addDays, localDateOf, wallClockOf, weekdayOf, zonedTimeToUtc } from "./time";

type TenantTx = Prisma.TransactionClient;

/** Minutes from the clinic's midnight: [start, end). */
export type MinuteRange = { start: number; end: number };

export type Slot = { startsAt: Date; endsAt: Date };

export type AvailabilityInput = {
  date: string;
  timeZone: string;
  slotMinutes: number;
  /** Regular hours at this location on this weekday. */
  hours: MinuteRange[];
  extraHours: MinuteRange[];
  /** Time off that day; a range of 0–1440 is the whole day. */
  timeOff: MinuteRange[];
  /** Live appointments of the doctor (at any location) that day. */
  booked: Slot[];
  now: Date;
};

function subtract(ranges: MinuteRange[], cut: MinuteRange): MinuteRange[] {
  return ranges.flatMap((range) => {
    if (cut.end <= range.start || cut.start >= range.end) return [range];
    const parts: MinuteRange[] = [];
    if (cut.start > range.start) parts.push({ start: range.start, end: cut.start });
    if (cut.end < range.end) parts.push({ start: cut.end, end: range.end });
    return parts;
  });
}

/**
 * Free slots: working hours plus extra hours, minus time off, cut into slots of the doctor's
 * length, minus every slot that overlaps a live appointment or has already begun.
 */
export function computeFreeSlots(input: AvailabilityInput): Slot[] {
  let open = [...input.hours, ...input.extraHours].sort((a, b) => a.start - b.start);
  for (const off of input.timeOff) open = subtract(open, off);
  const slots: Slot[] = [];
  for (const range of open) {
    for (let start = range.start; start + input.slotMinutes <= range.end; start += input.slotMinutes) {
      const startsAt = zonedTimeToUtc(input.date, start, input.timeZone);
      const endsAt = zonedTimeToUtc(input.date, start + input.slotMinutes, input.timeZone);
      // A slot across a clock change is as long as the clock says, not as the wall says; skip it.
      if (endsAt.getTime() - startsAt.getTime() !== input.slotMinutes * 60_000) continue;
      if (startsAt < input.now) continue;
      if (input.booked.some((b) => b.startsAt < endsAt && startsAt < b.endsAt)) continue;
      if (slots.some((s) => s.startsAt.getTime() === startsAt.getTime())) continue;
      slots.push({ startsAt, endsAt });
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

type DoctorDay = { db: TenantDb | TenantTx; doctorId: string; locationId: string; date: string };

/** A doctor's regular and extra hours at a location on a clinic-local date, and their time off. */
async function findDoctorDay({ db, doctorId, locationId, date }: DoctorDay) {
  const [hours, overrides] = await Promise.all([
    db.workingHours.findMany({ where: { doctorId, locationId, weekday: weekdayOf(date) } }),
    db.availabilityOverride.findMany({ where: { doctorId, date: new Date(`${date}T00:00:00Z`) } }),
  ]);
  const range = (o: { startMinute: number | null; endMinute: number | null }) => ({
    start: o.startMinute ?? 0,
    end: o.endMinute ?? 1440,
  });
  return {
    hours: hours.map((h) => ({ start: h.startMinute, end: h.endMinute })),
    extraHours: overrides
      .filter((o) => o.kind === "EXTRA_HOURS" && (o.locationId === null || o.locationId === locationId))
      .map(range),
    timeOff: overrides.filter((o) => o.kind === "TIME_OFF").map(range),
  };
}

/** A doctor's free slots at a location on a clinic-local date, read from the clinic's database. */
export async function findFreeSlots(options: DoctorDay & { timeZone: string; now?: Date }): Promise<Slot[]> {
  const { db, doctorId, date, timeZone } = options;
  const dayStart = zonedTimeToUtc(date, 0, timeZone);
  const dayEnd = zonedTimeToUtc(addDays(date, 1), 0, timeZone);
  const [profile, day, booked] = await Promise.all([
    db.doctorProfile.findUnique({ where: { staffId: doctorId } }),
    findDoctorDay(options),
    db.appointment.findMany({
      where: {
        doctorId,
        status: { notIn: ["CANCELLED", "NO_SHOW"] },
        ...overlapping(dayStart, dayEnd),
      },
      select: { startsAt: true, endsAt: true },
    }),
  ]);
  if (!profile) return [];
  return computeFreeSlots({
    date,
    timeZone,
    slotMinutes: profile.defaultSlotMinutes,
    ...day,
    booked,
    now: options.now ?? new Date(),
  });
}

/**
 * Whether [startsAt, endsAt) lies within the doctor's working or extra hours at the location, and
 * clear of their time off, in the clinic's time zone (a visit across midnight never does).
 */
export async function isWithinWorkingHours(options: {
  db: TenantDb | TenantTx;
  doctorId: string;
  locationId: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}): Promise<boolean> {
  const { startsAt, endsAt, timeZone } = options;
  const date = localDateOf(startsAt, timeZone);
  const start = wallClockOf(startsAt, timeZone).minuteOfDay;
  const endDate = localDateOf(endsAt, timeZone);
  const end =
    endDate === date
      ? wallClockOf(endsAt, timeZone).minuteOfDay
      : endDate === addDays(date, 1) && wallClockOf(endsAt, timeZone).minuteOfDay === 0
        ? 1440
        : -1;
  if (end <= start) return false;
  const day = await findDoctorDay({ ...options, date });
  if (day.timeOff.some((off) => off.start < end && start < off.end)) return false;
  return [...day.hours, ...day.extraHours].some((open) => open.start <= start && end <= open.end);
}
