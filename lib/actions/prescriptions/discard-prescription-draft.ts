"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { discardPrescriptionDraft } from "@/lib/clinical/prescriptions/draft-editing";
import { discardPrescriptionDraftSchema } from "@/lib/validations/prescription-actions";

/** Throws away the doctor's own draft prescription (a signed one is never deleted). */
export const discardPrescriptionDraftAction = defineClinicAction({
  schema: discardPrescriptionDraftSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) =>
    discardPrescriptionDraft({ db, actor, prescriptionId: input.prescriptionId }),
});
