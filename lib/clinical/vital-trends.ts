import type { TenantDb } from "@/lib/tenancy/tenant-db";
import {
  defaultVitalUnits,
  fromCelsius,
  fromCentimetres,
  fromKilograms,
  roundForDisplay,
  UNIT_LABELS,
  type UnitSystem,
} from "./vital-units";
import { findVitalsTrend, type TrendMeasure } from "./vitals-queries";

/** One chart: a measure over time in the unit it is shown in; blood pressure has two lines. */
export type VitalsChartSeries = {
  key: string;
  title: string;
  unit: string;
  lines: { key: string; label: string; color: string }[];
  /** Points oldest first: `t` is the time taken in ms, then one value per line key. */
  points: ({ t: number } & Record<string, number>)[];
};

const BLUE = "#1d4ed8";
const RED = "#b91c1c";

type Chart = {
  key: string;
  title: string;
  measures: { measure: TrendMeasure; label: string; color: string }[];
};

const CHARTS: Chart[] = [
  {
    key: "temperature",
    title: "Temperature",
    measures: [{ measure: "temperature", label: "Temperature", color: RED }],
  },
  {
    key: "heartRate",
    title: "Heart rate",
    measures: [{ measure: "heartRate", label: "Heart rate", color: RED }],
  },
  {
    key: "bloodPressure",
    title: "Blood pressure",
    measures: [
      { measure: "systolic", label: "Systolic", color: RED },
      { measure: "diastolic", label: "Diastolic", color: BLUE },
    ],
  },
  {
    key: "respiratoryRate",
    title: "Breathing rate",
    measures: [{ measure: "respiratoryRate", label: "Breathing rate", color: BLUE }],
  },
  { key: "spo2", title: "Oxygen saturation", measures: [{ measure: "spo2", label: "SpO₂", color: BLUE }] },
  { key: "weight", title: "Weight", measures: [{ measure: "weight", label: "Weight", color: BLUE }] },
  { key: "height", title: "Height", measures: [{ measure: "height", label: "Height", color: BLUE }] },
  { key: "bmi", title: "BMI", measures: [{ measure: "bmi", label: "BMI", color: BLUE }] },
  { key: "painScore", title: "Pain score", measures: [{ measure: "painScore", label: "Pain", color: RED }] },
];

/** How a canonical value reads in the clinic's units (cm → in, kg → lb, °C → °F for US clinics). */
function displayOf(
  measure: TrendMeasure,
  system: UnitSystem,
): { unit: string; convert: (value: number) => number } {
  const units = defaultVitalUnits(system);
  switch (measure) {
    case "height":
      return {
        unit: UNIT_LABELS[units.height],
        convert: (v) => roundForDisplay(fromCentimetres(v, units.height)),
      };
    case "weight":
      return {
        unit: UNIT_LABELS[units.weight],
        convert: (v) => roundForDisplay(fromKilograms(v, units.weight)),
      };
    case "temperature":
      return {
        unit: UNIT_LABELS[units.temperature],
        convert: (v) => roundForDisplay(fromCelsius(v, units.temperature)),
      };
    case "bmi":
      return { unit: UNIT_LABELS["kg/m2"], convert: (v) => v };
    case "systolic":
    case "diastolic":
      return { unit: UNIT_LABELS["mm[Hg]"], convert: (v) => v };
    case "spo2":
      return { unit: UNIT_LABELS["%"], convert: (v) => v };
    case "painScore":
      return { unit: "/10", convert: (v) => v };
    default:
      return { unit: UNIT_LABELS["/min"], convert: (v) => v };
  }
}

/** The patient's trend charts with values, each in the clinic's units, from the canonical trend queries. */
export async function findVitalsChartSeries(options: {
  db: TenantDb;
  patientId: string;
  unitSystem: UnitSystem;
}): Promise<VitalsChartSeries[]> {
  const { db, patientId, unitSystem } = options;
  const charts = await Promise.all(
    CHARTS.map(async (chart) => {
      const byTime = new Map<number, { t: number } & Record<string, number>>();
      let unit = "";
      for (const { measure } of chart.measures) {
        const display = displayOf(measure, unitSystem);
        unit = display.unit;
        for (const point of await findVitalsTrend({ db, patientId, measure })) {
          const t = point.takenAt.getTime();
          const row = byTime.get(t) ?? { t };
          row[measure] = display.convert(point.value);
          byTime.set(t, row);
        }
      }
      const points = [...byTime.values()].sort((a, b) => a.t - b.t);
      return {
        key: chart.key,
        title: chart.title,
        unit,
        lines: chart.measures.map(({ measure, label, color }) => ({ key: measure, label, color })),
        points,
      };
    }),
  );
  return charts.filter((chart) => chart.points.length > 0);
}
