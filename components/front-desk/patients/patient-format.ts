import type { PatientInput } from "@/lib/validations/patients";

export type Sex = PatientInput["sex"];

export const SEX_OPTIONS: readonly { value: Sex; label: string }[] = [
  { value: "UNKNOWN", label: "Not recorded" },
  { value: "FEMALE", label: "Female" },
  { value: "MALE", label: "Male" },
  { value: "OTHER", label: "Other" },
];

export function sexLabel(sex: string | null): string {
  return SEX_OPTIONS.find((option) => option.value === sex)?.label ?? "Not recorded";
}

/** A date-only column (stored at UTC midnight) as YYYY-MM-DD: no time zone may shift a birthday. */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
