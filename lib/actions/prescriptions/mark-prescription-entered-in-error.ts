"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { withdrawPrescription } from "@/lib/clinical/prescriptions/prescription-withdrawal";
import { markPrescriptionEnteredInErrorSchema } from "@/lib/validations/prescription-actions";

/** Marks a signed or cancelled prescription entered in error, with a reason; it is kept. */
export const markPrescriptionEnteredInErrorAction = defineClinicAction({
  schema: markPrescriptionEnteredInErrorSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) =>
    withdrawPrescription({
      db,
      actor,
      prescriptionId: input.prescriptionId,
      to: "ENTERED_IN_ERROR",
      reason: input.reason,
    }),
});
