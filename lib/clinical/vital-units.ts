/**
 * Vitals units as UCUM codes (what is stored beside each value as entered), their exact
 * conversions to the canonical units charts use (cm, kg, Cel), and how each is shown.
 */

export const HEIGHT_UNITS = ["cm", "[in_i]"] as const;
export const WEIGHT_UNITS = ["kg", "[lb_av]"] as const;
export const TEMPERATURE_UNITS = ["Cel", "[degF]"] as const;

export type HeightUnit = (typeof HEIGHT_UNITS)[number];
export type WeightUnit = (typeof WEIGHT_UNITS)[number];
export type TemperatureUnit = (typeof TEMPERATURE_UNITS)[number];
export type VitalUnit = HeightUnit | WeightUnit | TemperatureUnit | "/min" | "mm[Hg]" | "%" | "kg/m2";

/** How a unit reads beside a value or an input. */
export const UNIT_LABELS: Record<VitalUnit, string> = {
  cm: "cm",
  "[in_i]": "in",
  kg: "kg",
  "[lb_av]": "lb",
  Cel: "°C",
  "[degF]": "°F",
  "/min": "/min",
  "mm[Hg]": "mmHg",
  "%": "%",
  "kg/m2": "kg/m²",
};

// Exact by definition: the international inch (1959) and the avoirdupois pound.
const CM_PER_INCH = 2.54;
const KG_PER_POUND = 0.45359237;

export function toCentimetres(value: number, unit: HeightUnit): number {
  return unit === "cm" ? value : value * CM_PER_INCH;
}

export function toKilograms(value: number, unit: WeightUnit): number {
  return unit === "kg" ? value : value * KG_PER_POUND;
}

export function toCelsius(value: number, unit: TemperatureUnit): number {
  return unit === "Cel" ? value : ((value - 32) * 5) / 9;
}

/** From a canonical value to the unit it is shown in (a chart in the clinic's units). */
export function fromCentimetres(cm: number, unit: HeightUnit): number {
  return unit === "cm" ? cm : cm / CM_PER_INCH;
}

export function fromKilograms(kg: number, unit: WeightUnit): number {
  return unit === "kg" ? kg : kg / KG_PER_POUND;
}

export function fromCelsius(celsius: number, unit: TemperatureUnit): number {
  return unit === "Cel" ? celsius : (celsius * 9) / 5 + 32;
}

/** Body mass index in kg/m², to 1 decimal. */
export function computeBmi(weightKg: number, heightCm: number): number {
  const metres = heightCm / 100;
  return Math.round((weightKg / (metres * metres)) * 10) / 10;
}

export const UNIT_SYSTEMS = ["METRIC", "US"] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

export function isUnitSystem(value: unknown): value is UnitSystem {
  return value === "METRIC" || value === "US";
}

/** The units a form starts with in a clinic of this unit system (each field can switch). */
export function defaultVitalUnits(system: UnitSystem): {
  height: HeightUnit;
  weight: WeightUnit;
  temperature: TemperatureUnit;
} {
  return system === "US"
    ? { height: "[in_i]", weight: "[lb_av]", temperature: "[degF]" }
    : { height: "cm", weight: "kg", temperature: "Cel" };
}

/**
 * A stored value as entered ("177", "70.5", "38"): no trailing zeros of the column's scale, no
 * float artefacts, so 177 cm reads back as 177 cm.
 */
export function formatEntered(value: { toString(): string } | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = value.toString();
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** A value with its unit's label: "177 cm", "38 °C", "98 %". */
export function withUnit(value: { toString(): string } | number, unit: VitalUnit): string {
  const label = UNIT_LABELS[unit];
  return `${formatEntered(value)} ${label}`;
}

/** A canonical value rounded for display in `unit`: 1 decimal (2 for inches would be noise). */
export function roundForDisplay(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
