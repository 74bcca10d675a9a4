"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { withdrawPrescription } from "@/lib/clinical/prescriptions/prescription-withdrawal";
import { cancelPrescriptionSchema } from "@/lib/validations/prescription-actions";

/** Cancels a signed prescription before any of it was stopped or completed, with a reason. */
export const cancelPrescriptionAction = defineClinicAction({
  schema: cancelPrescriptionSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) =>
    withdrawPrescription({
      db,
      actor,
      prescriptionId: input.prescriptionId,
      to: "CANCELLED",
      reason: input.reason,
    }),
});
