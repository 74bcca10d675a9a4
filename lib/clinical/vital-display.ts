import { type AgeBand, ageBandOn, flagOf, type VitalFlag } from "./vital-flags";
import {
  HEIGHT_UNITS,
  type HeightUnit,
  TEMPERATURE_UNITS,
  type TemperatureUnit,
  UNIT_LABELS,
  type VitalUnit,
  WEIGHT_UNITS,
  type WeightUnit,
  withUnit,
} from "./vital-units";
import type { VitalsHistoryRow } from "./vitals-queries";

/** The columns of a vitals table, in order, with their headings. */
export const DISPLAY_MEASURES = [
  { key: "temperature", label: "Temp." },
  { key: "heartRate", label: "Pulse" },
  { key: "respiratoryRate", label: "Resp." },
  { key: "bloodPressure", label: "BP" },
  { key: "spo2", label: "SpO₂" },
  { key: "height", label: "Height" },
  { key: "weight", label: "Weight" },
  { key: "bmi", label: "BMI" },
  { key: "painScore", label: "Pain" },
] as const;

export type DisplayMeasure = (typeof DISPLAY_MEASURES)[number]["key"];

/** One value as entered with its unit ("154 lb"), and its flag at the patient's age then. */
export type VitalsCell = { text: string; flag: VitalFlag | null };

/** A set of vitals ready to show (plain data: it crosses to client components). */
export type VitalsDisplayRow = {
  id: string;
  takenAt: Date;
  visitId: string | null;
  band: AgeBand;
  enteredInError: { reason: string } | null;
  cells: Partial<Record<DisplayMeasure, VitalsCell>>;
};

const isOneOf = <U extends string>(units: readonly U[], unit: string | null): unit is U =>
  unit !== null && (units as readonly string[]).includes(unit);

const cell = (text: string, flag: VitalFlag | null = null): VitalsCell => ({ text, flag });

function enteredCell(value: { toString(): string } | null, unit: string | null, units: readonly VitalUnit[]) {
  return value !== null && isOneOf(units, unit) ? cell(withUnit(value, unit)) : undefined;
}

/** The worse of the two pressures' flags: high wins, since a high and a low together both need a look. */
function pressureFlag(band: AgeBand, systolic: number, diastolic: number): VitalFlag | null {
  const flags = [flagOf(band, "systolic", systolic), flagOf(band, "diastolic", diastolic)];
  return flags.includes("HIGH") ? "HIGH" : flags.includes("LOW") ? "LOW" : null;
}

/** A stored set as the table and the visit panel show it: values as entered, flags by age band. */
export function displayVitals(row: VitalsHistoryRow, dateOfBirth: Date): VitalsDisplayRow {
  const band = ageBandOn(dateOfBirth, row.takenAt);
  const cells: VitalsDisplayRow["cells"] = {};
  const height = enteredCell(row.heightValue, row.heightUnit, HEIGHT_UNITS as readonly HeightUnit[]);
  if (height) cells.height = height;
  const weight = enteredCell(row.weightValue, row.weightUnit, WEIGHT_UNITS as readonly WeightUnit[]);
  if (weight) cells.weight = weight;
  const temperature = enteredCell(
    row.temperatureValue,
    row.temperatureUnit,
    TEMPERATURE_UNITS as readonly TemperatureUnit[],
  );
  if (temperature)
    cells.temperature = { ...temperature, flag: flagOf(band, "temperatureC", row.temperatureC) };
  if (row.bmi !== null) {
    const bmi = Number(row.bmi);
    cells.bmi = cell(withUnit(bmi, "kg/m2"), flagOf(band, "bmi", bmi));
  }
  if (row.heartRate !== null)
    cells.heartRate = cell(withUnit(row.heartRate, "/min"), flagOf(band, "heartRate", row.heartRate));
  if (row.respiratoryRate !== null)
    cells.respiratoryRate = cell(
      withUnit(row.respiratoryRate, "/min"),
      flagOf(band, "respiratoryRate", row.respiratoryRate),
    );
  if (row.systolic !== null && row.diastolic !== null)
    cells.bloodPressure = cell(
      `${row.systolic}/${row.diastolic} ${UNIT_LABELS["mm[Hg]"]}`,
      pressureFlag(band, row.systolic, row.diastolic),
    );
  if (row.spo2 !== null) cells.spo2 = cell(withUnit(row.spo2, "%"), flagOf(band, "spo2", row.spo2));
  if (row.painScore !== null)
    cells.painScore = cell(`${row.painScore}/10`, flagOf(band, "painScore", row.painScore));
  return {
    id: row.id,
    takenAt: row.takenAt,
    visitId: row.visitId,
    band,
    enteredInError: row.enteredInErrorAt ? { reason: row.enteredInErrorReason ?? "" } : null,
    cells,
  };
}
