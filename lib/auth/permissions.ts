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
  "records.view": ["OWNER", "DOCTOR", "NURSE"],
  "records.manage": ["DOCTOR", "NURSE"],
  "prescriptions.manage": ["DOCTOR"],
  "billing.manage": ["OWNER", "MANAGER", "BILLING"],
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
  "clinics.create": ["CLINIC_ADMIN"],
  "clinics.manageOwn": ["CLINIC_ADMIN"],
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
