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
