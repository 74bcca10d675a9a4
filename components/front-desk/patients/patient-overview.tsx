"use client";

import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ClinicDate } from "@/components/ui/clinic-clock";
import { SubmitButton } from "@/components/ui/form-actions";
import { useActionForm } from "@/components/ui/use-action-form";
import { updatePatientAction } from "@/lib/actions/patients/update-patient";
import { patientSchema } from "@/lib/validations/patients";
import { PatientFields } from "./patient-fields";
import type { PatientValues } from "./patient-form-values";
import { sexLabel } from "./patient-format";

export type PatientOverviewData = {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  age: number;
  sex: PatientValues["sex"];
  phone: string | null;
  email: string | null;
  address: string | null;
  emergencyContact: string | null;
  notes: string | null;
  registeredAt: string;
  updatedAt: string;
};

/** The patient's registration details, and (for roles that manage patients) their edit form. */
export function PatientOverview({ patient, canEdit }: { patient: PatientOverviewData; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between gap-3">
        <CardTitle as="h2">Registration details</CardTitle>
        {canEdit && !editing ? (
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            Edit details
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {editing ? (
          <EditPatientForm patient={patient} onDone={() => setEditing(false)} />
        ) : (
          <PatientDetailsList patient={patient} />
        )}
      </CardContent>
    </Card>
  );
}

function PatientDetailsList({ patient }: { patient: PatientOverviewData }) {
  const rows: [string, ReactNode][] = [
    [
      "Date of birth",
      <>
        <ClinicDate date={patient.dateOfBirth} /> ({patient.age} years)
      </>,
    ],
    ["Sex", sexLabel(patient.sex)],
    ["Phone", patient.phone],
    ["Email", patient.email],
    ["Address", patient.address],
    ["Emergency contact", patient.emergencyContact],
    ["Notes", patient.notes],
    ["Registered", patient.registeredAt],
    ["Last changed", patient.updatedAt],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="whitespace-pre-line text-slate-900">
            {value || <span className="text-slate-500">—</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function EditPatientForm({ patient, onDone }: { patient: PatientOverviewData; onDone: () => void }) {
  const { field, submit, pending } = useActionForm({
    schema: patientSchema,
    action: updatePatientAction,
    defaultValues: {
      firstName: patient.firstName,
      lastName: patient.lastName,
      dateOfBirth: patient.dateOfBirth,
      sex: patient.sex,
      phone: patient.phone ?? "",
      email: patient.email ?? "",
      address: patient.address ?? "",
      emergencyContact: patient.emergencyContact ?? "",
      notes: patient.notes ?? "",
    },
    toInput: ({ confirmNotDuplicate: _unused, ...values }) => ({ ...values, patientId: patient.id }),
    success: () => "The patient's details are saved.",
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <PatientFields field={field} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save changes
        </SubmitButton>
        <Button variant="secondary" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
