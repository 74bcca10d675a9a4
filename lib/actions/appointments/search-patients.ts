"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { findPatients } from "@/lib/clinic/patients";
import { patientSearchSchema } from "@/lib/validations/patients";

/**
 * The booking dialog's patient search. Looking patients up is logged (who, when, how many
 * matches) but not the search text, which is usually a name.
 */
export const searchPatientsForBookingAction = defineClinicAction({
  schema: patientSearchSchema,
  permission: "appointments.manage",
  handler: async ({ input, db, actor }) => {
    const found = await findPatients({ db, query: input.query, page: input.page });
    await recordAuditEvent(db, {
      actor,
      action: "patients.searched",
      targetType: "patient",
      details: { purpose: "booking", matches: found.total, page: input.page },
    });
    return {
      total: found.total,
      patients: found.patients.map((patient) => ({
        id: patient.id,
        mrn: patient.mrn,
        name: `${patient.firstName} ${patient.lastName}`,
        dateOfBirth: new Date(patient.dateOfBirth).toISOString().slice(0, 10),
      })),
    };
  },
});
