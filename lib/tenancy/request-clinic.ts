import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { isValidSubdomain } from "../validations/subdomain";
import { resolveClinic, type TenantClinic } from "./tenant-db";

export type TenantParams = { params: Promise<{ tenant: string }> };

/**
 * The clinic this request is for, or a 404. Every page and layout under app/[tenant] calls it
 * itself: Next renders pages in parallel with their layouts, so a layout's check protects nothing.
 * The segment must match x-tenant, which the middleware sets from the host (and strips from
 * clients), so a clinic is only ever reached through its own host.
 */
export async function requireRequestClinic(params: TenantParams["params"]): Promise<TenantClinic> {
  const { tenant } = await params;
  if (!isValidSubdomain(tenant) || (await headers()).get("x-tenant") !== tenant) notFound();
  const clinic = await resolveClinic(tenant);
  if (!clinic) notFound();
  return clinic;
}

/** For pages that read the clinic's database: the active clinic, or null while the layout shows its status page. */
export async function requireActiveClinic(params: TenantParams["params"]): Promise<TenantClinic | null> {
  const clinic = await requireRequestClinic(params);
  return clinic.status === "ACTIVE" ? clinic : null;
}
