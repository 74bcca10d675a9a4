import { z } from "zod";
import {
  fromCelsius,
  fromCentimetres,
  fromKilograms,
  HEIGHT_UNITS,
  type HeightUnit,
  roundForDisplay,
  TEMPERATURE_UNITS,
  type TemperatureUnit,
  toCelsius,
  toCentimetres,
  toKilograms,
  UNIT_LABELS,
  WEIGHT_UNITS,
  type WeightUnit,
} from "../clinical/vital-units";

/**
 * What a body can measure, from a very premature newborn to the extremes ever recorded in adults:
 * anything outside is a typing slip (SpO₂ 140 %, a temperature in the wrong unit), refused.
 */
export const VITAL_LIMITS = {
  heightCm: { min: 20, max: 272 },
  weightKg: { min: 0.3, max: 650 },
  temperatureC: { min: 25, max: 45 },
  heartRate: { min: 20, max: 300 },
  respiratoryRate: { min: 4, max: 120 },
  systolic: { min: 40, max: 300 },
  diastolic: { min: 10, max: 200 },
  spo2: { min: 50, max: 100 },
  painScore: { min: 0, max: 10 },
} as const;

/** A typed number: blank is "not measured" (null); a comma reads as the decimal point (37,5). */
const typedNumber = (example: string) =>
  z
    .union([z.string(), z.number(), z.null()], `Enter a number, e.g. ${example}.`)
    .optional()
    .transform((raw, context) => {
      if (raw === null || raw === undefined) return null;
      const text = (typeof raw === "number" ? String(raw) : raw).trim().replace(",", ".");
      if (text === "") return null;
      if (!/^\d{1,6}(\.\d{1,6})?$/.test(text)) {
        context.addIssue({ code: "custom", message: `Enter a number, e.g. ${example}.` });
        return z.NEVER;
      }
      return Number(text);
    });

const decimalsOf = (value: number) => (String(value).split(".")[1] ?? "").length;

