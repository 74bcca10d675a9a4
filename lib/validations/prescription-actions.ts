import { z } from "zod";
import { nameKey } from "@/lib/clinical/prescriptions/allergy-match";
import { prescriptionLineSchema, prescriptionLinesSchema } from "./prescriptions";

const prescriptionId = z.uuid("Choose a prescription.");
/** The draft's `updatedAt` as the editor loaded it: a save from a stale tab is refused, not applied. */
const revision = z.iso.datetime({ message: "Reload the page: this draft's version is unknown." });

/** The draft's lines, with the same medicine twice on one prescription refused on the second. */
export const draftLinesSchema = prescriptionLinesSchema.superRefine((lines, context) => {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const key = nameKey(line.medicationName);
    if (key && seen.has(key))
      context.addIssue({
        code: "custom",
        path: [index, "medicationName"],
        message: "This medicine is already on this prescription: change that line instead.",
      });
    seen.add(key);
  });
});

export const startPrescriptionSchema = z.object({ visitId: z.uuid("Choose a visit.") });

export const savePrescriptionDraftSchema = z.object({ prescriptionId, revision, lines: draftLinesSchema });

const overrideReason = z
  .string()
  .trim()
  .max(500, "Keep the reason under 500 characters.")
  .transform((value) => value || null)
  .nullish();

/**
 * Signing sends the final lines and, for each line with a warning, why the doctor goes ahead
 * (`overrideReasons[i]` for `lines[i]`; empty where there is no warning).
 */
export const signPrescriptionSchema = savePrescriptionDraftSchema.extend({
  overrideReasons: z.array(overrideReason).max(12).default([]),
});

/** What the editor's form holds: the lines and their override reasons, as typed. */
export type PrescriptionFormValues = z.input<typeof signPrescriptionSchema>;

export const discardPrescriptionDraftSchema = z.object({ prescriptionId });

const reason = z
  .string("Say why.")
  .trim()
  .min(1, "Say why, for the record.")
  .max(500, "Keep the reason under 500 characters.");

export const cancelPrescriptionSchema = z.object({ prescriptionId, reason });
export const markPrescriptionEnteredInErrorSchema = z.object({ prescriptionId, reason });

export const saveFavouriteSchema = z.object({
  label: z
    .string("Name the favourite.")
    .trim()
    .min(1, "Name the favourite, e.g. Amoxicillin adult.")
    .max(80, "Keep the name under 80 characters."),
  line: prescriptionLineSchema,
});

export const deleteFavouriteSchema = z.object({ favouriteId: z.uuid("Choose a favourite.") });
