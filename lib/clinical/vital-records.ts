import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { MarkVitalsEnteredInErrorInput, RecordVitalsInput } from "@/lib/validations/vitals";
import { computeBmi, formatEntered, toCelsius, toCentimetres, toKilograms } from "./vital-units";

// A BMI outside this range comes from a slip in the weight or the height (and would not fit its column).
const BMI_POSSIBLE = { min: 4, max: 250 };

/**
 * Records one set of vitals for a patient (in one of their visits, if given): each value as
 * entered with its unit, its canonical value for charts, and the BMI from this set's weight and
 * this set's height or else the latest recorded one. The audit row names ids only.
 */
export async function recordVitals(options: { db: TenantDb; actor: Actor; input: RecordVitalsInput }) {
  const { db, actor, input } = options;
  return db.$transaction(async (tx) => {
    const patient = await tx.patient.findUnique({
      where: { id: input.patientId },
      select: { id: true, dateOfBirth: true },
    });
    if (!patient) throw new AppError("NOT_FOUND", "No such patient in this clinic.");
    if (input.visitId) {
      const visit = await tx.visit.findUnique({ where: { id: input.visitId }, select: { patientId: true } });
      if (!visit || visit.patientId !== patient.id)
        throw new AppError("NOT_FOUND", "That visit is not one of this patient's: open the visit again.");
    }
    const takenAt = input.takenAt ?? new Date();
    // A day's grace: the birth date is a calendar day, the time taken an instant in any time zone.
    if (takenAt.getTime() < patient.dateOfBirth.getTime() - 86_400_000)
      throw new AppError("INVALID", "The vitals cannot be taken before the patient was born.", {
        takenAt: "The vitals cannot be taken before the patient was born.",
      });

    const heightCm =
      input.heightValue !== null && input.heightUnit
        ? toCentimetres(input.heightValue, input.heightUnit)
        : null;
    const weightKg =
      input.weightValue !== null && input.weightUnit
        ? toKilograms(input.weightValue, input.weightUnit)
        : null;
    const temperatureC =
      input.temperatureValue !== null && input.temperatureUnit
        ? toCelsius(input.temperatureValue, input.temperatureUnit)
        : null;
    const bmi = weightKg === null ? null : await bmiOf(tx, { patientId: patient.id, weightKg, heightCm });

    const vitals = await tx.vitalSigns.create({
      data: {
        patientId: patient.id,
        visitId: input.visitId,
        takenAt,
        recordedById: actor.id,
        heightValue: heightCm === null ? null : input.heightValue,
        heightUnit: heightCm === null ? null : input.heightUnit,
        heightCm,
        weightValue: weightKg === null ? null : input.weightValue,
        weightUnit: weightKg === null ? null : input.weightUnit,
        weightKg,
        bmi,
        temperatureValue: temperatureC === null ? null : input.temperatureValue,
        temperatureUnit: temperatureC === null ? null : input.temperatureUnit,
        temperatureC,
        heartRate: input.heartRate,
        respiratoryRate: input.respiratoryRate,
        systolic: input.systolic,
        diastolic: input.diastolic,
        spo2: input.spo2,
        painScore: input.painScore,
      },
      select: { id: true, patientId: true, visitId: true, takenAt: true, bmi: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "vitals.recorded",
      targetType: "patient",
      targetId: patient.id,
      details: { vitalsId: vitals.id, ...(vitals.visitId ? { visitId: vitals.visitId } : {}) },
    });
    return { ...vitals, bmi: vitals.bmi === null ? null : Number(vitals.bmi) };
  });
}

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/** The BMI of a weight with this set's height, else the patient's latest recorded height; null without one. */
async function bmiOf(tx: Tx, options: { patientId: string; weightKg: number; heightCm: number | null }) {
  let heightCm = options.heightCm;
  let heightText = "this height";
  if (heightCm === null) {
    const latest = await tx.vitalSigns.findFirst({
      where: { patientId: options.patientId, enteredInErrorAt: null, heightCm: { not: null } },
      orderBy: { takenAt: "desc" },
      select: { heightCm: true, heightValue: true, heightUnit: true },
    });
    if (!latest?.heightCm) return null;
    heightCm = latest.heightCm;
    heightText = `the latest recorded height (${formatEntered(latest.heightValue)} ${latest.heightUnit === "cm" ? "cm" : "in"})`;
  }
  const bmi = computeBmi(options.weightKg, heightCm);
  if (bmi < BMI_POSSIBLE.min || bmi > BMI_POSSIBLE.max) {
    const message = `This weight with ${heightText} gives a BMI of ${Math.round(bmi)}, which is not possible: check the weight and the height.`;
    throw new AppError("INVALID", message, { weightValue: message });
  }
  return bmi;
}

/**
 * Marks a set of vitals entered in error (recorded on the wrong patient, a slip): it stays, with
 * who, when and why, and leaves the charts, the latest values and BMI calculations.
 */
export async function markVitalsEnteredInError(options: {
  db: TenantDb;
  actor: Actor;
  input: MarkVitalsEnteredInErrorInput;
}) {
  const { db, actor, input } = options;
  return db.$transaction(async (tx) => {
    const vitals = await tx.vitalSigns.findUnique({
      where: { id: input.vitalsId },
      select: { id: true, patientId: true, enteredInErrorAt: true },
    });
    if (!vitals) throw new AppError("NOT_FOUND", "No such set of vitals in this clinic.");
    if (vitals.enteredInErrorAt)
      throw new AppError("CONFLICT", "These vitals are already marked as entered in error.");
    // Only while still valid: of two people marking the same set at once, one wins.
    const marked = await tx.vitalSigns.updateMany({
      where: { id: vitals.id, enteredInErrorAt: null },
      data: {
        enteredInErrorAt: new Date(),
        enteredInErrorById: actor.id,
        enteredInErrorReason: input.reason,
      },
    });
    if (marked.count === 0)
      throw new AppError("CONFLICT", "These vitals are already marked as entered in error.");
    await recordAuditEvent(tx, {
      actor,
      action: "vitals.entered-in-error",
      targetType: "patient",
      targetId: vitals.patientId,
      details: { vitalsId: vitals.id },
    });
    return { id: vitals.id, patientId: vitals.patientId };
  });
}
