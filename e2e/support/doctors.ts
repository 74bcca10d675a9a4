import { weekdayOf } from "@/lib/clinic/time";
import type { TenantDb } from "@/lib/tenancy/registry";

/**
 * A doctor of the test's own, bookable at `locationId` from 09:00 to 12:00 on `date`'s weekday (the
 * demo clinics' doctors and their bookings stay untouched). `passwordHash` "!" signs in nowhere.
 */
export async function addMorningDoctor(
  db: TenantDb,
  doctor: {
    email: string;
    name: string;
    locationId: string;
    date: string;
    passwordHash?: string;
    calendarColor?: string;
    defaultSlotMinutes?: number;
  },
) {
  const staff = await db.staffUser.create({
    data: {
      email: doctor.email,
      name: doctor.name,
      role: "DOCTOR",
      passwordHash: doctor.passwordHash ?? "!",
    },
  });
  await db.doctorProfile.create({
    data: {
      staffId: staff.id,
      defaultSlotMinutes: doctor.defaultSlotMinutes ?? 20,
      ...(doctor.calendarColor ? { calendarColor: doctor.calendarColor } : {}),
    },
  });
  await db.workingHours.create({
    data: {
      doctorId: staff.id,
      locationId: doctor.locationId,
      weekday: weekdayOf(doctor.date),
      startMinute: 9 * 60,
      endMinute: 12 * 60,
    },
  });
  return staff;
}
