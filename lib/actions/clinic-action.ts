import { headers } from "next/headers";
import type { z } from "zod";
import { clinicAccountStore } from "../auth/account-store";
import { readSessionClaims } from "../auth/current";
import { type ClinicPermission, clinicRoleCan } from "../auth/permissions";
import { clientOf, realmOf } from "../auth/request-context";
import { resolveSession } from "../auth/session";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy/registry";
import { withTenantDb } from "../tenancy/tenant-db";
import { type ActionDefinition, failure, type PreparedAction, prepareAction } from "./define-action";
import type { ActionResult } from "./result";

export type ClinicAction<R> = PreparedAction<TenantDb, R>;

/** Defines a clinic action: runs only for a signed-in staff member of this host's clinic whose role has `permission`. */
export function defineClinicAction<S extends z.ZodType, R>(
  definition: ActionDefinition<S, ClinicPermission, TenantDb, R>,
): ClinicAction<R> {
  return prepareAction(definition, (role, permission) => clinicRoleCan(role as never, permission));
}

/**
 * Runs a clinic action for this request: the clinic comes from the host (never from the input),
 * the session must have been issued for that clinic, and the database is that clinic's own.
 */
export async function runClinicAction<R>(action: ClinicAction<R>, input: unknown): Promise<ActionResult<R>> {
  const requestHeaders = await headers();
  const realm = realmOf(requestHeaders);
  if (realm.kind !== "clinic")
    return failure(new AppError("NOT_FOUND", "This action belongs to a clinic's address."));
  const claims = await readSessionClaims();
  try {
    return await withTenantDb(realm.subdomain, async (db) => {
      const session = await resolveSession({ claims, store: clinicAccountStore(realm.subdomain, db) });
      if (!session)
        return failure(new AppError("FORBIDDEN", "Your session has ended. Please sign in again."));
      return action(input, { session, db, client: clientOf(requestHeaders) });
    });
  } catch (error) {
    if (error instanceof AppError) return failure(error);
    throw error;
  }
}
