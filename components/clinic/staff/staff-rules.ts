import type { StaffRole } from "@/lib/generated/tenant/enums";
import { STAFF_ROLES } from "@/lib/validations/staff";

export type StaffViewer = { id: string; role: StaffRole; canManage: boolean };

export type StaffRow = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  mustChangePassword: boolean;
  /** Signs in only through the admin console's "Open clinic": has no password here. */
  ticketOnly: boolean;
  /** Formatted in the clinic's time zone, or null before the first sign-in. */
  lastSignIn: string | null;
  lastSignInAt: number | null;
};

// The same rules the server enforces (lib/clinic/staff.ts), so the page offers only what will work.
export function mayManage(viewer: StaffViewer, row: StaffRow): boolean {
  if (!viewer.canManage || row.id === viewer.id) return false;
  return viewer.role === "OWNER" || row.role !== "OWNER";
}

/** Resets as the server allows them: not one's own, a manager's only by an owner, never a console-only account's. */
export function mayResetPassword(viewer: StaffViewer, row: StaffRow): boolean {
  if (!mayManage(viewer, row) || !row.active || row.ticketOnly) return false;
  return viewer.role === "OWNER" || row.role !== "MANAGER";
}

/** The roles the viewer may give: only owners make owners. */
export function assignableRoles(viewer: StaffViewer): StaffRole[] {
  return STAFF_ROLES.filter((role) => viewer.role === "OWNER" || role !== "OWNER");
}
