import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ClinicStatusPage } from "@/components/clinic/clinic-status-page";
import { resolveClinic } from "@/lib/tenancy/tenant-db";
import { isValidSubdomain } from "@/lib/validations/subdomain";

type TenantParams = { params: Promise<{ tenant: string }> };

/**
 * The clinic named by the host, or a 404. The segment is only reachable through the middleware's
 * rewrite, which sets x-tenant from the host (and strips any the client sent): a request that
 * reaches it any other way, or whose path disagrees with the host, is not found.
 */
async function findRequestedClinic(params: TenantParams["params"]) {
  const { tenant } = await params;
  if (!isValidSubdomain(tenant) || (await headers()).get("x-tenant") !== tenant) notFound();
  const clinic = await resolveClinic(tenant);
  if (!clinic) notFound();
  return clinic;
}

export async function generateMetadata({ params }: TenantParams): Promise<Metadata> {
  const clinic = await findRequestedClinic(params);
  return { title: { default: clinic.name, template: `%s · ${clinic.name}` } };
}

export default async function TenantLayout({ children, params }: TenantParams & { children: ReactNode }) {
  const clinic = await findRequestedClinic(params);
  if (clinic.status === "SUSPENDED") {
    return (
      <ClinicStatusPage title={`${clinic.name} is suspended`}>
        This clinic&apos;s workspace is not available right now. Staff: please contact your clinic
        administrator.
      </ClinicStatusPage>
    );
  }
  if (clinic.status !== "ACTIVE") {
    return (
      <ClinicStatusPage title={`${clinic.name} is being set up`} refreshSeconds={5}>
        Its database is being prepared. This page reloads by itself; it usually takes a few seconds.
      </ClinicStatusPage>
    );
  }
  return children;
}
