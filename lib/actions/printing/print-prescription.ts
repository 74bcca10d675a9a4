"use server";

import { z } from "zod";
import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { PRESCRIPTION_NOT_FOUND } from "@/lib/documents/printing/prescription-printable";
import { printPrescription } from "@/lib/documents/printing/print-prescription";

/** A signed prescription as a PDF (a reprint says COPY); every print is logged and audited. */
export const printPrescriptionAction = defineClinicAction({
  schema: z.object({ prescriptionId: z.uuid(PRESCRIPTION_NOT_FOUND) }),
  permission: "prescriptions.print",
  handler: ({ input, db, actor }) => printPrescription({ db, actor, prescriptionId: input.prescriptionId }),
});
