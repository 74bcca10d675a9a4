"use client";

import { directionsOf, medicationTitle, supplyOf } from "@/lib/clinical/prescriptions/line-wording";
import { prescriptionLineSchema } from "@/lib/validations/prescriptions";
import type { LineFormValues } from "./line-form-values";

/** How the line reads on paper, as it is typed; a hint until it is complete enough to read. */
export function LinePreview({ line }: { line: LineFormValues }) {
  const parsed = prescriptionLineSchema.safeParse({ ...line, controlled: false });
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2 text-sm" aria-live="polite">
      {parsed.success ? (
        <>
          <p className="font-semibold text-slate-900">{medicationTitle(parsed.data)}</p>
          <p className="text-slate-800">{directionsOf(parsed.data)}</p>
          <p className="text-slate-600">{supplyOf(parsed.data)}</p>
        </>
      ) : (
        <p className="text-slate-600">
          The directions appear here once the medicine, dose, frequency and quantity are filled in.
        </p>
      )}
    </div>
  );
}
