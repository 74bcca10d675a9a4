import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { MedicationItems } from "./medication-items";
import { PrescribedRow, ReportedRow } from "./medication-rows";
import { CurrentMedicationActions, ReprescribeButton } from "./prescribed-medication-actions";
import { ReportedMedicationActions } from "./reported-medication-actions";
import { RecordReportedMedicationButton } from "./reported-medication-form";

const LIST = "divide-y divide-slate-200 rounded-md border border-slate-200";

/**
 * The patient's medication list: current medications (prescribed and reported) with what this role
 * may do to each, and past ones folded away until asked for.
 */
export function MedicationList({
  patientId,
  items,
  canPrescribe,
  canRecordReported,
}: {
  patientId: string;
  items: MedicationItems;
  canPrescribe: boolean;
  canRecordReported: boolean;
}) {
  const { current, currentReported, past, pastReported } = items;
  const none = current.length === 0 && currentReported.length === 0;
  const pastCount = past.length + pastReported.length;
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
          <div className="flex flex-col gap-1">
            <CardTitle as="h2">Current medications</CardTitle>
            <CardDescription>
              Prescribed here and still in their course, and those the patient reports taking.
            </CardDescription>
          </div>
          {canRecordReported ? <RecordReportedMedicationButton patientId={patientId} /> : null}
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {none ? (
            <p className="text-sm text-slate-600">
              {canRecordReported
                ? "No current medications. Ask the patient what they take, including medicines bought without a prescription, and record each one; a doctor prescribes from a visit."
                : "No current medications. A doctor or nurse records what the patient takes; a doctor prescribes from a visit."}
            </p>
          ) : null}
          {current.length > 0 ? (
            <ul aria-label="Prescribed medications" className={LIST}>
              {current.map((item) => (
                <PrescribedRow
                  key={item.id}
                  item={item}
                  actions={
                    canPrescribe ? <CurrentMedicationActions lineId={item.id} title={item.title} /> : null
                  }
                />
              ))}
            </ul>
          ) : null}
          {currentReported.length > 0 ? (
            <ul aria-label="Medications the patient reports taking" className={LIST}>
              {currentReported.map((item) => (
                <ReportedRow
                  key={item.id}
                  item={item}
                  actions={
                    canRecordReported ? <ReportedMedicationActions id={item.id} name={item.name} /> : null
                  }
                />
              ))}
            </ul>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <details className="group">
          <summary className="cursor-pointer list-none p-5 text-lg font-semibold text-slate-900 marker:hidden">
            <span className="mr-2 inline-block transition-transform group-open:rotate-90" aria-hidden>
              ▸
            </span>
            Past medications ({pastCount})
          </summary>
          <CardContent className="flex flex-col gap-4">
            {pastCount === 0 ? (
              <p className="text-sm text-slate-600">
                None yet. Medications that end, are stopped, cancelled or entered in error are kept here.
              </p>
            ) : null}
            {past.length > 0 ? (
              <ul aria-label="Past prescribed medications" className={LIST}>
                {past.map((item) => (
                  <PrescribedRow
                    key={item.id}
                    item={item}
                    past
                    actions={
                      canPrescribe && (item.status === "COMPLETED" || item.status === "STOPPED") ? (
                        <ReprescribeButton lineId={item.id} title={item.title} />
                      ) : null
                    }
                  />
                ))}
              </ul>
            ) : null}
            {pastReported.length > 0 ? (
              <ul aria-label="Past reported medications" className={LIST}>
                {pastReported.map((item) => (
                  <ReportedRow key={item.id} item={item} past />
                ))}
              </ul>
            ) : null}
          </CardContent>
        </details>
      </Card>
    </div>
  );
}
