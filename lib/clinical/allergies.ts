import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { RecordAllergyInput, UpdateAllergyInput } from "@/lib/validations/allergies";
import { worstSeverity } from "./allergy-banner";

type TenantTx = Prisma.TransactionClient;

const NO_PATIENT =
  "This patient is not in this clinic's records. Open the patient again from the patient list.";
const NO_ALLERGY = "This allergy is no longer in the patient's record. Reload the page.";

/** Allergies the banner lists: active, and neither refuted nor entered in error. */
const LISTED: Prisma.AllergyWhereInput = {
  status: "ACTIVE",
  verification: { in: ["CONFIRMED", "UNCONFIRMED"] },
};

/** Locks the patient's row for the transaction (so "no known allergies" and a new allergy cannot cross); false when absent. */
async function lockPatient(tx: TenantTx, patientId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM patients WHERE id = ${patientId}::uuid FOR UPDATE`;
  return rows.length > 0;
}

export type AllergyRow = {
  id: string;
  substance: string;
  category: "DRUG" | "FOOD" | "ENVIRONMENT";
  reactions: { manifestation: string; severity: "MILD" | "MODERATE" | "SEVERE" }[];
  severity: "MILD" | "MODERATE" | "SEVERE" | null;
  status: "ACTIVE" | "INACTIVE" | "RESOLVED";
  verification: "CONFIRMED" | "UNCONFIRMED" | "REFUTED" | "ENTERED_IN_ERROR";
  onset: string | null;
  note: string | null;
  recordedAt: Date;
};

/** Reactions as stored (JSON): anything unreadable is left out rather than shown wrong. */
function reactionsOf(value: Prisma.JsonValue): AllergyRow["reactions"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const reaction = item as { manifestation?: unknown; severity?: unknown } | null;
    return typeof reaction?.manifestation === "string" &&
      (reaction.severity === "MILD" || reaction.severity === "MODERATE" || reaction.severity === "SEVERE")
      ? [{ manifestation: reaction.manifestation, severity: reaction.severity }]
      : [];
  });
}

/** A patient's allergies: active ones first, then by substance; entered-in-error ones only when asked. */
export async function findPatientAllergies(options: {
  db: TenantDb;
  patientId: string;
  includeEnteredInError?: boolean;
}): Promise<AllergyRow[]> {
  const { db, patientId } = options;
  const rows = await db.allergy.findMany({
    where: {
      patientId,
      ...(options.includeEnteredInError ? {} : { verification: { not: "ENTERED_IN_ERROR" } }),
    },
    orderBy: [{ status: "asc" }, { substance: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    substance: row.substance,
    category: row.category,
    reactions: reactionsOf(row.reactions),
    severity: worstSeverity(row.reactions),
    status: row.status,
    verification: row.verification,
    onset: row.onset,
    note: row.note,
    recordedAt: row.createdAt,
  }));
}

/** Records an allergy; a "no known allergies" statement no longer holds once one is recorded, so it is cleared. */
export async function recordAllergy(options: { db: TenantDb; actor: Actor; input: RecordAllergyInput }) {
  const { db, actor, input } = options;
  const { patientId, ...data } = input;
  return db.$transaction(async (tx) => {
    if (!(await lockPatient(tx, patientId))) throw new AppError("NOT_FOUND", NO_PATIENT);
    const allergy = await tx.allergy.create({
      data: { ...data, patientId, recordedById: actor.id },
      select: { id: true, category: true, status: true, verification: true },
    });
    await tx.patient.update({
      where: { id: patientId },
      data: { noKnownAllergiesAt: null, noKnownAllergiesById: null },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "allergy.recorded",
      targetType: "patient",
      targetId: patientId,
      details: { allergyId: allergy.id, category: allergy.category, status: allergy.status },
    });
    return allergy;
  });
}

/**
 * Changes an allergy's status or verification. "Entered in error" keeps the row (hidden from the
 * banner and the list) and appends the reason to its note, so the record says why.
 */
export async function updateAllergy(options: { db: TenantDb; actor: Actor; input: UpdateAllergyInput }) {
  const { db, actor, input } = options;
  return db.$transaction(async (tx) => {
    const before = await tx.allergy.findUnique({ where: { id: input.allergyId } });
    if (!before) throw new AppError("NOT_FOUND", NO_ALLERGY);
    if (before.verification === "ENTERED_IN_ERROR")
      throw new AppError("CONFLICT", "This allergy was marked entered in error and can no longer change.");
    await lockPatient(tx, before.patientId);
    const errorNote =
      input.verification === "ENTERED_IN_ERROR" && input.reason ? `Entered in error: ${input.reason}` : null;
    const allergy = await tx.allergy.update({
      where: { id: input.allergyId },
      data: {
        status: input.status,
        verification: input.verification,
        ...(errorNote ? { note: before.note ? `${before.note}\n${errorNote}` : errorNote } : {}),
      },
      select: { id: true, patientId: true, status: true, verification: true },
    });
    if (allergy.status === "ACTIVE" && ["CONFIRMED", "UNCONFIRMED"].includes(allergy.verification))
      await tx.patient.update({
        where: { id: allergy.patientId },
        data: { noKnownAllergiesAt: null, noKnownAllergiesById: null },
      });
    await recordAuditEvent(tx, {
      actor,
      action: "allergy.updated",
      targetType: "patient",
      targetId: allergy.patientId,
      details: { allergyId: allergy.id, status: allergy.status, verification: allergy.verification },
    });
    return allergy;
  });
}

/** Records "no known allergies" (who and when); refused while an allergy is still listed as active. */
export async function recordNoKnownAllergies(options: { db: TenantDb; actor: Actor; patientId: string }) {
  const { db, actor, patientId } = options;
  return db.$transaction(async (tx) => {
    if (!(await lockPatient(tx, patientId))) throw new AppError("NOT_FOUND", NO_PATIENT);
    const listed = await tx.allergy.count({ where: { patientId, ...LISTED } });
    if (listed > 0)
      throw new AppError(
        "CONFLICT",
        `This patient has ${listed === 1 ? "an active allergy" : `${listed} active allergies`} listed. Mark ${listed === 1 ? "it" : "them"} resolved, refuted or entered in error first.`,
      );
    const patient = await tx.patient.update({
      where: { id: patientId },
      data: { noKnownAllergiesAt: new Date(), noKnownAllergiesById: actor.id },
      select: { id: true, noKnownAllergiesAt: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "allergy.none-known",
      targetType: "patient",
      targetId: patientId,
    });
    return patient;
  });
}
