import { getCentralDb } from "@/lib/db/central";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import { type TenantClinic, type TenantDb, TenantRegistry } from "./registry";

export type { TenantClinic, TenantDb } from "./registry";

// One registry per server process; kept on globalThis so Next's dev reloads do not open new pools.
const holder = globalThis as typeof globalThis & { tenantRegistry?: TenantRegistry };

/** This process's registry: the central database of DATABASE_URL, the budget of TENANT_* env. */
export function getTenantRegistry(): TenantRegistry {
  holder.tenantRegistry ??= new TenantRegistry({
    central: getCentralDb(),
    centralUrl: parseDatabaseUrl(process.env.DATABASE_URL).toString(),
  });
  return holder.tenantRegistry;
}

/**
 * Runs `work` with the clinic's database held for its whole duration: the one way request code
 * reaches a clinic. Throws AppError NOT_FOUND / UNAVAILABLE.
 */
export function withTenantDb<T>(
  subdomain: string,
  work: (db: TenantDb, clinic: TenantClinic) => Promise<T>,
): Promise<T> {
  return getTenantRegistry().withTenantDb(subdomain, work);
}

/** The clinic at a subdomain with its status, or null when there is none to show. */
export function resolveClinic(subdomain: string): Promise<TenantClinic | null> {
  return getTenantRegistry().resolveClinic(subdomain);
}
