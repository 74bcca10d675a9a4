import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { matchingAllergies, nameContainsSubstance } from "./allergy-match";
import { activeMedicationWhere } from "./drafts";

export type LineWarningKind = "ALLERGY" | "ALLERGIES_NOT_RECORDED" | "DUPLICATE";

/** What a line's check found, as the doctor reads it (kept on the signed line in `warnings`). */
export type LineWarning = { kind: LineWarningKind; message: string };

/** Two medicine names overlap when either holds the other as whole words ("Paracetamol" in "Paracetamol + codeine"). */
const overlaps = (a: string, b: string) => nameContainsSubstance(a, b) || nameContainsSubstance(b, a);

/**
 * The checks run before signing, computed on the server from the database (never taken from the
 * browser): a name match against the patient's active drug allergies, allergies not yet recorded,
 * and a medicine the patient already takes (other prescriptions' active lines, reported ones).
 * One list of warnings per line, in the order given.
 */
export async function checkPrescriptionLines(options: {
  db: TenantDb;
  patientId: string;
  prescriptionId: string;
  medicationNames: string[];
  now?: Date;
}): Promise<LineWarning[][]> {
  const { db, patientId, prescriptionId, medicationNames } = options;
  const now = options.now ?? new Date();
  const [allergies, patient, active, reported] = await Promise.all([
    db.allergy.findMany({
      where: { patientId, status: "ACTIVE", verification: { in: ["CONFIRMED", "UNCONFIRMED"] } },
      select: { substance: true, category: true },
    }),
    db.patient.findUnique({ where: { id: patientId }, select: { noKnownAllergiesAt: true } }),
    db.prescriptionLine.findMany({
      where: { patientId, prescriptionId: { not: prescriptionId }, ...activeMedicationWhere(now) },
      select: { medicationName: true, prescription: { select: { number: true } } },
    }),
    db.reportedMedication.findMany({ where: { patientId, status: "ACTIVE" }, select: { name: true } }),
  ]);
  const drugAllergies = allergies.filter((allergy) => allergy.category === "DRUG");
  const notRecorded = allergies.length === 0 && !patient?.noKnownAllergiesAt;

  return medicationNames.map((name) => {
    const warnings: LineWarning[] = [];
    for (const allergy of matchingAllergies(name, drugAllergies))
      warnings.push({
        kind: "ALLERGY",
        message: `Name match only: the patient has a recorded drug allergy to ${allergy.substance}. Related medicines with other names are not checked.`,
      });
    if (notRecorded)
      warnings.push({
        kind: "ALLERGIES_NOT_RECORDED",
        message:
          "The patient's allergies are not recorded yet: ask them, and record them or “No known allergies”.",
      });
    for (const line of active.filter((line) => overlaps(name, line.medicationName)))
      warnings.push({
        kind: "DUPLICATE",
        message: `The patient already has ${line.medicationName} on an active prescription${line.prescription.number ? ` (${line.prescription.number})` : ""}.`,
      });
    for (const medication of reported.filter((medication) => overlaps(name, medication.name)))
      warnings.push({
        kind: "DUPLICATE",
        message: `The patient reports already taking ${medication.name}.`,
      });
    return warnings;
  });
}
