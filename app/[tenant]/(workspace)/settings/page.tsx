import type { Metadata } from "next";
import { ClinicSettingsForm } from "@/components/clinic/clinic-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { findChargeableItems } from "@/lib/billing/price-list/find-price-list";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { listTimeZones } from "@/lib/validations/clinic-settings";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "settings.manage");
  if (!workspace) return null;
  const items = await withTenantDb(workspace.clinic.subdomain, (db) => findChargeableItems({ db }));
  return (
    <>
      <PageHeader
        title="Settings"
        description="The name is also what the admin console and the sign-in page show."
      />
      <ClinicSettingsForm settings={workspace.settings} timeZones={listTimeZones()} items={items} />
    </>
  );
}
