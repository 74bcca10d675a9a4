import type { z } from "zod";
import { clinicAccountStore } from "../auth/account-store";
import { type ClinicPermission, clinicRoleCan } from "../auth/permissions";
import type { StaffRole } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";
import { withTenantDb } from "../tenancy/tenant-db";
import { isStaffRole } from "../validations/staff";
import type { ServerAction } from "./result";
import { defineSessionAction, type RealmBinding, type SessionActionDefinition } from "./session-action";

/** A clinic's own host: its database (never chosen by the input) and its staff accounts. */
const clinicRealm: RealmBinding<TenantDb, ClinicPermission, StaffRole> = {
  kind: "clinic",
  open: (realm, work) =>
    realm?.kind === "clinic"
      ? withTenantDb(realm.subdomain, (db) => work(db, clinicAccountStore(realm.subdomain, db)))
      : null,
  roleOf: (role) => (isStaffRole(role) ? role : null),
  can: clinicRoleCan,
  wrongHostMessage: "This action belongs to a clinic's address.",
};

/**
 * A server action for a clinic's staff: it runs only on the clinic's own host, for a signed-in
 * member of that clinic whose role has `permission`, with the input parsed by `schema`.
 */
export function defineClinicAction<S extends z.ZodType, R>(
  definition: SessionActionDefinition<S, ClinicPermission, TenantDb, StaffRole, R>,
): ServerAction<R> {
  return defineSessionAction(clinicRealm, definition);
}
