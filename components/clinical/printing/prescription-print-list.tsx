import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PrintablePrescription } from "@/lib/documents/printing/print-list";
import { PrintLink } from "./print-link";

function statusOf(prescription: PrintablePrescription): { label: string; tone: BadgeTone } {
  if (prescription.status === "CANCELLED") return { label: "Cancelled", tone: "neutral" };
  if (prescription.status === "ENTERED_IN_ERROR") return { label: "Entered in error", tone: "danger" };
  if (prescription.refusal) return { label: "Medicine stopped", tone: "warning" };
  return { label: "Signed", tone: "success" };
}

/** The patient's signed prescriptions, newest first: print, print a copy, or why not. */
export function PrescriptionPrintList({
  prescriptions,
  timeZone,
  hour12,
}: {
  prescriptions: PrintablePrescription[];
  timeZone: string;
  hour12: boolean;
}) {
  if (prescriptions.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
        No signed prescriptions yet. A prescription shows here once the doctor signs it.
      </p>
    );
  return (
    <ul className="flex flex-col gap-3">
      {prescriptions.map((prescription) => {
        const status = statusOf(prescription);
        return (
          <li
            key={prescription.id}
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="flex min-w-0 flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono font-semibold text-slate-900">{prescription.number}</span>
                <Badge tone={status.tone}>{status.label}</Badge>
              </div>
              <p className="text-sm text-slate-600">
                Signed {formatClinicDateTime(prescription.signedAt, timeZone, { hour12 })} by{" "}
                {prescription.prescriber}
              </p>
              <ul className="list-disc pl-5 text-sm text-slate-900">
                {prescription.medicines.map((medicine, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a prescription's lines keep their order and may repeat a medicine.
                  <li key={index}>{medicine}</li>
                ))}
              </ul>
            </div>
            {prescription.refusal ? (
              <p className="text-sm text-slate-700 sm:max-w-xs">
                <span className="font-medium">Cannot be printed.</span> {prescription.refusal}
              </p>
            ) : (
              <PrintLink
                href={`/print/prescriptions/${prescription.id}`}
                label={`prescription ${prescription.number}`}
                printed={prescription.printed}
                timeZone={timeZone}
                hour12={hour12}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
