import type { Metadata } from "next";
import { LocationList } from "@/components/front-desk/locations/location-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { findLocations } from "@/lib/clinic/locations";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Locations" };

export default async function LocationsPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "locations.manage");
  if (!workspace) return null;
  const locations = await withTenantDb(workspace.clinic.subdomain, (db) => findLocations({ db }));
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
