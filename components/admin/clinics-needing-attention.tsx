"use client";

import type { AdminClinicRow } from "@/lib/admin/find-admin-clinics";
import { clinicOrigin } from "@/lib/config/root-domain";
import { ClinicAttentionNote } from "./clinic-attention-note";
import { ClinicRowActions } from "./clinic-row-actions";

/**
 * On a phone the clinic table scrolls sideways, hiding a failed clinic's reason and its Retry: the
 * clinics that need the admin are listed above it as cards there (the table shows them on wider screens).
 */
export function ClinicsNeedingAttention({
  clinics,
  rootDomain,
  reservationDays,
}: {
  clinics: AdminClinicRow[];
  rootDomain: string;
  reservationDays: number;
}) {
  // Work under way needs nobody, unless its last attempt failed (it is being retried).
  const stuck = clinics.filter(
    (clinic) => clinic.attention && (clinic.attention.kind !== "working" || clinic.attention.retrying),
  );
  if (stuck.length === 0) return null;
  return (
    <section aria-labelledby="attention-heading" className="flex flex-col gap-3 md:hidden">
      <h2 id="attention-heading" className="text-base font-semibold text-slate-900">
        Needs your attention
      </h2>
      <ul className="flex flex-col gap-3">
        {stuck.map((clinic) => (
          <li
            key={clinic.id}
            className="flex flex-col gap-2 rounded-lg border border-red-200 bg-red-50/40 p-4"
          >
            <span className="font-medium text-slate-900">{clinic.name}</span>
            {clinic.attention ? <ClinicAttentionNote attention={clinic.attention} /> : null}
            <ClinicRowActions
              clinic={clinic}
              address={clinicOrigin(clinic.subdomain, rootDomain)}
              reservationDays={reservationDays}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
