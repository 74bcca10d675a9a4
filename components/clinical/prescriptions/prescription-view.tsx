import type { ReactNode } from "react";
import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { directionsOf, medicationTitle, supplyOf } from "@/lib/clinical/prescriptions/line-wording";
import type { PrescriptionRecord } from "@/lib/clinical/prescriptions/prescription-queries";
import { LineWarnings, storedWarnings } from "./line-warnings";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  SIGNED: { label: "Signed", tone: "success" },
  ACTIVE: { label: "Active", tone: "success" },
  COMPLETED: { label: "Completed", tone: "neutral" },
  STOPPED: { label: "Stopped", tone: "warning" },
  CANCELLED: { label: "Cancelled", tone: "warning" },
  ENTERED_IN_ERROR: { label: "Entered in error", tone: "danger" },
};

export function PrescriptionStatusBadge({ status }: { status: string }) {
  const shown = STATUS[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={shown.tone}>{shown.label}</Badge>;
}

/**
 * A prescription as written: its number, status and who signed it when, every line's wording
 * and status, and the warnings the doctor went ahead despite, with their reasons.
 */
export function PrescriptionView({
  prescription,
  statusChangedBy,
  timeZone,
  hour12,
  actions,
  notice,
}: {
  prescription: PrescriptionRecord;
  statusChangedBy: string | null;
  timeZone: string;
  hour12: boolean;
  actions?: ReactNode;
  notice?: ReactNode;
}) {
  const at = (date: Date) => formatClinicDateTime(date, timeZone, { hour12 });
  return (
    <Card>
      <CardHeader className="gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <CardTitle as="h2" className="font-mono">
            {prescription.number ?? "Draft prescription"}
          </CardTitle>
          <PrescriptionStatusBadge status={prescription.status} />
        </div>
        <p className="text-sm text-slate-700">
          {prescription.signedAt
            ? `Signed by ${prescription.prescriber.name} on ${at(prescription.signedAt)}`
            : `Draft by ${prescription.prescriber.name}: only they can change or sign it.`}
        </p>
        {prescription.statusReason && prescription.statusChangedAt ? (
          <p className="text-sm text-slate-700">
            {STATUS[prescription.status]?.label} by {statusChangedBy ?? "a clinician"} on{" "}
            {at(prescription.statusChangedAt)}: “{prescription.statusReason}”
          </p>
        ) : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ol className="flex flex-col gap-3">
          {prescription.lines.map((line) => {
            const warnings = storedWarnings(line.warnings);
            return (
              <li key={line.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold text-slate-900">{medicationTitle(line)}</p>
                  {prescription.status !== "DRAFT" ? <PrescriptionStatusBadge status={line.status} /> : null}
                </div>
                <p className="text-sm text-slate-800">{directionsOf(line)}</p>
                <p className="text-sm text-slate-600">{supplyOf(line)}</p>
                {line.instructions ? <p className="text-sm text-slate-700">{line.instructions}</p> : null}
                {line.statusReason && line.status !== prescription.status ? (
                  <p className="text-sm text-slate-600">Reason: {line.statusReason}</p>
                ) : null}
                <LineWarnings warnings={warnings} />
                {line.overrideReason ? (
                  <p className="text-sm text-slate-700">
                    <span className="font-semibold">Signed despite the warning because: </span>
                    {line.overrideReason}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
        {notice}
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </CardContent>
    </Card>
  );
}
