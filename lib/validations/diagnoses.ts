import { z } from "zod";
import { onsetSchema } from "./allergies";

export const DIAGNOSIS_STATUS_LABELS = {
  ACTIVE: "Active",
  RESOLVED: "Resolved",
  ENTERED_IN_ERROR: "Entered in error",
} as const;

/** The code as typed (checked against ICD-10-CM's structure by the action, which explains a refusal). */
const codeText = z
  .string()
  .trim()
  .min(1, "Enter a diagnosis code, e.g. J06.9.")
  .max(12, "A code has at most 7 characters.");

/** What the doctor writes for a code that is not in the list; a listed code keeps the list's title. */
const titleText = z
  .string()
  .trim()
  .max(300, "Keep the title under 300 characters.")
  .transform((value) => value || null)
  .nullish();

export const addProblemSchema = z.object({
  patientId: z.uuid("Choose a patient."),
  code: codeText,
  title: titleText,
  onset: onsetSchema,
});
export type AddProblemInput = z.output<typeof addProblemSchema>;

export const addVisitDiagnosisSchema = addProblemSchema.extend({
  visitId: z.uuid("Choose a visit."),
  /** Also keep it on the patient's problem list (one row, both a visit diagnosis and a problem). */
  addToProblemList: z.boolean().default(false),
});
export type AddVisitDiagnosisInput = z.output<typeof addVisitDiagnosisSchema>;

export const resolveDiagnosisSchema = z.object({ diagnosisId: z.uuid("Choose a diagnosis.") });

export const enteredInErrorSchema = z.object({
  diagnosisId: z.uuid("Choose a diagnosis."),
  reason: z
    .string()
    .trim()
    .min(1, "Say why this was entered in error, e.g. recorded on the wrong patient.")
    .max(500, "Keep the reason under 500 characters."),
});

export const codeSearchSchema = z.object({ query: z.string().max(100).default("") });

/** The add-diagnosis form: a visit's (with the problem-list option) or the problem list's own. */
export const diagnosisFormSchema = addProblemSchema.extend({ addToProblemList: z.boolean().default(false) });
