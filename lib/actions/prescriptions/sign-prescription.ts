"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { signPrescription } from "@/lib/clinical/prescriptions/sign-prescription";
import { signPrescriptionSchema } from "@/lib/validations/prescription-actions";

/** Signs the doctor's own draft with its final lines; warned lines need a reason each. */
export const signPrescriptionAction = defineClinicAction({
  schema: signPrescriptionSchema,
  permission: "prescriptions.write",
  handler: ({ input, db, actor }) =>
    signPrescription({
      db,
      actor,
      prescriptionId: input.prescriptionId,
      revision: input.revision,
      lines: input.lines,
      overrideReasons: input.overrideReasons,
    }),
});
