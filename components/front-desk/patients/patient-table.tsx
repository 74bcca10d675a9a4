import Link from "next/link";
import type { PatientSummary } from "@/lib/clinic/patients";
import { isoDateOf } from "./patient-format";

/** One page of the registry, in the server's order (last name, first name, record number). */
export function PatientTable({ patients }: { patients: PatientSummary[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Patients, by last name</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
              Record number
            </th>
            <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
              Date of birth
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Phone
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {patients.map((patient) => (
            <tr key={patient.id} className="hover:bg-slate-50">
              <td className="px-3 py-2">
                <Link
                  href={`/patients/${patient.id}`}
                  className="font-medium text-brand-800 underline-offset-4 hover:underline"
                >
                  {patient.lastName}, {patient.firstName}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono whitespace-nowrap">{patient.mrn}</td>
              <td className="px-3 py-2 whitespace-nowrap">{isoDateOf(patient.dateOfBirth)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{patient.phone ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
