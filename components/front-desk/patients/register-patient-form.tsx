"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { applyFieldErrors } from "@/components/ui/field-errors";
import { useToast } from "@/components/ui/toast";
import {
  findPossibleDuplicatesServerAction,
  registerPatientServerAction,
} from "@/lib/actions/patients/server-actions";
import { patientSchema } from "@/lib/validations/patients";
import { type DuplicateCandidate, DuplicateWarning } from "./duplicate-warning";
import { PatientFields } from "./patient-fields";
import type { PatientFormValues, PatientValues } from "./patient-form-values";

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

/**
 * Registers a patient. A likely duplicate comes back as a warning listing the candidates; the
 * person either opens them to check or confirms this is someone else and registers anyway.
 */
export function RegisterPatientForm() {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [warning, setWarning] = useState<{ message: string; candidates: DuplicateCandidate[] | null } | null>(
    null,
  );
  const form = useForm<PatientFormValues, unknown, PatientValues>({
    resolver: zodResolver(patientSchema),
    defaultValues: EMPTY,
  });

  const register = (values: PatientValues) =>
    startTransition(async () => {
      const result = await registerPatientServerAction(values);
      if (result.ok) {
        const { id, mrn, firstName, lastName } = result.data;
        toast(`${firstName} ${lastName} is registered as ${mrn}.`);
        router.push(`/patients/${id}`);
        return;
      }
      if (result.error.code === "CONFLICT" && result.error.fields?.confirmNotDuplicate) {
        const found = await findPossibleDuplicatesServerAction(values);
        setWarning({ message: result.error.message, candidates: found.ok ? found.data : null });
        return;
      }
      applyFieldErrors(form.setError, result.error.fields);
      toast(result.error.message, "error");
    });

  const submit = form.handleSubmit((values) => {
    setWarning(null);
    register(values);
  });
  const registerAnyway = form.handleSubmit((values) => register({ ...values, confirmNotDuplicate: true }));

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <PatientFields register={form.register} errors={form.formState.errors} />
      {warning ? (
        <DuplicateWarning
          {...warning}
          pending={pending}
          onRegisterAnyway={registerAnyway}
          onDismiss={() => setWarning(null)}
        />
      ) : (
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Registering…" : "Register patient"}
          </Button>
          <ButtonLink href="/patients" variant="secondary">
            Cancel
          </ButtonLink>
        </div>
      )}
    </form>
  );
}
