/**
 * Abnormal-value flags by age band: a heart rate of 140 is normal in a newborn and high in an
 * adult, so adult ranges are never applied under 18. Ranges are the usual paediatric and adult
 * reference ranges (awake, at rest); a flag asks for a second look, it is not a diagnosis.
 */

export type AgeBand = "newborn" | "infant" | "child" | "adolescent" | "adult";

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  newborn: "newborn (under 28 days)",
  infant: "infant (under 1 year)",
  child: "child (1 to 11 years)",
  adolescent: "adolescent (12 to 17 years)",
  adult: "adult",
};

export type FlaggedMeasure =
  | "temperatureC"
  | "heartRate"
  | "respiratoryRate"
  | "systolic"
  | "diastolic"
  | "spo2"
  | "bmi"
  | "painScore";
export type VitalFlag = "LOW" | "HIGH";

/** Normal when low ≤ value ≤ high; a missing bound is never flagged that way. */
type Range = { low?: number; high?: number };

const RANGES: Record<AgeBand, Partial<Record<FlaggedMeasure, Range>>> = {
  newborn: {
    temperatureC: { low: 36.5, high: 37.9 },
    heartRate: { low: 100, high: 180 },
    respiratoryRate: { low: 30, high: 60 },
    systolic: { low: 60, high: 90 },
    diastolic: { low: 30, high: 60 },
    spo2: { low: 92 },
    painScore: { high: 6 },
  },
  infant: {
    temperatureC: { low: 36.0, high: 37.9 },
    heartRate: { low: 100, high: 160 },
    respiratoryRate: { low: 30, high: 53 },
    systolic: { low: 70, high: 105 },
    diastolic: { low: 35, high: 65 },
    spo2: { low: 95 },
    painScore: { high: 6 },
  },
  child: {
    temperatureC: { low: 36.0, high: 37.9 },
    heartRate: { low: 70, high: 140 },
    respiratoryRate: { low: 18, high: 34 },
    systolic: { low: 80, high: 120 },
    diastolic: { low: 45, high: 80 },
    spo2: { low: 95 },
    painScore: { high: 6 },
  },
  adolescent: {
    temperatureC: { low: 36.0, high: 37.9 },
    heartRate: { low: 60, high: 100 },
    respiratoryRate: { low: 12, high: 20 },
    systolic: { low: 90, high: 129 },
    diastolic: { low: 50, high: 84 },
    spo2: { low: 95 },
    painScore: { high: 6 },
  },
  // BMI is flagged for adults only: under 18 it needs growth-chart percentiles by age and sex.
  adult: {
    temperatureC: { low: 36.0, high: 37.9 },
    heartRate: { low: 60, high: 100 },
    respiratoryRate: { low: 12, high: 20 },
    systolic: { low: 90, high: 139 },
    diastolic: { low: 60, high: 89 },
    spo2: { low: 95 },
    bmi: { low: 18.5, high: 29.9 },
    painScore: { high: 6 },
  },
};

const DAY_MS = 86_400_000;

/** The age band on the day a set was taken, from a date of birth (a calendar date, read as UTC). */
export function ageBandOn(dateOfBirth: Date, at: Date): AgeBand {
  const days = Math.floor((at.getTime() - dateOfBirth.getTime()) / DAY_MS);
  if (days < 28) return "newborn";
  const born = { y: dateOfBirth.getUTCFullYear(), m: dateOfBirth.getUTCMonth(), d: dateOfBirth.getUTCDate() };
  let years = at.getUTCFullYear() - born.y;
  if (at.getUTCMonth() < born.m || (at.getUTCMonth() === born.m && at.getUTCDate() < born.d)) years -= 1;
  if (years < 1) return "infant";
  if (years < 12) return "child";
  if (years < 18) return "adolescent";
  return "adult";
}

/** One measure's flag in this age band, or null (normal, not measured, or not flagged at that age). */
export function flagOf(
  band: AgeBand,
  measure: FlaggedMeasure,
  value: number | null | undefined,
): VitalFlag | null {
  if (value === null || value === undefined) return null;
  const range = RANGES[band][measure];
  if (!range) return null;
  if (range.low !== undefined && value < range.low) return "LOW";
  if (range.high !== undefined && value > range.high) return "HIGH";
  return null;
}

export type CanonicalVitals = Partial<Record<FlaggedMeasure, number | null>>;

/** Every flag of a set (canonical values), measured at `band`'s age. */
export function flagVitals(
  band: AgeBand,
  vitals: CanonicalVitals,
): Partial<Record<FlaggedMeasure, VitalFlag>> {
  const flags: Partial<Record<FlaggedMeasure, VitalFlag>> = {};
  for (const measure of Object.keys(vitals) as FlaggedMeasure[]) {
    const flag = flagOf(band, measure, vitals[measure]);
    if (flag) flags[measure] = flag;
  }
  return flags;
}
