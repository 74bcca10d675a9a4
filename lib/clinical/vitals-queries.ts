import type { TenantDb } from "@/lib/tenancy/tenant-db";

/** A measure that can be charted over time, with the canonical column it is read from. */
export const TREND_MEASURES = {
  height: "heightCm",
  weight: "weightKg",
  bmi: "bmi",
  temperature: "temperatureC",
  heartRate: "heartRate",
  respiratoryRate: "respiratoryRate",
  systolic: "systolic",
  diastolic: "diastolic",
  spo2: "spo2",
  painScore: "painScore",
} as const;
export type TrendMeasure = keyof typeof TREND_MEASURES;

/** The patient's newest set of vitals that was not entered in error, or null. */
export function findLatestVitals(options: { db: TenantDb; patientId: string }) {
  return options.db.vitalSigns.findFirst({
    where: { patientId: options.patientId, enteredInErrorAt: null },
    orderBy: { takenAt: "desc" },
  });
}

/**
 * One measure over time, oldest first, in its canonical unit (cm, kg, kg/m2, Cel, /min, mm[Hg],
 * %, score): what the chart draws. Sets without that measure are left out.
 */
export async function findVitalsTrend(options: {
  db: TenantDb;
  patientId: string;
  measure: TrendMeasure;
  limit?: number;
}): Promise<{ takenAt: Date; value: number }[]> {
  const column = TREND_MEASURES[options.measure];
  const rows: Record<string, unknown>[] = await options.db.vitalSigns.findMany({
    where: { patientId: options.patientId, enteredInErrorAt: null, [column]: { not: null } },
    orderBy: { takenAt: "desc" },
    take: options.limit ?? 200,
    select: { takenAt: true, [column]: true },
  });
  return rows.map((row) => ({ takenAt: row.takenAt as Date, value: Number(row[column]) })).reverse();
}

const historyRow = {
  id: true,
  visitId: true,
  takenAt: true,
  heightValue: true,
  heightUnit: true,
  heightCm: true,
  weightValue: true,
  weightUnit: true,
  weightKg: true,
  bmi: true,
  temperatureValue: true,
  temperatureUnit: true,
  temperatureC: true,
  heartRate: true,
  respiratoryRate: true,
  systolic: true,
  diastolic: true,
  spo2: true,
  painScore: true,
  enteredInErrorAt: true,
  enteredInErrorReason: true,
} as const;

export const VITALS_HISTORY_LIMIT = 100;

/** The patient's sets of vitals, newest first (entered-in-error ones too, for the table to mark). */
export function findVitalsHistory(options: { db: TenantDb; patientId: string; limit?: number }) {
  return options.db.vitalSigns.findMany({
    where: { patientId: options.patientId },
    orderBy: [{ takenAt: "desc" }, { createdAt: "desc" }],
    take: options.limit ?? VITALS_HISTORY_LIMIT,
    select: historyRow,
  });
}

/** The sets of vitals taken in one visit of this patient, newest first. */
export function findVisitVitals(options: { db: TenantDb; patientId: string; visitId: string }) {
  return options.db.vitalSigns.findMany({
    where: { patientId: options.patientId, visitId: options.visitId },
    orderBy: [{ takenAt: "desc" }, { createdAt: "desc" }],
    select: historyRow,
  });
}

export type VitalsHistoryRow = Awaited<ReturnType<typeof findVitalsHistory>>[number];
