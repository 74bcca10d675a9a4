"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/form-actions";
import { useActionForm } from "@/components/ui/use-action-form";
import { findPossibleDuplicatesAction } from "@/lib/actions/patients/find-possible-duplicates";
import { registerPatientAction } from "@/lib/actions/patients/register-patient";
import { patientSchema } from "@/lib/validations/patients";
import { type DuplicateCandidate, DuplicateWarning } from "./duplicate-warning";
import { PatientFields } from "./patient-fields";
import type { PatientFormValues } from "./patient-form-values";

const EMPTY: PatientFormValues = {
  firstName: "",
  lastName: "",
  dateOfBirth: "",
  sex: "UNKNOWN",
  phone: "",
  email: "",
  address: "",
  emergencyContact: "",
  notes: "",
};

type Warning = { message: string; candidates: DuplicateCandidate[] | null };

/**
 * Registers a patient. A likely duplicate comes back as a warning listing the candidates; the
 * person either opens them to check or confirms this is someone else and registers anyway.
 */
export function RegisterPatientForm() {
  const router = useRouter();
  const [warning, setWarning] = useState<Warning | null>(null);
  const { form, field, run, submit, pending } = useActionForm({
    schema: patientSchema,
    action: registerPatientAction,
    defaultValues: EMPTY,
    refresh: false,
    success: (patient) => `${patient.firstName} ${patient.lastName} is registered as ${patient.mrn}.`,
    onSuccess: (patient) => router.push(`/patients/${patient.id}`),
    onRefused: async (error, values) => {
      if (error.code !== "CONFLICT" || !error.fields?.confirmNotDuplicate) return false;
      const found = await findPossibleDuplicatesAction(values);
      setWarning({ message: error.message, candidates: found.ok ? found.data : null });
      return true;
    },
  });
  const registerAnyway = form.handleSubmit((values) => run({ ...values, confirmNotDuplicate: true }));

  return (
    <form
      onSubmit={(event) => {
        setWarning(null);
        submit(event);
      }}
      noValidate
      className="flex flex-col gap-6"
    >
      <PatientFields field={field} />
      {warning ? (
        <DuplicateWarning
          {...warning}
          pending={pending}
          onRegisterAnyway={registerAnyway}
          onDismiss={() => setWarning(null)}
        />
      ) : (
        <div className="flex flex-wrap gap-3">
          <SubmitButton pending={pending} pendingLabel="Registering…">
            Register patient
          </SubmitButton>
          <ButtonLink href="/patients" variant="secondary">
            Cancel
          </ButtonLink>
        </div>
      )}
    </form>
  );
}
