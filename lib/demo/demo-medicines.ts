import type { PrescriptionLineValues } from "../validations/prescriptions";

/** The medicines the demo prescribes, keeps as favourites and hears patients report. */
export type Line = PrescriptionLineValues;

const line = (
  fields: Pick<
    Line,
    "medicationName" | "doseAmount" | "doseUnit" | "frequency" | "quantity" | "quantityUnit"
  > &
    Partial<Line>,
): Line => ({
  strength: null,
  doseForm: "tablet",
  route: "by mouth",
  everyHours: null,
  weekday: null,
  asNeededFor: null,
  durationValue: null,
  durationUnit: null,
  refills: 0,
  instructions: null,
  ...fields,
});

const tablets = (
  medicationName: string,
  strength: string,
  frequency: Line["frequency"],
  extra: Partial<Line> = {},
) =>
  line({
    medicationName,
    strength,
    doseAmount: "1",
    doseUnit: "tablet",
    frequency,
    quantity: "28",
    quantityUnit: "tablets",
    refills: 5,
    ...extra,
  });

/** A long-term medicine for each long-term problem of the demo (no end: taken until stopped). */
export const CHRONIC_MEDICINES: Record<string, Line> = {
  I10: tablets("Amlodipine", "5 mg", "ONCE_DAILY"),
  "E11.9": tablets("Metformin", "500 mg", "TWICE_DAILY", {
    quantity: "56",
    instructions: "Take with meals.",
  }),
  "J45.909": line({
    medicationName: "Salbutamol",
    strength: "100 micrograms/dose",
    doseForm: "inhaler",
    route: "inhaled",
    doseAmount: "2",
    doseUnit: "puff",
    frequency: "AS_NEEDED",
    asNeededFor: "wheeze or breathlessness",
    quantity: "1",
    quantityUnit: "inhaler",
    refills: 3,
  }),
  "F41.1": tablets("Sertraline", "50 mg", "ONCE_DAILY"),
  "E78.5": tablets("Atorvastatin", "20 mg", "AT_NIGHT"),
  "E03.9": tablets("Levothyroxine", "50 micrograms", "ONCE_DAILY", {
    instructions: "Take 30 minutes before breakfast.",
  }),
  "M54.50": tablets("Naproxen", "250 mg", "TWICE_DAILY", {
    durationValue: 14,
    durationUnit: "DAY",
    refills: 0,
    instructions: "Take with food.",
  }),
};

/** A short course for each short illness of the demo: completed once its days have passed. */
export const ACUTE_MEDICINES: Record<string, Line> = {
  "J06.9": line({
    medicationName: "Paracetamol",
    strength: "500 mg",
    doseAmount: "2",
    doseUnit: "tablet",
    frequency: "FOUR_TIMES_DAILY",
    asNeededFor: "fever or pain",
    durationValue: 5,
    durationUnit: "DAY",
    quantity: "32",
    quantityUnit: "tablets",
  }),
  "J02.9": tablets("Ibuprofen", "400 mg", "THREE_TIMES_DAILY", {
    durationValue: 5,
    durationUnit: "DAY",
    quantity: "15",
    refills: 0,
    instructions: "Take with food.",
  }),
  "N39.0": line({
    medicationName: "Nitrofurantoin",
    strength: "100 mg",
    doseForm: "modified-release capsule",
    doseAmount: "1",
    doseUnit: "capsule",
    frequency: "TWICE_DAILY",
    durationValue: 3,
    durationUnit: "DAY",
    quantity: "6",
    quantityUnit: "capsules",
  }),
};

export const RAMIPRIL = line({
  medicationName: "Ramipril",
  strength: "2.5 mg",
  doseForm: "capsule",
  doseAmount: "1",
  doseUnit: "capsule",
  frequency: "ONCE_DAILY",
  quantity: "28",
  quantityUnit: "capsules",
  refills: 2,
});

/** What each demo doctor keeps as favourites. */
export const FAVOURITES: [string, Line][] = [
  [
    "Amoxicillin 500 mg, 7 days",
    line({
      medicationName: "Amoxicillin",
      strength: "500 mg",
      doseForm: "capsule",
      doseAmount: "1",
      doseUnit: "capsule",
      frequency: "THREE_TIMES_DAILY",
      durationValue: 7,
      durationUnit: "DAY",
      quantity: "21",
      quantityUnit: "capsules",
    }),
  ],
  [
    "Paracetamol 500 mg when needed",
    line({ ...(ACUTE_MEDICINES["J06.9"] as Line), durationValue: null, durationUnit: null }),
  ],
  ["Amlodipine 5 mg daily", CHRONIC_MEDICINES.I10 as Line],
];

export const REPORTED = [
  { name: "Cetirizine", dose: "10 mg", frequency: "once a day in summer", since: "2021" },
  { name: "Ibuprofen gel", dose: "5%", frequency: "when needed for knee pain", since: "2024" },
  { name: "Multivitamin", dose: "1 tablet", frequency: "once a day", since: null },
];
