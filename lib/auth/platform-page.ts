import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { UserRole } from "../generated/central/enums";
import { getCurrentSession, requirePageSession } from "./current";
import { isPlatformRole, type PlatformPermission, platformRoleCan } from "./permissions";
import type { AppSession } from "./session";

/** Where each platform role works: a page its role may not open sends it there. */
const AREA_OF: Record<UserRole, string> = { SUPER_ADMIN: "/super", CLINIC_ADMIN: "/admin" };

/**
 * For every page of /super and /admin (each calls it itself: a layout renders in parallel with its
 * page and protects nothing): a signed-in platform account whose role has `permission`. Nobody
 * signed in goes to /login, a due password change to /account/password, a role without the
 * permission to its own area. Cached per request, so a layout and its page share the check.
 */
export const requirePlatformPage = cache(async (permission: PlatformPermission): Promise<AppSession> => {
  const session = await requirePageSession();
  if (session.realm.kind !== "platform") notFound();
  const role = session.user.role;
  if (!isPlatformRole(role)) redirect("/login");
  if (!platformRoleCan(role, permission)) redirect(AREA_OF[role]);
  return session;
});

/** For route handlers: this request's platform session if its role has `permission`, else null. */
export async function findPlatformSession(permission: PlatformPermission): Promise<AppSession | null> {
  const session = await getCurrentSession();
  if (session?.realm.kind !== "platform" || session.mustChangePassword) return null;
  const role = session.user.role;
  return isPlatformRole(role) && platformRoleCan(role, permission) ? session : null;
}
