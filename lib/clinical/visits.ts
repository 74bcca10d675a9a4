import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { StartWalkInVisitInput } from "@/lib/validations/visits";

const NOT_YOURS = "This is not one of your appointments. Open it from your own list on Today.";

/**
 * The visit of one of the doctor's own appointments: the existing one if it was started before,
 * else a new one, with a checked-in appointment moved to in progress in the same transaction.
 */
export async function startVisitFromAppointment(options: {
  db: TenantDb;
  actor: Actor;
  appointmentId: string;
}): Promise<{ visitId: string; started: boolean }> {
  const { db, actor, appointmentId } = options;
  const appointment = await db.appointment.findUnique({
    where: { id: appointmentId },
    include: { visit: { select: { id: true } } },
  });
  if (!appointment || appointment.doctorId !== actor.id) throw new AppError("NOT_FOUND", NOT_YOURS);
  if (appointment.visit) return { visitId: appointment.visit.id, started: false };
  if (appointment.status !== "CHECKED_IN" && appointment.status !== "IN_PROGRESS")
    throw new AppError(
      "CONFLICT",
      appointment.status === "BOOKED"
        ? "The patient is not checked in yet: the front desk checks them in first."
        : "This appointment is over: start a walk-in visit from the patient's page instead.",
    );
  try {
    return await db.$transaction(async (tx) => {
      if (appointment.status === "CHECKED_IN") {
        const moved = await tx.appointment.updateMany({
          where: { id: appointmentId, status: "CHECKED_IN" },
          data: { status: "IN_PROGRESS" },
        });
        if (moved.count === 0) throw new AppError("CONFLICT", "Someone changed this appointment meanwhile.");
        await recordAuditEvent(tx, {
          actor,
          action: "appointment.status-changed",
          targetType: "appointment",
          targetId: appointmentId,
          details: { from: "CHECKED_IN", to: "IN_PROGRESS" },
        });
      }
      const visit = await tx.visit.create({
        data: {
          patientId: appointment.patientId,
          doctorId: appointment.doctorId,
          locationId: appointment.locationId,
          appointmentId,
          reason: appointment.reason?.trim() || "Booked appointment",
          startedById: actor.id,
        },
      });
      await recordVisitStarted(tx, actor, visit, appointmentId);
      return { visitId: visit.id, started: true };
    });
  } catch (error) {
    // A second click (or a second tab) that lost the race opens the visit the first one started.
    const existing = await db.visit.findUnique({ where: { appointmentId }, select: { id: true } });
    if (existing) return { visitId: existing.id, started: false };
    throw error;
  }
}

/** A visit without an appointment: the patient walked in and the signed-in doctor sees them. */
export async function startWalkInVisit(options: {
  db: TenantDb;
  actor: Actor;
  input: StartWalkInVisitInput;
}): Promise<{ visitId: string }> {
  const { db, actor, input } = options;
  const [patient, location] = await Promise.all([
    db.patient.findUnique({ where: { id: input.patientId }, select: { id: true } }),
    db.location.findUnique({ where: { id: input.locationId }, select: { id: true, active: true } }),
  ]);
  if (!patient) throw new AppError("NOT_FOUND", "No such patient in this clinic.");
  if (!location?.active)
    throw new AppError("INVALID", "Choose one of the clinic's open locations.", {
      locationId: "Choose one of the clinic's open locations.",
    });
  return db.$transaction(async (tx) => {
    const visit = await tx.visit.create({
      data: {
        patientId: patient.id,
        doctorId: actor.id,
        locationId: location.id,
        reason: input.reason,
        startedById: actor.id,
      },
    });
    await recordVisitStarted(tx, actor, visit, null);
    return { visitId: visit.id };
  });
}

async function recordVisitStarted(
  tx: Prisma.TransactionClient,
  actor: Actor,
  visit: { id: string; patientId: string },
  appointmentId: string | null,
) {
  await recordAuditEvent(tx, {
    actor,
    action: "visit.started",
    targetType: "visit",
    targetId: visit.id,
    details: { patientId: visit.patientId, ...(appointmentId ? { appointmentId } : { walkIn: true }) },
  });
}

const visitInclude = {
  patient: { select: { id: true, mrn: true, firstName: true, lastName: true, dateOfBirth: true } },
  doctor: { select: { id: true, name: true } },
  location: { select: { id: true, name: true } },
  appointment: { select: { id: true, startsAt: true, status: true } },
  notes: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      author: { select: { id: true, name: true } },
      addenda: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  },
} satisfies Prisma.VisitInclude;

export type VisitRecord = Prisma.VisitGetPayload<{ include: typeof visitInclude }>;
export type VisitNote = VisitRecord["notes"][number];

/**
 * One visit with its patient, doctor, place and every note (entered-in-error ones too) with their
 * addenda, and the names of everyone who wrote or corrected them.
 */
export async function findVisit(options: {
  db: TenantDb;
  visitId: string;
}): Promise<{ visit: VisitRecord; staffNames: Map<string, string> } | null> {
  const { db, visitId } = options;
  const visit = await db.visit.findUnique({ where: { id: visitId }, include: visitInclude });
  if (!visit) return null;
  const ids = new Set<string>();
  for (const note of visit.notes) {
    if (note.enteredInErrorById) ids.add(note.enteredInErrorById);
    for (const addendum of note.addenda) ids.add(addendum.authorId);
  }
  const staff = await db.staffUser.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true },
  });
  const staffNames = new Map(staff.map((member) => [member.id, member.name]));
  for (const note of visit.notes) staffNames.set(note.author.id, note.author.name);
  return { visit, staffNames };
}

/** The open locations a walk-in can be seen at, main first. */
export function findVisitLocations(options: { db: TenantDb }) {
  return options.db.location.findMany({
    where: { active: true },
    orderBy: [{ isMain: "desc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}
