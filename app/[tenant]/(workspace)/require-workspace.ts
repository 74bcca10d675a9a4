import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { requirePageSession } from "@/lib/auth/current";
import { type ClinicPermission, clinicRoleCan } from "@/lib/auth/permissions";
import type { AppSession } from "@/lib/auth/session";
import { findClinicSettings, type SavedClinicSettings } from "@/lib/clinic/settings";
import { signsInByTicketOnly } from "@/lib/clinic/staff";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { requireActiveClinic, type TenantParams } from "@/lib/tenancy/request-clinic";
import { type TenantClinic, withTenantDb } from "@/lib/tenancy/tenant-db";
import { isStaffRole } from "@/lib/validations/staff";

export type Workspace = {
  clinic: TenantClinic;
  session: AppSession;
  role: StaffRole;
  settings: SavedClinicSettings;
  /** A clinic admin who arrives through the admin console's ticket has no password here to change. */
  ticketOnly: boolean;
};

// Cached per request: the layout and the page render in parallel and both need it.
const loadWorkspace = cache(async (tenant: string): Promise<Workspace | null> => {
  const clinic = await requireActiveClinic(Promise.resolve({ tenant }));
  if (!clinic) return null;
  const session = await requirePageSession();
  const role = session.user.role;
  if (!isStaffRole(role)) redirect("/login");
  const [settings, ticketOnly] = await withTenantDb(clinic.subdomain, (db) =>
    Promise.all([findClinicSettings({ db }), signsInByTicketOnly({ db, staffId: session.user.id })]),
  );
  return { clinic, session, role, settings, ticketOnly };
});

/**
 * For the workspace layout and every workspace page: this host's active clinic and its signed-in
 * member whose role has `permission`. Nobody signed in goes to /login, a due password change to
 * /account/password, a role without the permission gets the segment's forbidden page (inside the
 * workspace's frame); null while the clinic's layout shows its status page instead.
 */
export async function requireWorkspace(
  params: TenantParams["params"],
  permission: ClinicPermission,
): Promise<Workspace | null> {
  const { tenant } = await params;
  const workspace = await loadWorkspace(tenant);
  if (workspace && !clinicRoleCan(workspace.role, permission)) forbidden();
  return workspace;
}
