import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LocationForm } from "@/components/front-desk/locations/location-form";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { findLocation } from "@/lib/clinic/locations";
import { timeOf } from "@/lib/clinic/time-of-day";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { openingHoursOf } from "@/lib/validations/locations";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Edit location" };

export default async function EditLocationPage({
  params,
}: {
  params: Promise<{ tenant: string; id: string }>;
}) {
  const workspace = await requireWorkspace(params, "locations.manage");
  if (!workspace) return null;
  const { id } = await params;
  const location = await withTenantDb(workspace.clinic.subdomain, (db) =>
    findLocation({ db, locationId: id }),
  );
  if (!location) notFound();
  const openingHours = openingHoursOf(location.openingHours).map((day) =>
    day.map((interval) => ({ start: timeOf(interval.start), end: timeOf(interval.end) })),
  );
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {location.name}
            {location.isMain ? <Badge tone="brand">Main</Badge> : null}
            {location.active ? null : <Badge>Inactive</Badge>}
          </span>
        }
        description="Name, address, phone and opening hours."
      />
      <LocationForm
        locationId={location.id}
        defaults={{
          name: location.name,
          address: location.address ?? "",
          phone: location.phone ?? "",
          openingHours,
        }}
      />
    </>
  );
}
