"use client";

import Link from "next/link";
import { ClinicDate } from "@/components/ui/clinic-clock";
import { type Column, DataTable, type ServerSort } from "@/components/ui/data-table";
import type { PatientSummary } from "@/lib/clinic/patients";
import { isoDateOf } from "./patient-format";

const columns: Column<PatientSummary>[] = [
  {
    key: "name",
    header: "Name",
    cell: (patient) => (
      <Link
        href={`/patients/${patient.id}`}
        className="font-medium text-brand-800 underline-offset-4 hover:underline"
      >
        {patient.lastName}, {patient.firstName}
      </Link>
    ),
  },
  {
    key: "mrn",
    header: "Record number",
    cell: (patient) => <span className="font-mono whitespace-nowrap">{patient.mrn}</span>,
  },
  {
    key: "dateOfBirth",
    header: "Date of birth",
    cell: (patient) => <ClinicDate date={isoDateOf(new Date(patient.dateOfBirth))} />,
  },
  {
    key: "phone",
    header: "Phone",
    cell: (patient) => <span className="whitespace-nowrap">{patient.phone}</span>,
  },
];

/** One page of the registry, in the order the server sorted it. */
export function PatientTable({ patients, sort }: { patients: PatientSummary[]; sort: ServerSort }) {
  return (
    <DataTable
      rows={patients}
      columns={columns}
      rowKey={(patient) => patient.id}
      caption="Patients"
      serverSort={sort}
      empty="No patient on this page."
    />
  );
}
