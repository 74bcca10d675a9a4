import { z } from "zod";
import { listSortSchema } from "./list-sort";
import { pageParam, textParam } from "./search-params";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || null)
    .nullish();

export const patientSchema = z.object({
  firstName: z.string().trim().min(1, "Enter the first name.").max(100),
  lastName: z.string().trim().min(1, "Enter the last name.").max(100),
  dateOfBirth: z.iso
    .date("Enter a date of birth that exists, with a 4-digit year.")
    .refine(
      (value) => value >= "1900-01-01" && new Date(`${value}T00:00:00Z`) <= new Date(),
      "The date of birth must be in the past.",
    ),
  sex: z.enum(["FEMALE", "MALE", "OTHER", "UNKNOWN"]).default("UNKNOWN"),
  phone: optionalText(40).refine(
    (value) => !value || /^[+\d][\d\s().-]{5,}$/.test(value),
    "Enter a phone number, e.g. +1 555 010 2000.",
  ),
  email: z
    .union([z.literal(""), z.email("Enter a valid email address.")])
    .transform((value) => value || null)
    .nullish(),
  address: optionalText(300),
  emergencyContact: optionalText(200),
  notes: optionalText(2000),
  /** Set when the person saw the duplicate warning and registers anyway. */
  confirmNotDuplicate: z.coerce.boolean().default(false),
});

export type PatientInput = z.output<typeof patientSchema>;

/** Corrections to a registered patient: the same fields, no duplicate confirmation. */
export const updatePatientSchema = patientSchema
  .omit({ confirmNotDuplicate: true })
  .extend({ patientId: z.uuid("Choose a patient.") });

/** What the duplicate warning compares a new registration on. */
export const duplicateCheckSchema = patientSchema.pick({
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  phone: true,
});

export const patientSearchSchema = z.object({
  query: z.string().trim().max(100).default(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** The columns the patient registry sorts by; by last name, first name and record number by default. */
export const PATIENT_SORT_KEYS = ["name", "mrn", "dateOfBirth"] as const;
export const patientListSortSchema = listSortSchema(PATIENT_SORT_KEYS, { key: "name", desc: false });
export type PatientListSort = z.output<typeof patientListSortSchema>;

/** The registry's search in its URL (`?q=&page=`); anything unreadable is the first page of everyone. */
export const patientSearchQuerySchema = z.object({ q: textParam(100), page: pageParam });

/** The registry's search box, submitted: the text only (the action audits the search, then the page shows it). */
export const patientListSearchSchema = z.object({ query: z.string().trim().max(100).default("") });
