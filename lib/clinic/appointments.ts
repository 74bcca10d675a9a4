import type { Actor } from "@/lib/auth/actor";
import { AppError } from "../errors";
import type { Prisma } from "../generated/tenant/client";
import type { AppointmentStatus } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";
import { MAX_APPOINTMENT_MS } from "../validations/appointments";
import { chooseAppointmentType } from "./appointment-type-choice";
import { recordAuditEvent } from "./audit";
import { isWithinWorkingHours } from "./availability";
import { formatClinicDay, formatClinicTime } from "./time";

type TenantTx = Prisma.TransactionClient;

const LIVE: AppointmentStatus[] = ["BOOKED", "CHECKED_IN", "IN_PROGRESS", "COMPLETED"];

/** Appointments overlapping [start, end): the lower bound lets the (doctor, start) index skip history. */
export function overlapping(startsAt: Date, endsAt: Date) {
  return {
    startsAt: { lt: endsAt, gt: new Date(startsAt.getTime() - MAX_APPOINTMENT_MS) },
    endsAt: { gt: startsAt },
  };
}

export type BookingRequest = {
  patientId: string;
  doctorId: string;
  locationId: string;
  startsAt: Date;
  endsAt: Date;
  reason?: string;
  /** The appointment type; left out, the doctor's default, else the clinic's. */
  typeId?: string;
  /** Booked on purpose outside the doctor's working hours; otherwise such a time is refused. */
  outsideHours?: boolean;
};

/** A short reference staff can read out: the first 8 characters of the appointment's id. */
export function appointmentRef(id: string): string {
  return id.slice(0, 8).toUpperCase();
}

async function checkParticipants(db: TenantDb, request: BookingRequest) {
  const [patient, doctor, location] = await Promise.all([
    db.patient.findUnique({ where: { id: request.patientId }, select: { id: true } }),
    db.staffUser.findUnique({
      where: { id: request.doctorId },
      select: { role: true, status: true, doctorProfile: true },
    }),
    db.location.findUnique({ where: { id: request.locationId }, select: { active: true } }),
  ]);
  const fields: Record<string, string> = {};
  if (!patient) fields.patientId = "No such patient in this clinic.";
  if (!doctor?.doctorProfile || doctor.role !== "DOCTOR" || doctor.status !== "ACTIVE") {
    fields.doctorId = "No such doctor in this clinic.";
  }
  if (!location?.active) fields.locationId = "No such active location in this clinic.";
  if (Object.keys(fields).length > 0)
    throw new AppError("INVALID", Object.values(fields)[0] as string, fields);
}

/**
 * A doctor's time being taken at a location: the appointment being moved (`exceptId`) does not
 * clash with itself; `outsideHours` is the front desk's explicit choice to book outside their hours.
 */
type DoctorSlot = {
  doctorId: string;
  locationId: string;
  startsAt: Date;
  endsAt: Date;
  outsideHours?: boolean;
  exceptId?: string;
};

function clashesWith(slot: DoctorSlot) {
  return {
    doctorId: slot.doctorId,
    status: { in: LIVE },
    ...overlapping(slot.startsAt, slot.endsAt),
    ...(slot.exceptId ? { id: { not: slot.exceptId } } : {}),
  };
}

/** The clinic's zone and clock, for times written in messages: "14:30", or "2:30 pm". */
type SentenceClock = { timeZone: string; hour12?: boolean };

/** The conflict message names the clashing appointment by time and reference, never the patient. */
async function conflictError(db: TenantDb | TenantTx, slot: DoctorSlot, clock: SentenceClock) {
  const time = (instant: Date) => formatClinicTime(instant, clock.timeZone, clock);
  const clash = await db.appointment.findFirst({ where: clashesWith(slot), orderBy: { startsAt: "asc" } });
  const detail = clash
    ? ` (appointment ${appointmentRef(clash.id)}, ${time(clash.startsAt)}–${time(clash.endsAt)})`
    : "";
  return new AppError(
    "CONFLICT",
    `The doctor already has an appointment at that time${detail}. Choose another slot.`,
    { startsAt: "This time is taken." },
  );
}

function isExclusionViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return text.includes("23P01") || text.includes("appointments_no_double_booking");
}

function refusePast(startsAt: Date, now: Date | undefined): void {
  if (startsAt < (now ?? new Date()))
    throw new AppError("INVALID", "That time has already passed.", {
      startsAt: "Choose a time in the future.",
    });
}

// Writes for one doctor queue on its lock by design: wait for a connection and the lock longer than
// Prisma's defaults (2 s, 5 s), which a burst of bookings for one doctor can exceed.
const SLOT_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

/**
 * Whether the slot lies outside the doctor's hours; refused unless the front desk chose to book
 * outside them, because a time typed by hand can fall where the doctor does not work.
 */
