import type { z } from "zod";
import type { patientSchema } from "@/lib/validations/patients";

/** What the patient forms hold (strings as typed) and what the schema turns them into. */
export type PatientFormValues = z.input<typeof patientSchema>;
export type PatientValues = z.output<typeof patientSchema>;
