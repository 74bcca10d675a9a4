import { ClinicHome } from "@/components/clinic/clinic-home";
import { getCurrentSession } from "@/lib/auth/current";
import { findClinicOverview } from "@/lib/clinic/overview";
import { requireActiveClinic, type TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";

export default async function ClinicHomePage({ params }: TenantParams) {
  const clinic = await requireActiveClinic(params);
  if (!clinic) return null;
  const [overview, session] = await Promise.all([
    withTenantDb(clinic.subdomain, (db) => findClinicOverview(db)),
    getCurrentSession(),
  ]);
  return <ClinicHome overview={overview} signedIn={session !== null} />;
}