/** A measure kept as a whole number (beats, breaths, mmHg, %, a score), with its own words. */
function wholeMeasure(what: string, unit: string, limit: { min: number; max: number }, example: string) {
  return typedNumber(example).superRefine((value, context) => {
    if (value === null) return;
    const message = !Number.isInteger(value)
      ? `Give the ${what} as a whole number.`
      : value > limit.max
        ? `${capitalised(what)} cannot be above ${limit.max}${unit}.`
        : value < limit.min
          ? `${capitalised(what)} cannot be below ${limit.min}${unit}.`
          : null;
    if (message) context.addIssue({ code: "custom", message });
  });
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A measure typed in a unit the person chose: the limits are checked in the canonical unit. */
type UnitMeasure<U extends string> = {
  what: string;
  valueField: string;
  unitField: string;
  decimals: number;
  limit: { min: number; max: number };
  toCanonical: (value: number, unit: U) => number;
  fromCanonical: (value: number, unit: U) => number;
};

const HEIGHT: UnitMeasure<HeightUnit> = {
  what: "height",
  valueField: "heightValue",
  unitField: "heightUnit",
  decimals: 2,
  limit: VITAL_LIMITS.heightCm,
  toCanonical: toCentimetres,
  fromCanonical: fromCentimetres,
};
const WEIGHT: UnitMeasure<WeightUnit> = {
  what: "weight",
  valueField: "weightValue",
  unitField: "weightUnit",
  decimals: 3,
  limit: VITAL_LIMITS.weightKg,
  toCanonical: toKilograms,
  fromCanonical: fromKilograms,
};
const TEMPERATURE: UnitMeasure<TemperatureUnit> = {
  what: "temperature",
  valueField: "temperatureValue",
  unitField: "temperatureUnit",
  decimals: 1,
  limit: VITAL_LIMITS.temperatureC,
  toCanonical: toCelsius,
  fromCanonical: fromCelsius,
};

/** The field message for a value of a unit measure, or null when it is possible. */
function unitMeasureMessage<U extends HeightUnit | WeightUnit | TemperatureUnit>(
  measure: UnitMeasure<U>,
  value: number,
  unit: U,
): string | null {
  if (decimalsOf(value) > measure.decimals)
    return `Give the ${measure.what} with at most ${measure.decimals === 1 ? "1 decimal" : `${measure.decimals} decimals`}.`;
  const canonical = measure.toCanonical(value, unit);
  const label = UNIT_LABELS[unit];
  const bound = (limit: number) => roundForDisplay(measure.fromCanonical(limit, unit));
  // A tiny tolerance: 107.09 in is 272.0086 cm, and the limit is read as typed in that unit.
  if (canonical > measure.limit.max + 1e-9 && value > bound(measure.limit.max))
    return `${capitalised(measure.what)} cannot be above ${bound(measure.limit.max)} ${label}.`;
  if (canonical < measure.limit.min - 1e-9 && value < bound(measure.limit.min))
    return `${capitalised(measure.what)} cannot be below ${bound(measure.limit.min)} ${label}.`;
  return null;
}

const MEASURE_FIELDS = [
  "heightValue",
  "weightValue",
  "temperatureValue",
  "heartRate",
  "respiratoryRate",
  "systolic",
  "diastolic",
  "spo2",
  "painScore",
] as const;

/** When the set was taken: an ISO time, not in the future (a few minutes of clock drift allowed). */
const takenAtSchema = z
  .union([z.iso.datetime({ offset: true }), z.null()])
  .optional()
  .refine((value) => !value || new Date(value).getTime() <= Date.now() + 5 * 60_000, {
    message: "The time the vitals were taken cannot be in the future.",
  })
  .refine((value) => !value || new Date(value).getTime() >= Date.UTC(1900, 0, 1), {
    message: "Check the date the vitals were taken: it is before 1900.",
  })
  .transform((value) => (value ? new Date(value) : null));

export const recordVitalsSchema = z
  .object({
    patientId: z.uuid("Choose a patient."),
    /** The visit these were taken in, if any: one of this patient's. */
    visitId: z.union([z.uuid("Choose a visit of this patient."), z.literal(""), z.null()]).optional(),
    takenAt: takenAtSchema,
    heightValue: typedNumber("177"),
    heightUnit: z.enum(HEIGHT_UNITS, "Choose cm or in for the height.").optional(),
    weightValue: typedNumber("70.5"),
    weightUnit: z.enum(WEIGHT_UNITS, "Choose kg or lb for the weight.").optional(),
    temperatureValue: typedNumber("37.2"),
    temperatureUnit: z.enum(TEMPERATURE_UNITS, "Choose °C or °F for the temperature.").optional(),
    heartRate: wholeMeasure("heart rate", "/min", VITAL_LIMITS.heartRate, "72"),
    respiratoryRate: wholeMeasure("breathing rate", "/min", VITAL_LIMITS.respiratoryRate, "16"),
    systolic: wholeMeasure("systolic pressure", " mmHg", VITAL_LIMITS.systolic, "120"),
    diastolic: wholeMeasure("diastolic pressure", " mmHg", VITAL_LIMITS.diastolic, "80"),
    spo2: wholeMeasure("oxygen saturation", " %", VITAL_LIMITS.spo2, "98"),
    painScore: typedNumber("3").superRefine((value, context) => {
      if (value !== null && (!Number.isInteger(value) || value > 10))
        context.addIssue({ code: "custom", message: "Pain score is a whole number from 0 to 10." });
    }),
  })
  .superRefine((input, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: "custom", path: [path], message });
    for (const measure of [HEIGHT, WEIGHT, TEMPERATURE] as UnitMeasure<never>[]) {
      const value = input[measure.valueField as keyof typeof input] as number | null;
      const unit = input[measure.unitField as keyof typeof input] as never | undefined;
      if (value === null) continue;
      if (!unit) issue(measure.unitField, `Choose the unit of the ${measure.what}.`);
      else {
        const message = unitMeasureMessage(measure, value, unit);
        if (message) issue(measure.valueField, message);
      }
    }
    const { systolic, diastolic } = input;
    if (systolic !== null && diastolic === null)
      issue("diastolic", "Enter the diastolic pressure too (the lower number).");
    if (diastolic !== null && systolic === null)
      issue("systolic", "Enter the systolic pressure too (the upper number).");
    if (systolic !== null && diastolic !== null && diastolic >= systolic)
      issue("diastolic", "The diastolic pressure must be below the systolic.");
    if (MEASURE_FIELDS.every((field) => input[field] === null))
      context.addIssue({ code: "custom", path: [], message: "Enter at least one measurement." });
  })
  .transform(({ visitId, ...input }) => ({ ...input, visitId: visitId || null }));

export type RecordVitalsFormValues = z.input<typeof recordVitalsSchema>;
export type RecordVitalsInput = z.output<typeof recordVitalsSchema>;

export const markVitalsEnteredInErrorSchema = z.object({
  vitalsId: z.uuid("Choose a set of vitals."),
  reason: z
    .string("Say why these vitals are wrong, e.g. recorded on the wrong patient.")
    .trim()
    .min(3, "Say why these vitals are wrong, e.g. recorded on the wrong patient.")
    .max(500, "Keep the reason under 500 characters.")
    .refine((value) => !/\p{Cc}/u.test(value.replace(/[\n\t]/g, "")), "Remove the control characters."),
});

export type MarkVitalsEnteredInErrorInput = z.output<typeof markVitalsEnteredInErrorSchema>;
