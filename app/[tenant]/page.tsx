import { ClinicHome } from "@/components/clinic/clinic-home";
import { findClinicOverview } from "@/lib/clinic/overview";
import { withTenantDb } from "@/lib/tenancy/tenant-db";

export default async function ClinicHomePage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  // The layout has already checked that this host's clinic exists and is active.
  const overview = await withTenantDb(tenant, (db) => findClinicOverview(db));
  return <ClinicHome overview={overview} />;
}
