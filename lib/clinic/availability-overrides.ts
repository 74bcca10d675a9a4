import type { Actor } from "@/lib/auth/actor";
import { AppError } from "../errors";
import type { Prisma } from "../generated/tenant/client";
import type { TenantDb } from "../tenancy/registry";
import type { AvailabilityOverrideInput } from "../validations/doctors";
import { recordAuditEvent } from "./audit";
import { checkLocations, lockDoctor, requireDoctor } from "./doctors";
import { localDateOf, weekdayOf } from "./time";
import { overlaps, timeOf, WEEKDAYS } from "./time-of-day";

type TenantTx = Prisma.TransactionClient;

/**
 * Adds time off (the whole day or some hours) or extra hours at a location on one date, from the
 * clinic's today on. Extra hours may not overlap the doctor's regular hours that weekday or other
 * extra hours that date: a doctor is in one place at a time.
 */
export async function addAvailabilityOverride(options: {
  db: TenantDb;
  actor: Actor;
  input: AvailabilityOverrideInput;
  now?: Date;
}) {
  const { db, actor, input } = options;
  return db.$transaction(async (tx) => {
    const doctor = await requireDoctor(tx, input.doctorId);
    if (!doctor.doctorProfile)
      throw new AppError(
        "CONFLICT",
        `Save ${doctor.name}'s doctor profile before their time off or extra hours.`,
      );
    const settings = await tx.clinicSetting.findUniqueOrThrow({
      where: { id: 1 },
      select: { timezone: true },
    });
    if (input.date < localDateOf(options.now ?? new Date(), settings.timezone))
      throw new AppError("INVALID", "That date has already passed.", {
        date: "Choose today or a later date.",
      });
    await lockDoctor(tx, input.doctorId);
    const date = new Date(`${input.date}T00:00:00Z`);
    if (input.kind === "EXTRA_HOURS") {
      await checkLocations(tx, [{ locationId: input.locationId, field: "locationId" }]);
      await refuseOverlappingHours(tx, { doctorId: input.doctorId, date: input.date, hours: input.hours });
    }
    const override = await tx.availabilityOverride.create({
      data: {
        doctorId: input.doctorId,
        date,
        kind: input.kind,
        locationId: input.kind === "EXTRA_HOURS" ? input.locationId : null,
        startMinute: input.hours?.start ?? null,
        endMinute: input.hours?.end ?? null,
        reason: input.reason ?? null,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: input.kind === "TIME_OFF" ? "doctor.time-off-added" : "doctor.extra-hours-added",
      targetType: "staff",
      targetId: input.doctorId,
      details: { overrideId: override.id, date: input.date },
    });
    return override;
  });
}

/** A doctor is in one place at a time: new extra hours may not overlap their regular or other extra hours that day. */
async function refuseOverlappingHours(
  tx: TenantTx,
  wanted: { doctorId: string; date: string; hours: { start: number; end: number } },
) {
  const place = { startMinute: true, endMinute: true, location: { select: { name: true } } } as const;
  const regular = await tx.workingHours.findMany({
    where: { doctorId: wanted.doctorId, weekday: weekdayOf(wanted.date) },
    select: place,
  });
  const extra = await tx.availabilityOverride.findMany({
    where: { doctorId: wanted.doctorId, date: new Date(`${wanted.date}T00:00:00Z`), kind: "EXTRA_HOURS" },
    select: place,
  });
  const day = WEEKDAYS[weekdayOf(wanted.date)];
  const busy = [
    ...regular.map((hours) => ({ ...hours, what: `regular hours on ${day}s` })),
    ...extra.map((hours) => ({ ...hours, what: "extra hours that day" })),
  ];
  const clash = busy.find((other) =>
    overlaps({ start: other.startMinute ?? 0, end: other.endMinute ?? 1440 }, wanted.hours),
  );
  if (!clash) return;
  const when = `${timeOf(clash.startMinute ?? 0)}–${timeOf(clash.endMinute ?? 1440)}`;
  const where = clash.location ? ` at ${clash.location.name}` : "";
  throw new AppError("CONFLICT", `These hours overlap the doctor's ${clash.what} (${when}${where}).`, {
    "hours.start": "Overlaps other hours that day.",
  });
}

/** Removes one entry of time off or extra hours. */
export async function removeAvailabilityOverride(options: {
  db: TenantDb;
  actor: Actor;
  overrideId: string;
}): Promise<{ id: string }> {
  const { db, actor, overrideId } = options;
  return db.$transaction(async (tx) => {
    const override = await tx.availabilityOverride.findUnique({ where: { id: overrideId } });
    if (!override) throw new AppError("NOT_FOUND", "This entry no longer exists.");
    await tx.availabilityOverride.delete({ where: { id: overrideId } });
    await recordAuditEvent(tx, {
      actor,
      action: override.kind === "TIME_OFF" ? "doctor.time-off-removed" : "doctor.extra-hours-removed",
      targetType: "staff",
      targetId: override.doctorId,
      details: { overrideId, date: override.date.toISOString().slice(0, 10) },
    });
    return { id: overrideId };
  });
}
