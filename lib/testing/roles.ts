import {
  type ClinicPermission,
  clinicRoleCan,
  type PlatformPermission,
  platformRoleCan,
} from "../auth/permissions";
import type { UserRole } from "../generated/central/enums";
import type { StaffRole } from "../generated/tenant/enums";
import { STAFF_ROLES } from "../validations/staff";

const PLATFORM_ROLES = ["SUPER_ADMIN", "CLINIC_ADMIN"] as const satisfies readonly UserRole[];

/** What every action answers a signed-in account whose role lacks its permission. */
export const ROLE_REFUSED = {
  ok: false,
  error: { code: "FORBIDDEN", message: "Your role does not allow this." },
} as const;

// An empty list would make `describe.each` register no test at all: a suite that passes by vanishing.
function nonEmpty<Role>(roles: Role[], description: string): Role[] {
  if (roles.length === 0) throw new Error(`No role ${description}: the tests for it would silently not run.`);
  return roles;
}

/** The clinic roles whose members may do `permission`. */
export function rolesWith(permission: ClinicPermission): StaffRole[] {
  return nonEmpty(
    STAFF_ROLES.filter((role) => clinicRoleCan(role, permission)),
    `has ${permission}`,
  );
}

/** The clinic roles whose members may not do `permission`. */
export function rolesWithout(permission: ClinicPermission): StaffRole[] {
  return nonEmpty(
    STAFF_ROLES.filter((role) => !clinicRoleCan(role, permission)),
    `lacks ${permission}`,
  );
}

/** The platform roles (super admin, clinic admin) without `permission`. */
export function platformRolesWithout(permission: PlatformPermission): UserRole[] {
  return nonEmpty(
    PLATFORM_ROLES.filter((role) => !platformRoleCan(role, permission)),
    `lacks ${permission}`,
  );
}
