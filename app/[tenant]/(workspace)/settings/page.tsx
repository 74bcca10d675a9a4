import type { Metadata } from "next";
import { AccessDenied } from "@/components/clinic/access-denied";
import { ClinicSettingsForm } from "@/components/clinic/clinic-settings-form";
import { clinicRoleCan } from "@/lib/auth/permissions";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { listTimeZones } from "@/lib/validations/clinic-settings";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params);
  if (!workspace) return null;
  const { role, settings } = workspace;
  if (!clinicRoleCan(role, "settings.manage"))
    return <AccessDenied area="Settings" roleLabel={STAFF_ROLE_LABELS[role]} />;
  return (
    <>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Settings</h1>
        <p className="text-sm text-slate-600">
          The name is also what the admin console and the sign-in page show.
        </p>
      </header>
      <ClinicSettingsForm settings={settings} timeZones={listTimeZones()} />
    </>
  );
}
