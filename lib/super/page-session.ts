import { redirect } from "next/navigation";
import { cache } from "react";
import { getCurrentSession, requirePageSession } from "../auth/current";
import { type PlatformPermission, platformRoleCan } from "../auth/permissions";
import type { AppSession } from "../auth/session";
import type { UserRole } from "../generated/central/enums";

/**
 * For every /super page (layouts alone do not guard a page's own render): signed in, password
 * changed, and a super admin; a clinic admin is sent to their own console. Cached per request, so
 * the layout and the page share one check.
 */
export const requireSuperAdminPage = cache(async (): Promise<AppSession> => {
  const session = await requirePageSession();
  if (session.realm.kind !== "platform" || session.user.role !== "SUPER_ADMIN") redirect("/admin");
  return session;
});

/** For route handlers: this request's platform session if it may do `permission`, else null. */
export async function findSessionAllowedTo(permission: PlatformPermission): Promise<AppSession | null> {
  const session = await getCurrentSession();
  if (session?.realm.kind !== "platform" || session.mustChangePassword) return null;
  return platformRoleCan(session.user.role as UserRole, permission) ? session : null;
}
