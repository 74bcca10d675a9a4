import type { TimelineEntry, TimelineKind, TimelineVitals } from "@/lib/clinical/timeline-entries";

export const KIND_LABELS: Record<TimelineKind, string> = {
  appointment: "Appointment",
  visit: "Visit",
  vitals: "Vitals",
  diagnosis: "Diagnosis",
  immunization: "Immunization",
  document: "Document",
  prescription: "Prescription",
};

/** The filter links' names: plural, as a list is named. */
export const KIND_FILTER_LABELS: Record<TimelineKind, string> = {
  appointment: "Appointments",
  visit: "Visits",
  vitals: "Vitals",
  diagnosis: "Diagnoses",
  immunization: "Immunizations",
  document: "Documents",
  prescription: "Prescriptions",
};

const UNIT_LABELS: Record<string, string> = {
  cm: "cm",
  "[in_i]": "in",
  kg: "kg",
  "[lb_av]": "lb",
  Cel: "°C",
  "[degF]": "°F",
};

export const DOCUMENT_CATEGORY_LABELS: Record<string, string> = {
  ID: "ID",
  INSURANCE_CARD: "Insurance card",
  REFERRAL_LETTER: "Referral letter",
  CONSENT: "Consent",
  RESULTS: "Results",
  LETTER: "Letter",
  IMAGE: "Image",
};

const withUnit = (value: number | null, unit: string | null) =>
  value === null ? null : `${value} ${unit ? (UNIT_LABELS[unit] ?? unit) : ""}`.trim();

/** A set of vitals on one line, each value as it was entered, with its unit. */
export function vitalsLine(vitals: TimelineVitals): string {
  const parts = [
    vitals.systolic !== null && vitals.diastolic !== null
      ? `BP ${vitals.systolic}/${vitals.diastolic} mmHg`
      : null,
    vitals.heartRate !== null ? `HR ${vitals.heartRate}/min` : null,
    vitals.respiratoryRate !== null ? `RR ${vitals.respiratoryRate}/min` : null,
    vitals.temperatureValue !== null
      ? `Temp ${withUnit(vitals.temperatureValue, vitals.temperatureUnit)}`
      : null,
    vitals.spo2 !== null ? `SpO₂ ${vitals.spo2} %` : null,
    vitals.weightValue !== null ? `Weight ${withUnit(vitals.weightValue, vitals.weightUnit)}` : null,
    vitals.heightValue !== null ? `Height ${withUnit(vitals.heightValue, vitals.heightUnit)}` : null,
    vitals.bmi !== null ? `BMI ${vitals.bmi}` : null,
    vitals.painScore !== null ? `Pain ${vitals.painScore}/10` : null,
  ];
  return parts.filter(Boolean).join(" · ") || "No values";
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** How far a visit's notes are: "1 signed, 1 draft", or "No notes yet". */
export function notesLine(notes: { drafts: number; signed: number; enteredInError: number }): string {
  const parts = [
    notes.signed ? `${notes.signed} signed` : null,
    notes.drafts ? plural(notes.drafts, "draft", "drafts") : null,
    notes.enteredInError ? `${notes.enteredInError} entered in error` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "No notes yet";
}

/** The entry's headline: what happened, in a few words. */
export function entryTitle(entry: TimelineEntry): string {
  switch (entry.kind) {
    case "appointment":
      return entry.reason ?? "Appointment";
    case "visit":
      return entry.reason;
    case "vitals":
      return vitalsLine(entry.measures);
    case "diagnosis":
      return `${entry.code} ${entry.title}`;
    case "immunization":
      return entry.doseNumber ? `${entry.vaccine}, dose ${entry.doseNumber}` : entry.vaccine;
    case "document":
      return entry.title;
    case "prescription":
      return `${entry.number}: ${entry.medicines.join(", ")}`;
  }
}
