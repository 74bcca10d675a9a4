"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { savePrescriptionDraft } from "@/lib/clinical/prescriptions/draft-editing";
import { savePrescriptionDraftSchema } from "@/lib/validations/prescription-actions";

/** Saves the doctor's own draft (from the version they edited) and returns each line's checks. */
export const savePrescriptionDraftAction = defineClinicAction({
  schema: savePrescriptionDraftSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) =>
    savePrescriptionDraft({
      db,
      actor,
      prescriptionId: input.prescriptionId,
      revision: input.revision,
      lines: input.lines,
    }),
});
