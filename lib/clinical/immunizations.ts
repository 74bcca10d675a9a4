import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { findClinicTimeZone } from "@/lib/clinic/settings";
import { localDateOf } from "@/lib/clinic/time";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { RecordImmunizationInput } from "@/lib/validations/immunizations";

export const PATIENT_NOT_FOUND = "This patient is not in this clinic's records.";

/** One vaccine given, as the list and the printable record show it. */
export type ImmunizationRow = {
  id: string;
  vaccine: string;
  doseNumber: number | null;
  lotNumber: string | null;
  /** Calendar days as YYYY-MM-DD. */
  expiryDate: string | null;
  givenOn: string;
  site: string | null;
  route: string | null;
  /** The staff member's name, or the name written for a vaccine given elsewhere. */
  givenBy: string | null;
  givenHere: boolean;
  visitId: string | null;
  enteredInErrorAt: Date | null;
  enteredInErrorReason: string | null;
};

const day = (date: Date) => date.toISOString().slice(0, 10);
const dateOf = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** A patient's immunizations, newest given first; those entered in error only when asked for. */
export async function findPatientImmunizations(options: {
  db: TenantDb;
  patientId: string;
  includeEnteredInError?: boolean;
}): Promise<ImmunizationRow[]> {
  const { db, patientId, includeEnteredInError = false } = options;
  const rows = await db.immunization.findMany({
    where: { patientId, ...(includeEnteredInError ? {} : { enteredInErrorAt: null }) },
    orderBy: [{ givenOn: "desc" }, { createdAt: "desc" }],
  });
  const staffIds = [...new Set(rows.flatMap((row) => (row.givenById ? [row.givenById] : [])))];
  const staff = await db.staffUser.findMany({
    where: { id: { in: staffIds } },
    select: { id: true, name: true },
  });
  const names = new Map(staff.map((member) => [member.id, member.name]));
  return rows.map((row) => ({
    id: row.id,
    vaccine: row.vaccine,
    doseNumber: row.doseNumber,
    lotNumber: row.lotNumber,
    expiryDate: row.expiryDate ? day(row.expiryDate) : null,
    givenOn: day(row.givenOn),
    site: row.site,
    route: row.route,
    givenBy: row.givenById ? (names.get(row.givenById) ?? "A former staff member") : row.givenByName,
    givenHere: row.givenById !== null,
    visitId: row.visitId,
    enteredInErrorAt: row.enteredInErrorAt,
    enteredInErrorReason: row.enteredInErrorReason,
  }));
}

/** The clinicians who can be named as having given a vaccine here. */
export async function findVaccinators(db: TenantDb): Promise<{ id: string; name: string }[]> {
  return db.staffUser.findMany({
    where: { status: "ACTIVE", role: { in: ["DOCTOR", "NURSE"] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Records a vaccine given to a patient of this clinic (today or before, on the clinic's calendar),
 * with its audit row. The visit, when named, must be this patient's; "given by" is a clinician
 * here or a name for a vaccine given elsewhere.
 */
export async function recordImmunization(options: {
  db: TenantDb;
  actor: Actor;
  input: RecordImmunizationInput;
}): Promise<{ id: string }> {
  const { db, actor, input } = options;
  const today = localDateOf(new Date(), await findClinicTimeZone(db));
  if (input.givenOn > today)
    throw new AppError("INVALID", "The date given cannot be in the future.", {
      givenOn: "The date given cannot be in the future.",
    });
  return db.$transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: input.patientId }, select: { id: true } });
    if (!patient) throw new AppError("NOT_FOUND", PATIENT_NOT_FOUND);
    if (input.visitId) {
      const visit = await tx.visit.findFirst({ where: { id: input.visitId, patientId: patient.id } });
      if (!visit) {
        const message = "That visit is not one of this patient's: choose another or none.";
        throw new AppError("INVALID", message, { visitId: message });
      }
    }
    if (input.givenById) {
      const member = await tx.staffUser.findUnique({ where: { id: input.givenById }, select: { id: true } });
      if (!member) {
        const message = "Choose someone who works here, or write the name of who gave it elsewhere.";
        throw new AppError("INVALID", message, { givenById: message });
      }
    }
    const created = await tx.immunization.create({
      data: {
        patientId: patient.id,
        visitId: input.visitId,
        vaccine: input.vaccine,
        doseNumber: input.doseNumber,
        lotNumber: input.lotNumber,
        expiryDate: input.expiryDate ? dateOf(input.expiryDate) : null,
        site: input.site,
        route: input.route,
        givenOn: dateOf(input.givenOn),
        givenById: input.givenById,
        givenByName: input.givenById ? null : input.givenByName,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "immunization.recorded",
      targetType: "patient",
      targetId: patient.id,
      details: { immunizationId: created.id },
    });
    return created;
  });
}

/** Marks a vaccine recorded by mistake (wrong patient, say): kept, hidden from the list, audited. */
export async function markImmunizationEnteredInError(options: {
  db: TenantDb;
  actor: Actor;
  immunizationId: string;
  reason: string;
}): Promise<{ id: string; patientId: string }> {
  const { db, actor, immunizationId, reason } = options;
  return db.$transaction(async (tx) => {
    const row = await tx.immunization.findUnique({
      where: { id: immunizationId },
      select: { id: true, patientId: true, enteredInErrorAt: true },
    });
    if (!row) throw new AppError("NOT_FOUND", "This immunization is not in this clinic's records.");
    if (row.enteredInErrorAt)
      throw new AppError("CONFLICT", "This immunization is already marked as entered in error.");
    await tx.immunization.update({
      where: { id: row.id },
      data: { enteredInErrorAt: new Date(), enteredInErrorReason: reason },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "immunization.entered-in-error",
      targetType: "patient",
      targetId: row.patientId,
      details: { immunizationId: row.id },
    });
    return { id: row.id, patientId: row.patientId };
  });
}

/** The patient's visits, newest first, for a form's optional "during visit" choice. */
export async function findVisitChoices(options: {
  db: TenantDb;
  patientId: string;
  timeZone: string;
}): Promise<{ value: string; label: string }[]> {
  const visits = await options.db.visit.findMany({
    where: { patientId: options.patientId },
    orderBy: { startedAt: "desc" },
    take: 50,
    select: { id: true, startedAt: true, reason: true },
  });
  return visits.map((visit) => ({
    value: visit.id,
    label: `${localDateOf(visit.startedAt, options.timeZone)} · ${visit.reason.slice(0, 60)}`,
  }));
}
