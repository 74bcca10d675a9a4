import type { z } from "zod";
import { platformAccountStore } from "../auth/account-store";
import { isPlatformRole, type PlatformPermission, platformRoleCan } from "../auth/permissions";
import { type CentralDb, getCentralDb } from "../db/central";
import type { UserRole } from "../generated/central/enums";
import type { ServerAction } from "./result";
import { defineSessionAction, type RealmBinding, type SessionActionDefinition } from "./session-action";

/** The platform's root host: the central database and its super admins and clinic admins. */
const platformRealm: RealmBinding<CentralDb, PlatformPermission, UserRole> = {
  kind: "platform",
  open: (realm, work) => {
    if (realm?.kind !== "platform") return null;
    const central = getCentralDb();
    return work(central, platformAccountStore(central));
  },
  roleOf: (role) => (isPlatformRole(role) ? role : null),
  can: platformRoleCan,
  wrongHostMessage: "This action belongs to the platform's own address.",
};

/**
 * A server action for super admins and clinic admins: it runs only on the root host, for a signed-in
 * platform account whose role has `permission`, with the input parsed by `schema`.
 */
export function definePlatformAction<S extends z.ZodType, R>(
  definition: SessionActionDefinition<S, PlatformPermission, CentralDb, UserRole, R>,
): ServerAction<R> {
  return defineSessionAction(platformRealm, definition);
}
