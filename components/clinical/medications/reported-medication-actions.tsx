"use client";

import { markReportedMedicationEnteredInErrorAction } from "@/lib/actions/medications/mark-reported-medication-entered-in-error";
import { stopReportedMedicationAction } from "@/lib/actions/medications/stop-reported-medication";
import { ReasonDialogButton } from "../reason-dialog-button";

/** Stop and entered in error, for a medicine the patient reported taking. */
export function ReportedMedicationActions({ id, name }: { id: string; name: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      <ReasonDialogButton
        label="Stop"
        ariaLabel={`Stop ${name}`}
        title={`Stop ${name}`}
        explanation="The patient no longer takes it. It moves to past medications with the reason."
        placeholder="e.g. the patient stopped it last month"
        submitLabel="Stop medication"
        success={`${name} is stopped.`}
        input={{ reportedMedicationId: id }}
        action={stopReportedMedicationAction}
      />
      <ReasonDialogButton
        label="Entered in error…"
        ariaLabel={`Mark ${name} entered in error`}
        title={`Mark ${name} as entered in error`}
        explanation="It was recorded by mistake. It stays in the record for the audit trail, under past medications. This cannot be undone."
        placeholder="e.g. recorded on the wrong patient"
        submitLabel="Mark as entered in error"
        success={`${name} is marked entered in error.`}
        input={{ reportedMedicationId: id }}
        action={markReportedMedicationEnteredInErrorAction}
      />
    </div>
  );
}
