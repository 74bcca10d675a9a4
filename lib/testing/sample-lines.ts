import type { PrescriptionLineValues } from "../validations/prescriptions";

/** Amoxicillin 500 mg capsules three times a day for 7 days: the line tests change what they need of. */
export const AMOXICILLIN_CAPSULES: PrescriptionLineValues = {
  medicationName: "Amoxicillin",
  strength: "500 mg",
  doseForm: "capsule",
  route: "by mouth",
  doseAmount: "1",
  doseUnit: "capsule",
  frequency: "THREE_TIMES_DAILY",
  everyHours: null,
  weekday: null,
  asNeededFor: null,
  durationValue: 7,
  durationUnit: "DAY",
  quantity: "21",
  quantityUnit: "capsules",
  refills: 0,
  instructions: "Finish the course.",
};

/** A child's liquid: 5 ml three times a day for 7 days (what the printing tests read back in words). */
export const AMOXICILLIN_SUSPENSION: PrescriptionLineValues = {
  ...AMOXICILLIN_CAPSULES,
  strength: "250 mg/5 ml",
  doseForm: "oral suspension",
  doseAmount: "5",
  doseUnit: "ml",
  quantity: "100",
  quantityUnit: "ml",
  instructions: "Shake the bottle well.",
};

/** The capsule line under another medicine's name, as the doctor's form sends it. */
export const sampleLine = (medicationName = "Amoxicillin"): PrescriptionLineValues => ({
  ...AMOXICILLIN_CAPSULES,
  medicationName,
});
