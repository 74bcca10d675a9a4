import type { Metadata } from "next";
import { Dashboard } from "@/components/clinic/dashboard";
import { workspaceAreasFor } from "@/components/clinic/workspace-areas";
import { TodaySummary } from "@/components/front-desk/appointments/today-summary";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "clinic.view");
  if (!workspace) return null;
  const { clinic, session, role, settings } = workspace;
  return (
    <Dashboard
      name={session.user.name}
      clinicName={settings.name}
      roleLabel={STAFF_ROLE_LABELS[role]}
      areas={workspaceAreasFor(role).filter((area) => area.href !== "/dashboard")}
      today={<TodaySummary subdomain={clinic.subdomain} role={role} viewerId={session.user.id} />}
    />
  );
}
