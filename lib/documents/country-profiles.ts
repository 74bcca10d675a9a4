export const COUNTRIES = ["GENERIC", "UK", "US"] as const;
export type Country = (typeof COUNTRIES)[number];

export const PAPER_SIZES = ["A4", "LETTER"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** What a printed prescription must show where the clinic practises (non-controlled medicines only). */
export type CountryProfile = {
  label: string;
  /** What the prescriber's registration is called on paper. */
  registrationLabel: string;
  /** Signing is refused without these, with a message saying where to add them. */
  requires: { patientAddress: boolean; prescriberRegistration: boolean; locationPhone: boolean };
  /** Print the patient's age next to the birth date when under this age (UK: under 12). */
  ageUnder: number | null;
  /** A line the pharmacist reads, e.g. whether a generic may be dispensed. */
  footer: string | null;
};

export const COUNTRY_PROFILES: Record<Country, CountryProfile> = {
  GENERIC: {
    label: "Generic",
    registrationLabel: "Registration no.",
    requires: { patientAddress: false, prescriberRegistration: false, locationPhone: false },
    ageUnder: 12,
    footer: null,
  },
  UK: {
    label: "United Kingdom (private prescription)",
    registrationLabel: "GMC no.",
    requires: { patientAddress: true, prescriberRegistration: true, locationPhone: false },
    ageUnder: 12,
    footer: "Private prescription. Valid for 6 months from the date of signing.",
  },
  US: {
    label: "United States (non-controlled)",
    registrationLabel: "NPI",
    requires: { patientAddress: true, prescriberRegistration: true, locationPhone: true },
    ageUnder: null,
    footer: "Substitution permitted unless the prescriber writes “Dispense as written”.",
  },
};

export function isCountry(value: unknown): value is Country {
  return (COUNTRIES as readonly unknown[]).includes(value);
}

export function isPaperSize(value: unknown): value is PaperSize {
  return (PAPER_SIZES as readonly unknown[]).includes(value);
}
