import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { realmOf } from "../auth/request-context";
import { getRootDomain } from "../config/root-domain";
import { isClinicAddress } from "../routing/host";
import { resolveClinic, type TenantClinic } from "./tenant-db";

export type TenantParams = { params: Promise<{ tenant: string }> };

/**
 * The clinic this request is for, or a 404. Every page and layout under app/[tenant] calls it
 * itself: Next renders pages in parallel with their layouts, so a layout's check protects nothing.
 * The segment must be the clinic the Host header names, so a clinic is only ever reached through
 * its own host (whatever path or header a client sends).
 */
export async function requireRequestClinic(params: TenantParams["params"]): Promise<TenantClinic> {
  const { tenant } = await params;
  const realm = realmOf(await headers());
  if (realm?.kind !== "clinic" || realm.subdomain !== tenant) notFound();
  const clinic = await resolveClinic(tenant);
  if (!clinic) notFound();
  return clinic;
}

/** For pages that read the clinic's database: the active clinic, or null while the layout shows its status page. */
export async function requireActiveClinic(params: TenantParams["params"]): Promise<TenantClinic | null> {
  const clinic = await requireRequestClinic(params);
  return clinic.status === "ACTIVE" ? clinic : null;
}

/**
 * For the not-found page: this request's host when it is a clinic's address that no clinic has
 * (never made, deleted, or not a valid name), so the page can say so; null for any other host.
 */
export async function findMissingClinicAddress(): Promise<string | null> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("host")?.trim().toLowerCase() ?? "";
  if (!isClinicAddress(host, getRootDomain())) return null;
  const realm = realmOf(requestHeaders);
  const clinic = realm?.kind === "clinic" ? await resolveClinic(realm.subdomain) : null;
  return clinic ? null : host;
}
