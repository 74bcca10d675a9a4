import type { Metadata } from "next";
import { AccessDenied } from "@/components/clinic/access-denied";
import { Dashboard } from "@/components/clinic/dashboard";
import { workspaceAreasFor } from "@/components/clinic/workspace-areas";
import { TodaySummary } from "@/components/front-desk/appointments/today-summary";
import { clinicRoleCan } from "@/lib/auth/permissions";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params);
  if (!workspace) return null;
  const { session, role, settings } = workspace;
  const roleLabel = STAFF_ROLE_LABELS[role];
  if (!clinicRoleCan(role, "clinic.view")) return <AccessDenied area="the dashboard" roleLabel={roleLabel} />;
  return (
    <Dashboard
      name={session.user.name}
      clinicName={settings.name}
      roleLabel={roleLabel}
      areas={workspaceAreasFor(role).filter((area) => area.href !== "/dashboard")}
      today={<TodaySummary subdomain={workspace.clinic.subdomain} session={session} />}
    />
  );
}
