"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { findPossibleDuplicates } from "@/lib/clinic/patients";
import { duplicateCheckSchema } from "@/lib/validations/patients";

/**
 * The registered patients a new registration may duplicate, for the warning the register form
 * shows after a CONFLICT: record number, name, birth date and phone, so staff can tell them apart.
 * A read for the person registering, so it needs the same permission and writes no audit event.
 */
export const findPossibleDuplicatesAction = defineClinicAction({
  schema: duplicateCheckSchema,
  permission: "patients.manage",
  handler: async ({ input, db }) =>
    (await findPossibleDuplicates(db, input)).map((patient) => ({
      ...patient,
      dateOfBirth: patient.dateOfBirth.toISOString().slice(0, 10),
    })),
});
