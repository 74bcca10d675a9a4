"use server";

import { listHref } from "@/components/ui/list-href";
import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { findPatients } from "@/lib/clinic/patients";
import { patientListSearchSchema } from "@/lib/validations/patients";

/**
 * A search submitted on the patient list, audited like the booking dialog's (who, when, how many
 * matches, never the search text), before the list's URL shows it. The page itself only reads, so
 * reloading or sharing a search's URL writes nothing again.
 */
export const searchPatientListAction = defineClinicAction({
  schema: patientListSearchSchema,
  permission: "patients.view",
  handler: async ({ input, db, actor }) => {
    if (input.query) {
      const found = await findPatients({ db, query: input.query, page: 1 });
      await recordAuditEvent(db, {
        actor,
        action: "patients.searched",
        targetType: "patient",
        details: { purpose: "patient-list", matches: found.total },
      });
    }
    return { href: listHref("/patients", { q: input.query }) };
  },
});
