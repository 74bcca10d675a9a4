import { z } from "zod";
import { pageParam, uuidParam } from "./search-params";

/**
 * The kinds of event the clinic's audit log filters by, each the action names it covers (a name
 * ending in "." is a prefix). A new action shows under "Everything" until a kind claims it.
 */
export const AUDIT_KINDS = {
  appointments: { label: "Appointments", actions: ["appointment."] },
  patients: { label: "Patient records", actions: ["patient."] },
  searches: { label: "Patient searches", actions: ["patients.searched"] },
  clinical: {
    label: "Clinical record changes",
    actions: [
      "visit.",
      "note.",
      "vitals.",
      "allergy.",
      "diagnosis.",
      "immunization.",
      "document.uploaded",
      "document.entered-in-error",
    ],
  },
  prescribing: {
    label: "Prescriptions, medicines and letters",
    actions: [
      "prescription.",
      "medication.",
      "reported-medication.",
      "favourite.",
      "sick-note.",
      "referral-letter.",
    ],
  },
  prints: { label: "Printed documents", actions: ["document.printed"] },
  chartReads: { label: "Clinical record reads", actions: ["chart.read"] },
  templates: { label: "Note templates", actions: ["template."] },
  access: { label: "Sign-ins and passwords", actions: ["sign-in.", "sign-out", "password."] },
  staff: { label: "Staff accounts", actions: ["staff."] },
  doctors: { label: "Doctors' hours", actions: ["doctor."] },
  locations: { label: "Locations", actions: ["location."] },
  settings: { label: "Clinic settings", actions: ["clinic-settings."] },
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;
const kindNames = Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]];

/** The audit log's URL: `?person=` (a staff id), `?patient=` (a patient id), `?kind=`, `?page=`; anything unreadable is no filter. */
export const clinicAuditQuerySchema = z.object({
  person: uuidParam,
  patient: uuidParam,
  kind: z.enum(kindNames).optional().catch(undefined),
  page: pageParam,
});

export type ClinicAuditQuery = z.output<typeof clinicAuditQuerySchema>;
export type ClinicAuditFilter = Omit<ClinicAuditQuery, "page">;
