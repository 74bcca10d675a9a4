import { getCentralDb } from "../db/central";
import type { Realm } from "../routing/host";
import { withTenantDb } from "../tenancy/tenant-db";
import { type AccountStore, clinicAccountStore, platformAccountStore } from "./account-store";

/** Runs `work` with the realm's account store: the central database's, or the clinic's own. */
export function withRealmStore<T>(realm: Realm, work: (store: AccountStore) => Promise<T>): Promise<T> {
  if (realm.kind === "platform") return work(platformAccountStore(getCentralDb()));
  return withTenantDb(realm.subdomain, (db) => work(clinicAccountStore(realm.subdomain, db)));
}
