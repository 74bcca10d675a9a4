import type { ReactNode } from "react";
import { workspaceAreasFor } from "@/components/clinic/workspace-areas";
import { WorkspaceShell } from "@/components/clinic/workspace-shell";
import { ClinicClockProvider } from "@/components/ui/clinic-clock";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { requireWorkspace } from "./require-workspace";

export default async function WorkspaceLayout({ children, params }: TenantParams & { children: ReactNode }) {
  const workspace = await requireWorkspace(params, "clinic.view");
  if (!workspace) return children;
  const { session, role, settings, ticketOnly } = workspace;
  return (
    <WorkspaceShell
      clinicName={settings.name}
      user={{ name: session.user.name, email: session.user.email, role }}
      areas={workspaceAreasFor(role)}
      canChangePassword={!ticketOnly}
    >
      <ClinicClockProvider clock={{ dateOrder: settings.dateOrder, hour12: settings.hour12 }}>
        {children}
      </ClinicClockProvider>
    </WorkspaceShell>
  );
}
