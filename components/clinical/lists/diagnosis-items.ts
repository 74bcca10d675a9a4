import { localDateOf } from "@/lib/clinic/time";
import type { DiagnosisRow } from "@/lib/clinical/diagnoses";
import type { DiagnosisItem } from "./problem-list";

/** Rows as the list shows them: the resolved day on the clinic's calendar. */
export function diagnosisItemsOf(rows: DiagnosisRow[], timeZone: string): DiagnosisItem[] {
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    title: row.title,
    inCodeList: row.inCodeList,
    status: row.status,
    onset: row.onset,
    resolvedOn: row.resolvedAt ? localDateOf(row.resolvedAt, timeZone) : null,
    enteredInErrorReason: row.enteredInErrorReason,
  }));
}
