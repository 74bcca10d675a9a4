import { headers } from "next/headers";
import type { z } from "zod";
import { platformAccountStore } from "../auth/account-store";
import { readSessionClaims } from "../auth/current";
import { type PlatformPermission, platformRoleCan } from "../auth/permissions";
import { clientOf, realmOf } from "../auth/request-context";
import { resolveSession } from "../auth/session";
import { type CentralDb, getCentralDb } from "../db/central";
import { AppError } from "../errors";
import { type ActionDefinition, failure, type PreparedAction, prepareAction } from "./define-action";
import type { ActionResult } from "./result";

export type PlatformAction<R> = PreparedAction<CentralDb, R>;

/** Defines a platform action: runs only for a signed-in super admin or clinic admin whose role has `permission`. */
export function definePlatformAction<S extends z.ZodType, R>(
  definition: ActionDefinition<S, PlatformPermission, CentralDb, R>,
): PlatformAction<R> {
  return prepareAction(definition, (role, permission) => platformRoleCan(role as never, permission));
}

/** Runs a platform action for this request: only on the root host, with a platform session. */
export async function runPlatformAction<R>(
  action: PlatformAction<R>,
  input: unknown,
): Promise<ActionResult<R>> {
  const requestHeaders = await headers();
  if (realmOf(requestHeaders).kind !== "platform") {
    return failure(new AppError("NOT_FOUND", "This action belongs to the platform's own address."));
  }
  const central = getCentralDb();
  const session = await resolveSession({
    claims: await readSessionClaims(),
    store: platformAccountStore(central),
  });
  if (!session) return failure(new AppError("FORBIDDEN", "Your session has ended. Please sign in again."));
  return action(input, { session, db: central, client: clientOf(requestHeaders) });
}
