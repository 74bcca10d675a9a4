import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountCard } from "@/components/billing/payments/account-card";
import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { WalkInVisitButton } from "@/components/clinical/notes/walk-in-visit-button";
import { PatientFrame } from "@/components/clinical/patient-frame";
import {
  type PatientAppointmentRow,
  PatientAppointmentsTable,
} from "@/components/front-desk/patients/patient-appointments-table";
import { ageOn, isoDateOf, SEX_OPTIONS } from "@/components/front-desk/patients/patient-format";
import { PatientOverview, type PatientOverviewData } from "@/components/front-desk/patients/patient-overview";
import { ButtonLink } from "@/components/ui/button";
import { listHref } from "@/components/ui/list-href";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findAccountCard } from "@/lib/billing/payments/patient-account";
import {
  findPatient,
  findPatientAppointments,
  PATIENT_APPOINTMENTS_LIMIT,
  type PatientRecord,
} from "@/lib/clinic/patients";
import { formatClinicTime, localDateOf } from "@/lib/clinic/time";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { findVisitLocations } from "@/lib/clinical/visits";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Patient" };

type PatientPageProps = {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type Tab = "overview" | "appointments";

export default async function PatientPage({ params, searchParams }: PatientPageProps) {
  const workspace = await requireWorkspace(params, "patients.view");
  if (!workspace) return null;
  const { clinic, role, settings } = workspace;
  const { id } = await params;
  const tab: Tab = (await searchParams).tab === "appointments" ? "appointments" : "overview";
  const timeZone = settings.timezone;
  const clock = { hour12: settings.hour12 };
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const [appointments, banner, walkInLocations, account] = await Promise.all([
      tab === "appointments" ? findPatientAppointments({ db, patientId: id }) : null,
      clinicRoleCan(role, "chart.allergyBanner") ? findAllergyBanner({ db, patientId: id }) : null,
      clinicRoleCan(role, "visits.start") ? findVisitLocations({ db }) : null,
      tab === "overview" && clinicRoleCan(role, "billing.owes") ? findAccountCard(db, id) : null,
    ]);
    return { patient, appointments, banner, walkInLocations, account };
  });
  if (!data) notFound();
  const { patient, appointments, banner, walkInLocations, account } = data;
  const owesOnly = !clinicRoleCan(role, "billing.view");

  return (
    <PatientFrame
      patient={patient}
      banner={banner}
      role={role}
      timeZone={timeZone}
      current={tab}
      actions={
        <>
          {walkInLocations ? <WalkInVisitButton patientId={patient.id} locations={walkInLocations} /> : null}
          {clinicRoleCan(role, "audit.view") ? (
            <ButtonLink href={listHref("/audit", { patient: patient.id })} variant="secondary">
              Audit history
            </ButtonLink>
          ) : null}
        </>
      }
    >
      {tab === "overview" ? (
        <div className="flex flex-col gap-6">
          <PatientOverview
            patient={overviewOf(patient, timeZone, clock)}
            canEdit={clinicRoleCan(role, "patients.manage")}
          />
          {account ? (
            <AccountCard
              account={
                // A role that may only see whether the patient owes gets no invoices or payments.
                owesOnly ? { ...account, creditMinor: 0, invoices: [], payments: [] } : account
              }
              owesOnly={owesOnly}
              canRefund={clinicRoleCan(role, "payments.refund")}
              formatDay={(at) => formatClinicDateTime(at, timeZone, clock)}
            />
          ) : null}
        </div>
      ) : (
        <section aria-labelledby="appointments-heading" className="flex flex-col gap-3">
          <h2 id="appointments-heading" className="text-lg font-semibold text-slate-900">
            Appointments
          </h2>
          <p className="text-sm text-slate-600">
            Newest first; times are the clinic&apos;s ({timeZone}).
            {appointments && appointments.total > PATIENT_APPOINTMENTS_LIMIT
              ? ` Showing the latest ${PATIENT_APPOINTMENTS_LIMIT} of ${appointments.total}.`
              : ""}
          </p>
          <PatientAppointmentsTable
            rows={(appointments?.appointments ?? []).map(
              (appointment): PatientAppointmentRow => ({
                id: appointment.id,
                startsAtMs: appointment.startsAt.getTime(),
                date: localDateOf(appointment.startsAt, timeZone),
                time: `${formatClinicTime(appointment.startsAt, timeZone, clock)}–${formatClinicTime(appointment.endsAt, timeZone, clock)}`,
                doctorName: appointment.doctorName,
                locationName: appointment.locationName,
                status: appointment.status,
                reason: appointment.reason,
              }),
            )}
          />
        </section>
      )}
    </PatientFrame>
  );
}

function overviewOf(
  patient: PatientRecord,
  timeZone: string,
  clock: { hour12: boolean },
): PatientOverviewData {
  const dateOfBirth = isoDateOf(patient.dateOfBirth);
  return {
    id: patient.id,
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth,
    age: ageOn(dateOfBirth, localDateOf(new Date(), timeZone)),
    sex: SEX_OPTIONS.find((option) => option.value === patient.sex)?.value ?? "UNKNOWN",
    phone: patient.phone,
    email: patient.email,
    address: patient.address,
    emergencyContact: patient.emergencyContact,
    notes: patient.notes,
    registeredAt: formatClinicDateTime(patient.createdAt, timeZone, clock),
    updatedAt: formatClinicDateTime(patient.updatedAt, timeZone, clock),
  };
}
