import type { Metadata } from "next";
import { AccessDenied } from "@/components/clinic/access-denied";
import { LocationList } from "@/components/front-desk/locations/location-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findLocations } from "@/lib/clinic/locations";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Locations" };

export default async function LocationsPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params);
  if (!workspace) return null;
  const { clinic, role } = workspace;
  if (!clinicRoleCan(role, "locations.manage"))
    return <AccessDenied area="Locations" roleLabel={STAFF_ROLE_LABELS[role]} />;
  const locations = await withTenantDb(clinic.subdomain, (db) => findLocations({ db }));
  return (
    <>
      <PageHeader
        title="Locations"
        description="The clinic's branches and their opening hours. A location in use stays in the records: deactivate it instead of deleting it."
        actions={<ButtonLink href="/locations/new">Add location</ButtonLink>}
      />
      <LocationList locations={locations} />
    </>
  );
}
