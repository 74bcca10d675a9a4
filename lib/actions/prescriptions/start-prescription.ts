"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { createPrescriptionDraft } from "@/lib/clinical/prescriptions/drafts";
import { AppError } from "@/lib/errors";
import { startPrescriptionSchema } from "@/lib/validations/prescription-actions";

/** "New prescription" on a visit: an empty draft by the signed-in doctor, for the visit's patient. */
export const startPrescriptionAction = defineClinicAction({
  schema: startPrescriptionSchema,
  permission: "prescriptions.write",
  handler: async ({ input, db, actor }) => {
    const visit = await db.visit.findUnique({ where: { id: input.visitId }, select: { patientId: true } });
    if (!visit) throw new AppError("NOT_FOUND", "No such visit in this clinic.");
    return createPrescriptionDraft({
      db,
      actor,
      patientId: visit.patientId,
      visitId: input.visitId,
      lines: [],
      source: "visit",
    });
  },
});
