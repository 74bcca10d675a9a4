import { notFound, redirect } from "next/navigation";
import { requirePageSession } from "../auth/current";
import { platformRoleCan } from "../auth/permissions";
import type { AppSession } from "../auth/session";
import type { UserRole } from "../generated/central/enums";

/**
 * For every page of /admin (each calls it itself: layouts render in parallel with pages and
 * protect nothing): a signed-in clinic admin of the platform; a super admin goes to /super,
 * anyone else to the sign-in page.
 */
export async function requireClinicAdminPage(): Promise<AppSession> {
  const session = await requirePageSession();
  if (session.realm.kind !== "platform") notFound();
  if (session.user.role === "SUPER_ADMIN") redirect("/super");
  if (!platformRoleCan(session.user.role as UserRole, "clinics.manageOwn")) redirect("/login");
  return session;
}
