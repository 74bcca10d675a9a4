import type { ReactNode } from "react";
import { ageOn, isoDateOf } from "@/components/front-desk/patients/patient-format";
import { Badge } from "@/components/ui/badge";
import { ClinicDate } from "@/components/ui/clinic-clock";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { localDateOf } from "@/lib/clinic/time";
import type { AllergyBanner as Banner } from "@/lib/clinical/allergy-banner";
import { type PatientTabKey, patientTabsFor } from "@/lib/clinical/patient-tabs";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { AllergyBanner } from "./allergy-banner";

export type FramedPatient = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
};

/**
 * Every page of one patient: name, record number, date of birth and age, the allergy banner (for
 * the roles that see it), and the sections this role may open. Load the banner with
 * `findAllergyBanner` when `clinicRoleCan(role, "chart.allergyBanner")`, else pass null.
 */
export function PatientFrame({
  patient,
  banner,
  role,
  timeZone,
  current,
  title,
  actions,
  children,
}: {
  patient: FramedPatient;
  banner: Banner | null;
  role: StaffRole;
  timeZone: string;
  /** The open section; none on a page below one (a visit, a note). */
  current?: PatientTabKey;
  /** A page below the patient (a visit) names itself here; the patient's name stays in the header. */
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const dateOfBirth = isoDateOf(patient.dateOfBirth);
  const age = ageOn(dateOfBirth, localDateOf(new Date(), timeZone));
  return (
    <>
      <PageHeader
        title={title ?? `${patient.firstName} ${patient.lastName}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {title ? (
              <span className="font-medium text-slate-800">{`${patient.firstName} ${patient.lastName}`}</span>
            ) : null}
            <Badge tone="brand" className="font-mono">
              {patient.mrn}
            </Badge>
            <span>
              born <ClinicDate date={dateOfBirth} /> ({age === 1 ? "1 year" : `${age} years`})
            </span>
          </span>
        }
        actions={actions}
      />
      {banner && clinicRoleCan(role, "chart.allergyBanner") ? <AllergyBanner banner={banner} /> : null}
      <LinkTabs
        label="Patient sections"
        className="border-b border-slate-200"
        current={current}
        tabs={patientTabsFor(role, patient.id)}
      />
      {children}
    </>
  );
}
