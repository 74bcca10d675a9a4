import type { Metadata } from "next";
import { ClinicSettingsForm } from "@/components/clinic/clinic-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { listTimeZones } from "@/lib/validations/clinic-settings";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "settings.manage");
  if (!workspace) return null;
  return (
    <>
      <PageHeader
        title="Settings"
        description="The name is also what the admin console and the sign-in page show."
      />
      <ClinicSettingsForm settings={workspace.settings} timeZones={listTimeZones()} />
    </>
  );
}
