import { AppError } from "../errors";
import type { AppointmentStatus } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";
import { MAX_APPOINTMENT_MS } from "../validations/appointments";
import { formatClinicTime } from "./time";

const LIVE: AppointmentStatus[] = ["BOOKED", "CHECKED_IN", "IN_PROGRESS", "COMPLETED"];

/** Appointments overlapping [start, end): the lower bound lets the (doctor, start) index skip history. */
export function overlapping(startsAt: Date, endsAt: Date) {
  return {
    startsAt: { lt: endsAt, gt: new Date(startsAt.getTime() - MAX_APPOINTMENT_MS) },
    endsAt: { gt: startsAt },
  };
}

/** Which status may follow which: the front desk's day, in order, plus cancel and no-show. */
const NEXT: Record<AppointmentStatus, AppointmentStatus[]> = {
  BOOKED: ["CHECKED_IN", "CANCELLED", "NO_SHOW"],
  CHECKED_IN: ["IN_PROGRESS", "CANCELLED"],
  IN_PROGRESS: ["COMPLETED"],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

export type BookingRequest = {
  patientId: string;
  doctorId: string;
  locationId: string;
  startsAt: Date;
  endsAt: Date;
  reason?: string;
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

/** The conflict message names the clashing appointment by time and reference, never the patient. */
async function conflictError(
  db: TenantDb,
  request: Pick<BookingRequest, "doctorId" | "startsAt" | "endsAt">,
  timeZone: string,
  exceptId?: string,
) {
  const clash = await db.appointment.findFirst({
    where: {
      doctorId: request.doctorId,
      status: { in: LIVE },
      ...overlapping(request.startsAt, request.endsAt),
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    orderBy: { startsAt: "asc" },
  });
  const detail = clash
    ? ` (appointment ${appointmentRef(clash.id)}, ${formatClinicTime(clash.startsAt, timeZone)}–${formatClinicTime(clash.endsAt, timeZone)})`
    : "";
  return new AppError(
    "CONFLICT",
    `The doctor already has an appointment at that time${detail}. Choose another slot.`,
    {
      startsAt: "This time is taken.",
    },
  );
}

function isExclusionViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return text.includes("23P01") || text.includes("appointments_no_double_booking");
}

/**
 * Books an appointment. Two layers stop double booking: bookings of one doctor are serialised by
 * a transaction-scoped advisory lock and checked for overlap, and PostgreSQL's exclusion
 * constraint refuses any overlap that gets past that (another code path, raw SQL).
 */
export async function createAppointment(options: {
  db: TenantDb;
  request: BookingRequest;
  createdById: string;
  timeZone: string;
  now?: Date;
}) {
  const { db, request, timeZone } = options;
  if (request.startsAt < (options.now ?? new Date())) {
    throw new AppError("INVALID", "That time has already passed.", {
      startsAt: "Choose a time in the future.",
    });
  }
  await checkParticipants(db, request);
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${request.doctorId}))`;
      const clashes = await tx.appointment.count({
        where: {
          doctorId: request.doctorId,
          status: { in: LIVE },
          ...overlapping(request.startsAt, request.endsAt),
        },
      });
      if (clashes > 0) throw await conflictError(tx as unknown as TenantDb, request, timeZone);
      return tx.appointment.create({ data: { ...request, createdById: options.createdById } });
    });
  } catch (error) {
    if (isExclusionViolation(error)) throw await conflictError(db, request, timeZone);
    throw error;
  }
}

/** Moves a booked appointment; the same two layers keep the doctor's calendar free of overlaps. */
export async function rescheduleAppointment(options: {
  db: TenantDb;
  appointmentId: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  now?: Date;
}) {
  const { db, appointmentId, startsAt, endsAt, timeZone } = options;
  const appointment = await db.appointment.findUnique({ where: { id: appointmentId } });
  if (!appointment) throw new AppError("NOT_FOUND", "No such appointment in this clinic.");
  if (appointment.status !== "BOOKED")
    throw new AppError("CONFLICT", "Only a booked appointment can be moved.");
  if (startsAt < (options.now ?? new Date()))
    throw new AppError("INVALID", "That time has already passed.", {
      startsAt: "Choose a time in the future.",
    });
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${appointment.doctorId}))`;
      const clashes = await tx.appointment.count({
        where: {
          id: { not: appointmentId },
          doctorId: appointment.doctorId,
          status: { in: LIVE },
          ...overlapping(startsAt, endsAt),
        },
      });
      if (clashes > 0)
        throw await conflictError(
          tx as unknown as TenantDb,
          { doctorId: appointment.doctorId, startsAt, endsAt },
          timeZone,
          appointmentId,
        );
      return tx.appointment.update({ where: { id: appointmentId }, data: { startsAt, endsAt } });
    });
  } catch (error) {
    if (isExclusionViolation(error))
      throw await conflictError(
        db,
        { doctorId: appointment.doctorId, startsAt, endsAt },
        timeZone,
        appointmentId,
      );
    throw error;
  }
}

/** booked → checked in → in progress → completed, or cancelled (with a reason) / no-show. */
export async function changeAppointmentStatus(options: {
  db: TenantDb;
  appointmentId: string;
  to: AppointmentStatus;
  cancelReason?: string;
  now?: Date;
}) {
  const { db, appointmentId, to } = options;
  const appointment = await db.appointment.findUnique({ where: { id: appointmentId } });
  if (!appointment) throw new AppError("NOT_FOUND", "No such appointment in this clinic.");
  if (!NEXT[appointment.status].includes(to)) {
    throw new AppError("CONFLICT", `A ${label(appointment.status)} appointment cannot become ${label(to)}.`);
  }
  const moved = await db.appointment.updateMany({
    where: { id: appointmentId, status: appointment.status },
    data: {
      status: to,
      ...(to === "CANCELLED" ? { cancelReason: options.cancelReason } : {}),
      ...(to === "CHECKED_IN" ? { checkedInAt: options.now ?? new Date() } : {}),
    },
  });
  if (moved.count === 0)
    throw new AppError("CONFLICT", "Someone changed this appointment meanwhile. Reload and try again.");
  return db.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
}

function label(status: AppointmentStatus): string {
  return status.toLowerCase().replace("_", " ");
}
