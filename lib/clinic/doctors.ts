import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "../errors";
import type { Prisma } from "../generated/tenant/client";
import type { TenantDb } from "../tenancy/registry";
import type { DoctorProfileInput, WeeklyScheduleInput } from "../validations/doctors";
import { recordAuditEvent } from "./audit";

type TenantTx = Prisma.TransactionClient;

const profileRow = {
  specialty: true,
  licenceNumber: true,
  calendarColor: true,
  defaultSlotMinutes: true,
  defaultTypeId: true,
} as const;

export type DoctorProfile = Prisma.DoctorProfileGetPayload<{ select: typeof profileRow }>;

export type DoctorListItem = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  profile: DoctorProfile | null;
  /** Names of the locations the doctor regularly works at. */
  locations: string[];
};

const notFound = () => new AppError("NOT_FOUND", "No such doctor in this clinic.");

/** Staff with the doctor role, active ones first, with their profiles and where they work. */
export async function findDoctors(options: { db: TenantDb }): Promise<DoctorListItem[]> {
  const doctors = await options.db.staffUser.findMany({
    where: { role: "DOCTOR" },
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      doctorProfile: { select: profileRow },
      workingHours: { select: { location: { select: { name: true } } }, distinct: ["locationId"] },
    },
    orderBy: [{ status: "asc" }, { name: "asc" }],
  });
  return doctors.map((doctor) => ({
    id: doctor.id,
    name: doctor.name,
    email: doctor.email,
    active: doctor.status === "ACTIVE",
    profile: doctor.doctorProfile,
    locations: doctor.workingHours.map((hours) => hours.location.name).sort(),
  }));
}

/** One doctor (null for anyone else, or an id that is not a uuid) with their profile, regular week and the time off / extra hours from `today` on. */
export async function findDoctor(options: { db: TenantDb; doctorId: string; today: string }) {
  const { db, doctorId, today } = options;
  if (!z.uuid().safeParse(doctorId).success) return null;
  const doctor = await db.staffUser.findFirst({
    where: { id: doctorId, role: "DOCTOR" },
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      doctorProfile: { select: profileRow },
      workingHours: {
        select: { id: true, weekday: true, startMinute: true, endMinute: true, locationId: true },
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      },
      overrides: {
        where: { date: { gte: new Date(`${today}T00:00:00Z`) } },
        select: {
          id: true,
          date: true,
          kind: true,
          startMinute: true,
          endMinute: true,
          reason: true,
          location: { select: { id: true, name: true } },
        },
        orderBy: [{ date: "asc" }, { startMinute: "asc" }],
      },
    },
  });
  if (!doctor) return null;
  const { status, doctorProfile, ...rest } = doctor;
  return { ...rest, active: status === "ACTIVE", profile: doctorProfile };
}

export type DoctorDetail = NonNullable<Awaited<ReturnType<typeof findDoctor>>>;

/** The staff member, who must hold the doctor role in this clinic (an id from elsewhere is simply unknown). */
export async function requireDoctor(tx: TenantTx, doctorId: string) {
  const staff = await tx.staffUser.findUnique({
    where: { id: doctorId },
    select: { id: true, name: true, role: true, doctorProfile: { select: { staffId: true } } },
  });
  if (!staff) throw notFound();
  if (staff.role !== "DOCTOR")
    throw new AppError("INVALID", `${staff.name} does not have the doctor role.`, {
      doctorId: "Only staff with the doctor role have a doctor profile.",
    });
  return staff;
}

export async function lockDoctor(tx: TenantTx, doctorId: string) {
  // One schedule change per doctor at a time: the overlap checks read what the other writes.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`doctor-schedule:${doctorId}`}))`;
}

/** Creates or updates the profile that makes a doctor bookable. */
export async function saveDoctorProfile(options: {
  db: TenantDb;
  actor: Actor;
  input: DoctorProfileInput;
}): Promise<DoctorProfile> {
  const { db, actor, input } = options;
  const { doctorId, ...profile } = input;
  return db.$transaction(async (tx) => {
    const doctor = await requireDoctor(tx, doctorId);
    if (profile.defaultTypeId) {
      const type = await tx.appointmentType.findUnique({ where: { id: profile.defaultTypeId } });
      if (!type?.active) {
        const message = "Choose an active appointment type, or the clinic's default.";
        throw new AppError("INVALID", message, { defaultTypeId: message });
      }
    }
    const saved = await tx.doctorProfile.upsert({
      where: { staffId: doctorId },
      create: { staffId: doctorId, ...profile },
      update: profile,
      select: profileRow,
    });
    await recordAuditEvent(tx, {
      actor,
      action: doctor.doctorProfile ? "doctor.profile-updated" : "doctor.profile-created",
      targetType: "staff",
      targetId: doctorId,
      details: { defaultSlotMinutes: saved.defaultSlotMinutes, defaultTypeId: saved.defaultTypeId },
    });
    return saved;
  });
}

/**
 * Replaces a doctor's regular week. The schema already refused overlapping intervals; here every
 * location must be one of this clinic's open ones, and the doctor needs a profile first.
 */
export async function setWeeklySchedule(options: { db: TenantDb; actor: Actor; input: WeeklyScheduleInput }) {
  const { db, actor, input } = options;
  return db.$transaction(async (tx) => {
    const doctor = await requireDoctor(tx, input.doctorId);
    if (!doctor.doctorProfile)
      throw new AppError("CONFLICT", `Save ${doctor.name}'s doctor profile before their hours.`);
    await lockDoctor(tx, input.doctorId);
    await checkLocations(
      tx,
      input.hours.map((interval, index) => ({
        locationId: interval.locationId,
        field: `hours.${index}.locationId`,
      })),
    );
    await tx.workingHours.deleteMany({ where: { doctorId: input.doctorId } });
    await tx.workingHours.createMany({
      data: input.hours.map((interval) => ({
        doctorId: input.doctorId,
        locationId: interval.locationId,
        weekday: interval.weekday,
        startMinute: interval.start,
        endMinute: interval.end,
      })),
    });
    await recordAuditEvent(tx, {
      actor,
      action: "doctor.hours-set",
      targetType: "staff",
      targetId: input.doctorId,
      details: { intervals: input.hours.length },
    });
    return { intervals: input.hours.length };
  });
}

export async function checkLocations(tx: TenantTx, wanted: { locationId: string; field: string }[]) {
  const ids = [...new Set(wanted.map((item) => item.locationId))];
  const open = await tx.location.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } });
  const openIds = new Set(open.map((location) => location.id));
  const fields: Record<string, string> = {};
  for (const item of wanted) {
    if (!openIds.has(item.locationId)) fields[item.field] = "Choose one of the clinic's open locations.";
  }
  if (Object.keys(fields).length > 0)
    throw new AppError("INVALID", "Choose one of the clinic's open locations.", fields);
}