async function checkWorkingHours(tx: TenantTx, slot: DoctorSlot, clock: SentenceClock): Promise<boolean> {
  const { timeZone } = clock;
  const time = (instant: Date) => formatClinicTime(instant, timeZone, clock);
  const within = await isWithinWorkingHours({ db: tx, ...slot, timeZone });
  if (within || slot.outsideHours) return !within;
  const doctor = await tx.staffUser.findUnique({ where: { id: slot.doctorId }, select: { name: true } });
  throw new AppError(
    "CONFLICT",
    `${formatClinicDay(slot.startsAt, timeZone)} ${time(slot.startsAt)}–${time(slot.endsAt)} is outside ${doctor?.name ?? "the doctor"}'s working hours here. Choose a free slot, or tick "Book outside working hours" if the doctor agreed.`,
    { outsideHours: "Outside the doctor's working hours." },
  );
}

/**
 * Takes a doctor's time in one transaction: lock → check → write. Two layers stop double booking:
 * writes for one doctor are serialised by a transaction-scoped advisory lock and checked for
 * overlap, and PostgreSQL's exclusion constraint refuses any overlap that gets past that (another
 * code path, raw SQL). `write` makes the change and its audit row, so both land or neither does;
 * it learns whether the time is outside the doctor's hours (allowed only when chosen).
 */
async function takeDoctorSlot<T>(
  db: TenantDb,
  slot: DoctorSlot,
  clock: SentenceClock,
  write: (tx: TenantTx, outsideHours: boolean) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${slot.doctorId}))`;
      if ((await tx.appointment.count({ where: clashesWith(slot) })) > 0)
        throw await conflictError(tx, slot, clock);
      return write(tx, await checkWorkingHours(tx, slot, clock));
    }, SLOT_TRANSACTION);
  } catch (error) {
    if (isExclusionViolation(error)) throw await conflictError(db, slot, clock);
    throw error;
  }
}

/** Books an appointment; the audit event names ids only, never the patient. */
export async function createAppointment(options: {
  db: TenantDb;
  actor: Actor;
  request: BookingRequest;
  timeZone: string;
  hour12?: boolean;
  now?: Date;
}) {
  const { db, actor, request } = options;
  refusePast(request.startsAt, options.now);
  await checkParticipants(db, request);
  const typeId = await chooseAppointmentType(db, { typeId: request.typeId, doctorId: request.doctorId });
  return takeDoctorSlot(db, request, options, async (tx, outsideHours) => {
    const appointment = await tx.appointment.create({
      data: { ...request, typeId, outsideHours, createdById: actor.id },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "appointment.booked",
      targetType: "appointment",
      targetId: appointment.id,
      details: {
        patientId: appointment.patientId,
        doctorId: appointment.doctorId,
        locationId: appointment.locationId,
        startsAt: appointment.startsAt.toISOString(),
        typeId,
        ...(outsideHours ? { outsideHours: true } : {}),
      },
    });
    return appointment;
  });
}

/** Moves a booked appointment to another time with the same doctor. */
export async function rescheduleAppointment(options: {
  db: TenantDb;
  actor: Actor;
  appointmentId: string;
  startsAt: Date;
  endsAt: Date;
  outsideHours?: boolean;
  timeZone: string;
  hour12?: boolean;
  now?: Date;
}) {
  const { db, actor, appointmentId, startsAt, endsAt } = options;
  const appointment = await db.appointment.findUnique({ where: { id: appointmentId } });
  if (!appointment) throw new AppError("NOT_FOUND", "No such appointment in this clinic.");
  if (appointment.status !== "BOOKED")
    throw new AppError("CONFLICT", "Only a booked appointment can be moved.");
  refusePast(startsAt, options.now);
  const slot = {
    doctorId: appointment.doctorId,
    locationId: appointment.locationId,
    startsAt,
    endsAt,
    outsideHours: options.outsideHours,
    exceptId: appointmentId,
  };
  return takeDoctorSlot(db, slot, options, async (tx, outsideHours) => {
    const moved = await tx.appointment.updateMany({
      where: { id: appointmentId, status: "BOOKED" },
      data: { startsAt, endsAt, outsideHours },
    });
    if (moved.count === 0) throw changedMeanwhile();
    await recordAuditEvent(tx, {
      actor,
      action: "appointment.rescheduled",
      targetType: "appointment",
      targetId: appointmentId,
      details: {
        from: appointment.startsAt.toISOString(),
        to: startsAt.toISOString(),
        ...(outsideHours ? { outsideHours: true } : {}),
      },
    });
    return tx.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
  });
}

/** Another desk moved the appointment between reading and writing it. */
export function changedMeanwhile(): AppError {
  return new AppError("CONFLICT", "Someone changed this appointment meanwhile. Reload and try again.");
}
