import type { TenantDb } from "../tenancy/registry";
import { findFreeSlots } from "./availability";
import type { CalendarSlot, DoctorShift } from "./calendar";
import { weekdayOf } from "./time";

/**
 * Where and when the doctors work on the given dates (regular and extra hours), and, with
 * `withSlots`, their free slots there. Extra hours without a location count only when the
 * calendar is filtered to one.
 */
export async function findAvailabilityInRange(options: {
  db: TenantDb;
  dates: string[];
  doctorIds: string[];
  locationId: string | null;
  timeZone: string;
  withSlots: boolean;
  now?: Date;
}): Promise<{ shifts: DoctorShift[]; slots: CalendarSlot[] }> {
  const { db, dates, doctorIds, locationId, timeZone } = options;
  if (dates.length === 0 || doctorIds.length === 0) return { shifts: [], slots: [] };
  const [hours, extras] = await Promise.all([
    db.workingHours.findMany({
      where: {
        doctorId: { in: doctorIds },
        weekday: { in: [...new Set(dates.map(weekdayOf))] },
        ...(locationId ? { locationId } : {}),
      },
      select: { doctorId: true, locationId: true, weekday: true },
    }),
    db.availabilityOverride.findMany({
      where: {
        doctorId: { in: doctorIds },
        kind: "EXTRA_HOURS",
        date: { in: dates.map((date) => new Date(`${date}T00:00:00Z`)) },
        ...(locationId ? { OR: [{ locationId }, { locationId: null }] } : { locationId: { not: null } }),
      },
      select: { doctorId: true, locationId: true, date: true },
    }),
  ]);
  const shifts = new Map<string, DoctorShift>();
  const add = (shift: DoctorShift) =>
    shifts.set(`${shift.doctorId}|${shift.locationId}|${shift.date}`, shift);
  for (const date of dates) {
    for (const h of hours.filter((h) => h.weekday === weekdayOf(date)))
      add({ doctorId: h.doctorId, locationId: h.locationId, date });
  }
  for (const extra of extras) {
    const where = extra.locationId ?? locationId;
    if (where)
      add({ doctorId: extra.doctorId, locationId: where, date: extra.date.toISOString().slice(0, 10) });
  }
  const list = [...shifts.values()];
  if (!options.withSlots) return { shifts: list, slots: [] };
  const now = options.now ?? new Date();
  const perShift = await Promise.all(
    list.map(async (shift) =>
      (await findFreeSlots({ db, ...shift, timeZone, now })).map((slot) => ({ ...shift, ...slot })),
    ),
  );
  return {
    shifts: list,
    slots: perShift.flat().sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
  };
}
