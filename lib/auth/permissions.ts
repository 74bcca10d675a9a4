import type { UserRole } from "../generated/central/enums";
import type { StaffRole } from "../generated/tenant/enums";

/**
 * What each clinic role may do: the one matrix every clinic action is checked against (and the
 * README's table). The UI hides what a role cannot do; the server decides.
 */
export const CLINIC_PERMISSIONS = {
  "clinic.view": ["OWNER", "MANAGER", "DOCTOR", "NURSE", "RECEPTIONIST", "BILLING"],
  "settings.manage": ["OWNER", "MANAGER"],
  "staff.view": ["OWNER", "MANAGER"],
  "staff.manage": ["OWNER", "MANAGER"],
  "audit.view": ["OWNER", "MANAGER"],
  "locations.manage": ["OWNER", "MANAGER"],
  "patients.view": ["OWNER", "MANAGER", "DOCTOR", "NURSE", "RECEPTIONIST", "BILLING"],
  "patients.manage": ["OWNER", "MANAGER", "DOCTOR", "NURSE", "RECEPTIONIST"],
  "appointments.view": ["OWNER", "MANAGER", "DOCTOR", "NURSE", "RECEPTIONIST", "BILLING"],
  "appointments.manage": ["OWNER", "MANAGER", "NURSE", "RECEPTIONIST"],
  /** Start and complete one's own visits (the server checks the appointment is the doctor's). */
  "appointments.ownVisits": ["DOCTOR"],
  /** Read the clinical record: chart, notes, vitals, allergies, diagnoses, immunizations, clinical documents. */
  "chart.view": ["OWNER", "MANAGER", "DOCTOR", "NURSE"],
  /** The active-allergies banner on a patient's pages (the front desk's safety line, nothing else clinical). */
  "chart.allergyBanner": ["OWNER", "MANAGER", "DOCTOR", "NURSE", "RECEPTIONIST"],
  /** Visit dates and their diagnosis codes (what statements need), never note text. */
  "visits.codes": ["OWNER", "MANAGER", "DOCTOR", "NURSE", "BILLING"],
  "visits.start": ["DOCTOR"],
  /** Write and sign one's own SOAP notes. */
  "notes.write": ["DOCTOR"],
  /** Write and sign one's own nursing notes (triage, injection, dressing). */
  "nursingNotes.write": ["DOCTOR", "NURSE"],
  "addenda.write": ["DOCTOR", "NURSE"],
  "vitals.record": ["DOCTOR", "NURSE"],
  "allergies.manage": ["DOCTOR", "NURSE"],
  "diagnoses.manage": ["DOCTOR"],
  "immunizations.manage": ["DOCTOR", "NURSE"],
  /** ID, insurance card, referral letter, consent: see and download. */
  "documents.viewAdministrative": ["OWNER", "MANAGER", "DOCTOR", "NURSE", "RECEPTIONIST"],
  "documents.uploadAdministrative": ["DOCTOR", "NURSE", "RECEPTIONIST"],
  /** Results, letters, images (seen with chart.view). */
  "documents.uploadClinical": ["DOCTOR", "NURSE"],
  "templates.manageClinic": ["OWNER"],
  "templates.manageOwn": ["DOCTOR", "NURSE"],
  /** Write, sign, cancel, stop and complete prescriptions; one's own favourites. */
  "prescriptions.write": ["DOCTOR"],
  /** Record what the patient says they take, and stop it. */
  "medications.recordReported": ["DOCTOR", "NURSE"],
  /** List a patient's signed prescriptions and print them (the paper shows what it says). */
  "prescriptions.print": ["DOCTOR", "NURSE", "RECEPTIONIST"],
  /** Print a visit's summary for the patient. */
  "summaries.print": ["DOCTOR", "NURSE", "RECEPTIONIST"],
  /** Write and print sick notes and referral letters. */
  "letters.write": ["DOCTOR"],
  /** Whether a patient owes, and how much (Today, the patient page): no invoice details. */
  "billing.owes": ["OWNER", "MANAGER", "DOCTOR", "NURSE", "RECEPTIONIST", "BILLING"],
  /** Invoices, payments, receipts and a patient's balance and credit. */
  "billing.view": ["OWNER", "MANAGER", "RECEPTIONIST", "BILLING"],
  /** The price list, appointment types, currency and tax settings. */
  "priceList.manage": ["OWNER", "MANAGER"],
  /** Edit drafts and their bill-to, issue, void with a credit note. */
  "invoices.manage": ["BILLING"],
  /** Take payments (a draft is issued in the same step), apply credit, print receipts. */
  "payments.take": ["RECEPTIONIST", "BILLING"],
  "payments.refund": ["BILLING"],
  /** Statements, superbills, outstanding balances with ageing, day sheets. */
  "billing.reports": ["OWNER", "MANAGER", "BILLING"],
  /** Close a location's day: count the cash, record the difference. */
  "day.close": ["BILLING"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type ClinicPermission = keyof typeof CLINIC_PERMISSIONS;

/** What each platform role may do. Super admins operate clinics but have no way into their records. */
export const PLATFORM_PERMISSIONS = {
  "clinicAdmins.manage": ["SUPER_ADMIN"],
  "clinics.viewAll": ["SUPER_ADMIN"],
  "clinics.operate": ["SUPER_ADMIN"],
  "servers.manage": ["SUPER_ADMIN"],
  "fleet.run": ["SUPER_ADMIN"],
  "audit.viewAll": ["SUPER_ADMIN"],
  /** Back up, restore, upload and download any clinic's backups and the central database's; the backup settings. */
  "backups.manage": ["SUPER_ADMIN"],
  /** Database maintenance: sizes and health per clinic and server, VACUUM/REINDEX jobs, cancelling or ending queries. */
  "maintenance.run": ["SUPER_ADMIN"],
  /** Move a clinic's database to another database server (logical replication, a cut-over of a moment) and follow the move. */
  "clinics.move": ["SUPER_ADMIN"],
  "clinics.create": ["CLINIC_ADMIN"],
  "clinics.manageOwn": ["CLINIC_ADMIN"],
  /** Back up one's own clinics and download those backups, while the platform setting allows it. */
  "backups.own": ["CLINIC_ADMIN"],
  "account.manage": ["SUPER_ADMIN", "CLINIC_ADMIN"],
} as const satisfies Record<string, readonly UserRole[]>;

export type PlatformPermission = keyof typeof PLATFORM_PERMISSIONS;

const PLATFORM_ROLES = ["SUPER_ADMIN", "CLINIC_ADMIN"] as const satisfies readonly UserRole[];

export function isPlatformRole(value: unknown): value is UserRole {
  return (PLATFORM_ROLES as readonly unknown[]).includes(value);
}

export function clinicRoleCan(role: StaffRole, permission: ClinicPermission): boolean {
  return (CLINIC_PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

/** The staff member whose own visits they may start and complete (a doctor), or null. */
export function ownVisitsOf(role: StaffRole, staffId: string): string | null {
  return clinicRoleCan(role, "appointments.ownVisits") ? staffId : null;
}

export function platformRoleCan(role: UserRole, permission: PlatformPermission): boolean {
  return (PLATFORM_PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}
