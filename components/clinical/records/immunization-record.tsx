import { ClinicDate } from "@/components/ui/clinic-clock";
import type { ImmunizationRow } from "@/lib/clinical/immunizations";
import { routeLabel, siteLabel } from "./immunization-table";

/** The printable immunization record: who, where from, and every vaccine given, oldest first. */
export function ImmunizationRecord({
  clinicName,
  patient,
  rows,
  printedOn,
  printedBy,
}: {
  clinicName: string;
  patient: { name: string; mrn: string; dateOfBirth: string };
  rows: ImmunizationRow[];
  printedOn: string;
  printedBy: string;
}) {
  return (
    <article className="printable-record flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-5 text-slate-900 sm:p-8 print:border-0 print:p-0">
      <div className="flex flex-col gap-1 border-b border-slate-300 pb-4">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-600">{clinicName}</p>
        <h1 className="text-2xl font-semibold">Immunization record</h1>
      </div>
      <dl className="grid grid-cols-1 gap-x-8 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Patient</dt>
          <dd className="font-medium">{patient.name}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Record number</dt>
          <dd className="font-mono">{patient.mrn}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Date of birth</dt>
          <dd>
            <ClinicDate date={patient.dateOfBirth} />
          </dd>
        </div>
      </dl>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">No immunizations are recorded for this patient.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Immunizations given</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                {["Date given", "Vaccine", "Dose", "Lot", "Expiry", "Site", "Route", "Given by"].map(
                  (label) => (
                    <th key={label} scope="col" className="py-2 pr-3 font-semibold whitespace-nowrap">
                      {label}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-200 break-inside-avoid">
                  <td className="py-2 pr-3">
                    <ClinicDate date={row.givenOn} />
                  </td>
                  <td className="py-2 pr-3 font-medium">{row.vaccine}</td>
                  <td className="py-2 pr-3">{row.doseNumber ?? "—"}</td>
                  <td className="py-2 pr-3">{row.lotNumber ?? "—"}</td>
                  <td className="py-2 pr-3">{row.expiryDate ? <ClinicDate date={row.expiryDate} /> : "—"}</td>
                  <td className="py-2 pr-3">{row.site ? siteLabel(row.site) : "—"}</td>
                  <td className="py-2 pr-3">{row.route ? routeLabel(row.route) : "—"}</td>
                  <td className="py-2 pr-3">
                    {row.givenBy ?? "—"}
                    {row.givenHere ? "" : " (elsewhere)"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <footer className="text-xs text-slate-600">
        Printed <ClinicDate date={printedOn} /> by {printedBy}. Immunizations marked as entered in error are
        not shown.
      </footer>
    </article>
  );
}
