import { type ClinicPermission, clinicRoleCan } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/generated/tenant/enums";

export type PatientTabKey =
  | "overview"
  | "timeline"
  | "visits"
  | "vitals"
  | "problems"
  | "medications"
  | "immunizations"
  | "documents"
  | "print"
  | "appointments";

type PatientTab = { key: PatientTabKey; label: string; path: string; permission: ClinicPermission };

/** The sections of a patient's pages, in order, each shown only to the roles that may open it. */
const PATIENT_TABS: PatientTab[] = [
  { key: "overview", label: "Overview", path: "", permission: "patients.view" },
  { key: "timeline", label: "Timeline", path: "/timeline", permission: "chart.view" },
  { key: "visits", label: "Visits", path: "/visits", permission: "visits.codes" },
  { key: "vitals", label: "Vitals", path: "/vitals", permission: "chart.view" },
  { key: "problems", label: "Allergies & problems", path: "/problems", permission: "chart.view" },
  { key: "medications", label: "Medications", path: "/medications", permission: "chart.view" },
  { key: "immunizations", label: "Immunizations", path: "/immunizations", permission: "chart.view" },
  { key: "documents", label: "Documents", path: "/documents", permission: "documents.viewAdministrative" },
  { key: "print", label: "Print", path: "/print", permission: "prescriptions.print" },
  { key: "appointments", label: "Appointments", path: "?tab=appointments", permission: "appointments.view" },
];

export function patientTabsFor(role: StaffRole, patientId: string) {
  return PATIENT_TABS.filter((tab) => clinicRoleCan(role, tab.permission)).map((tab) => ({
    key: tab.key,
    label: tab.label,
    href: `/patients/${patientId}${tab.path}`,
  }));
}
