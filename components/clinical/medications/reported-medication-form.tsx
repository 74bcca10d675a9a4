"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordReportedMedicationAction } from "@/lib/actions/medications/record-reported-medication";
import { recordReportedMedicationSchema } from "@/lib/validations/medications";

function ReportedMedicationForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const { field, submit, pending } = useActionForm({
    schema: recordReportedMedicationSchema,
    action: recordReportedMedicationAction,
    defaultValues: { patientId, name: "", dose: "", frequency: "", since: "", note: "" },
    success: () => "The medication is recorded.",
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Record a medication the patient takes"
      className="flex flex-col gap-4"
    >
      <TextField label="Medicine" placeholder="e.g. Ibuprofen" {...field("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Dose (optional)" placeholder="e.g. 200 mg" {...field("dose")} />
        <TextField label="How often (optional)" placeholder="e.g. twice a day" {...field("frequency")} />
      </div>
      <TextField label="Since (optional)" hint="2019, 2019-04 or 2019-04-12" {...field("since")} />
      <TextAreaField
        label="Note (optional)"
        placeholder="e.g. prescribed by the hospital, bought at the pharmacy"
        {...field("note")}
      />
      <FormActions
        pending={pending}
        submitLabel="Record medication"
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  );
}

/** "Record a medication the patient takes": one prescribed elsewhere or bought, as the patient describes it. */
export function RecordReportedMedicationButton({ patientId }: { patientId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Record a medication the patient takes
      </Button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title="Record a medication the patient takes">
          <ReportedMedicationForm patientId={patientId} onDone={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}
