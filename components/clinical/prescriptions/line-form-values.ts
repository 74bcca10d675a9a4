import type { PrescriptionLineInput, PrescriptionLineValues } from "@/lib/validations/prescriptions";

/** A form line: what the inputs hold (text for every optional field, empty when unset). */
export type LineFormValues = PrescriptionLineInput & { controlled: boolean };

export const EMPTY_LINE: LineFormValues = {
  medicationName: "",
  strength: "",
  doseForm: "",
  route: "",
  doseAmount: "",
  doseUnit: "",
  frequency: "ONCE_DAILY",
  everyHours: "",
  weekday: "",
  asNeededFor: "",
  durationValue: "",
  durationUnit: "",
  quantity: "",
  quantityUnit: "",
  refills: 0,
  instructions: "",
  controlled: false,
};

/** A saved or favourite line as the form's inputs show it. */
export function lineFormValuesOf(line: PrescriptionLineValues): LineFormValues {
  return {
    medicationName: line.medicationName,
    strength: line.strength ?? "",
    doseForm: line.doseForm ?? "",
    route: line.route ?? "",
    doseAmount: line.doseAmount,
    doseUnit: line.doseUnit,
    frequency: line.frequency,
    everyHours: line.everyHours == null ? "" : String(line.everyHours),
    weekday: line.weekday == null ? "" : String(line.weekday),
    asNeededFor: line.asNeededFor ?? "",
    durationValue: line.durationValue == null ? "" : String(line.durationValue),
    durationUnit: line.durationUnit ?? "",
    quantity: line.quantity,
    quantityUnit: line.quantityUnit,
    refills: line.refills,
    instructions: line.instructions ?? "",
    controlled: false,
  };
}
