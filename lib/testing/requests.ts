import type { ActionRequest } from "../action-pipeline/request";
import { type AccountStore, clinicAccountStore, platformAccountStore } from "../auth/account-store";
import type { RequestClient } from "../auth/request-context";
import type { SessionClaims } from "../auth/sign-in";
import { getRootDomain } from "../config/root-domain";
import type { CentralDb } from "../db/central";
import type { TenantDb } from "../tenancy/registry";

/** Where test requests come from, as audit rows record it. */
export const TEST_CLIENT: RequestClient = { ip: "203.0.113.7", userAgent: "vitest" };

export const platformHost = () => getRootDomain();
export const clinicHost = (subdomain: string) => `${subdomain}.${getRootDomain()}`;

/**
 * A real server-side session for the account (as signing in makes one) and the request its
 * browser would send: the realm's host and the cookie's claims. Actions check all of it.
 */
async function signedInRequest(store: AccountStore, accountId: string, host: string): Promise<ActionRequest> {
  const account = await store.findById(accountId);
  if (!account) throw new Error(`No account ${accountId} in this realm.`);
  const session = await store.createSession({
    accountId,
    ip: TEST_CLIENT.ip,
    userAgent: null,
    at: new Date(),
  });
  const realm = store.realm;
  const claims: SessionClaims = {
    realm: realm.kind,
    subdomain: realm.kind === "clinic" ? realm.subdomain : null,
    userId: account.id,
    role: account.role,
    sid: session.id,
    sv: account.sessionVersion,
  };
  return { host, claims, client: TEST_CLIENT };
}

export function clinicRequestFor(subdomain: string, db: TenantDb, staffId: string): Promise<ActionRequest> {
  return signedInRequest(clinicAccountStore(subdomain, db), staffId, clinicHost(subdomain));
}

export function platformRequestFor(central: CentralDb, userId: string): Promise<ActionRequest> {
  return signedInRequest(platformAccountStore(central), userId, platformHost());
}
