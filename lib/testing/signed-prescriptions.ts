import type { Actor } from "../auth/actor";
import { changeMedicationStatus } from "../clinical/medications/line-status";
import { createPrescriptionDraft } from "../clinical/prescriptions/drafts";
import { revisionOf } from "../clinical/prescriptions/prescription-access";
import { type Withdrawal, withdrawPrescription } from "../clinical/prescriptions/prescription-withdrawal";
import { signPrescription } from "../clinical/prescriptions/sign-prescription";
import type { TenantDb } from "../tenancy/tenant-db";
import type { PrescriptionLineValues } from "../validations/prescriptions";
import { AMOXICILLIN_CAPSULES } from "./sample-lines";
import { rowsOf } from "./sample-rows";

export type PrescriptionFixtureOptions = {
  patientId: string;
  /** A new doctor when not given. */
  prescriberId?: string;
  /** The visit's location, else a new one when not given. */
  locationId?: string | null;
  visitId?: string | null;
  /** Each line is the capsule line with these fields changed; one plain capsule line when not given. */
  lines?: Partial<PrescriptionLineValues>[];
};

/** The prescriber as the actor the real code audits (no request: a fixture). */
async function prescriberActor(db: TenantDb, prescriberId: string): Promise<Actor> {
  const staff = await db.staffUser.findUniqueOrThrow({ where: { id: prescriberId } });
  return { id: staff.id, email: staff.email, ip: null, userAgent: null };
}

/** A draft started by the prescriber through the real drafting code. */
export async function createDraftPrescription(db: TenantDb, options: PrescriptionFixtureOptions) {
  const actor = await prescriberActor(db, options.prescriberId ?? (await rowsOf(db).doctor()).id);
  const lines = (options.lines ?? [{}]).map((line) => ({ ...AMOXICILLIN_CAPSULES, ...line }));
  const locationId = options.locationId ?? (options.visitId ? null : (await rowsOf(db).location()).id);
  const { prescriptionId } = await createPrescriptionDraft({
    db,
    actor,
    patientId: options.patientId,
    visitId: options.visitId,
    locationId,
    lines,
    source: "test",
  });
  return { actor, lines, draft: await db.prescription.findUniqueOrThrow({ where: { id: prescriptionId } }) };
}

/**
 * A prescription drafted and signed by the real code (number from the sequence, heading fixed,
 * lines active for their course), with a reason given for any warning so it always signs.
 * `signedAt` in the past gives a course already under way or over.
 */
export async function createSignedPrescription(
  db: TenantDb,
  options: PrescriptionFixtureOptions & { signedAt?: Date },
) {
  const { actor, lines, draft } = await createDraftPrescription(db, options);
  await signPrescription({
    db,
    actor,
    prescriptionId: draft.id,
    revision: revisionOf(draft),
    lines,
    overrideReasons: lines.map(() => "Checked with the patient"),
    at: options.signedAt,
  });
  return findWithLines(db, draft.id);
}

/** A signed prescription then withdrawn (cancelled or entered in error) by the real code. */
export async function createWithdrawnPrescription(
  db: TenantDb,
  options: PrescriptionFixtureOptions & { to: Withdrawal; reason?: string },
) {
  const { prescription } = await createSignedPrescription(db, options);
  await withdrawPrescription({
    db,
    actor: await prescriberActor(db, prescription.prescriberId),
    prescriptionId: prescription.id,
    to: options.to,
    reason: options.reason ?? "Written for the wrong patient",
  });
  return findWithLines(db, prescription.id);
}

/** A signed prescription whose first line was stopped (or completed) by the real code. */
export async function createPrescriptionWithEndedLine(
  db: TenantDb,
  options: PrescriptionFixtureOptions & { to: "STOPPED" | "COMPLETED"; reason?: string },
) {
  const { prescription, lines } = await createSignedPrescription(db, options);
  await changeMedicationStatus({
    db,
    actor: await prescriberActor(db, prescription.prescriberId),
    lineId: (lines[0] as (typeof lines)[number]).id,
    to: options.to,
    reason: options.reason ?? "Rash after the second dose",
  });
  return findWithLines(db, prescription.id);
}

async function findWithLines(db: TenantDb, prescriptionId: string) {
  const [prescription, lines] = await Promise.all([
    db.prescription.findUniqueOrThrow({ where: { id: prescriptionId } }),
    db.prescriptionLine.findMany({ where: { prescriptionId }, orderBy: { position: "asc" } }),
  ]);
  return { prescription, lines };
}

/** A signed prescription with its first line, for a new patient unless given: where tests of one medicine start. */
export async function createSignedLine(
  db: TenantDb,
  options: Omit<PrescriptionFixtureOptions, "patientId"> & { patientId?: string; signedAt?: Date } = {},
) {
  const patientId = options.patientId ?? (await rowsOf(db).patient()).id;
  const { prescription, lines } = await createSignedPrescription(db, { ...options, patientId });
  return { patientId, prescription, line: lines[0] as (typeof lines)[number] };
}
