import type { Metadata } from "next";
import { AccessDenied } from "@/components/clinic/access-denied";
import { LocationForm } from "@/components/front-desk/locations/location-form";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Add location" };

const WEEKDAYS_9_TO_5 = Array.from({ length: 7 }, (_, day) =>
  day === 0 || day === 6 ? [] : [{ start: "09:00", end: "17:00" }],
);

export default async function NewLocationPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params);
  if (!workspace) return null;
  if (!clinicRoleCan(workspace.role, "locations.manage"))
    return <AccessDenied area="Locations" roleLabel={STAFF_ROLE_LABELS[workspace.role]} />;
  return (
    <>
      <PageHeader title="Add location" description="A new branch, open for appointments once added." />
      <LocationForm defaults={{ name: "", address: "", phone: "", openingHours: WEEKDAYS_9_TO_5 }} />
    </>
  );
}
