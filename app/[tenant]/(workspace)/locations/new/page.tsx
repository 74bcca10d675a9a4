import type { Metadata } from "next";
import { LocationForm } from "@/components/front-desk/locations/location-form";
import { PageHeader } from "@/components/ui/page-header";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Add location" };

const WEEKDAYS_9_TO_5 = Array.from({ length: 7 }, (_, day) =>
  day === 0 || day === 6 ? [] : [{ start: "09:00", end: "17:00" }],
);

export default async function NewLocationPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "locations.manage");
  if (!workspace) return null;
  return (
    <>
      <PageHeader title="Add location" description="A new branch, open for appointments once added." />
      <LocationForm defaults={{ name: "", address: "", phone: "", openingHours: WEEKDAYS_9_TO_5 }} />
    </>
  );
}
