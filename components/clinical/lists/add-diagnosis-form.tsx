"use client";

import { useState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addProblemAction } from "@/lib/actions/diagnoses/add-problem";
import { addVisitDiagnosisAction } from "@/lib/actions/diagnoses/add-visit-diagnosis";
import { diagnosisFormSchema } from "@/lib/validations/diagnoses";
import { type ChosenCode, CodeSearch } from "./code-search";

/** Adds a diagnosis from the ICD-10-CM search: to a visit (optionally also the problem list) or to the problem list. */
export function AddDiagnosisForm({ patientId, visitId }: { patientId: string; visitId?: string }) {
  const [chosen, setChosen] = useState<ChosenCode | null>(null);
  const { form, field, submit, pending } = useActionForm({
    schema: diagnosisFormSchema,
    action: visitId ? addVisitDiagnosisAction : addProblemAction,
    defaultValues: { patientId, code: "", title: "", onset: "", addToProblemList: false },
    toInput: ({ addToProblemList, ...values }) =>
      visitId ? { ...values, visitId, addToProblemList } : values,
    success: (diagnosis) =>
      visitId ? `${diagnosis.code} is recorded on this visit.` : `${diagnosis.code} is on the problem list.`,
    onSuccess: () => {
      setChosen(null);
      form.reset({ patientId, code: "", title: "", onset: "", addToProblemList: false });
    },
  });
  const codeError = form.formState.errors.code?.message;

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-4"
      aria-label={visitId ? "Add a visit diagnosis" : "Add a problem"}
    >
      <CodeSearch
        chosen={chosen}
        error={codeError}
        label={visitId ? "Diagnosis (ICD-10-CM)" : "Problem (ICD-10-CM)"}
        onChoose={(code) => {
          setChosen(code);
          form.setValue("code", code?.code ?? "", { shouldValidate: Boolean(code) });
          form.setValue("title", code?.title ?? "");
        }}
      />
      {chosen && !chosen.inCodeList ? (
        <TextField
          label="What this code means"
          hint="The code is not in the clinic's list: write its title as in the ICD-10-CM book."
          {...field("title")}
        />
      ) : null}
      <TextField
        label="Onset (optional)"
        hint="A year, a month or a day: 2019, 2019-04 or 2019-04-12."
        {...field("onset")}
      />
      {visitId ? <CheckboxField label="Also add to the problem list" {...field("addToProblemList")} /> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Saving…" disabled={!chosen}>
          {visitId ? "Add diagnosis" : "Add to problem list"}
        </SubmitButton>
      </div>
    </form>
  );
}
