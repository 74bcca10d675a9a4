import type { ReactNode } from "react";
import { NavTabs } from "@/components/ui/nav-tabs";
import { BrandLink, TopBar } from "@/components/ui/top-bar";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { UserMenu } from "./user-menu";
import type { WorkspaceArea } from "./workspace-areas";

/** The frame of every page a signed-in staff member sees: the clinic, their areas, their account. */
export function WorkspaceShell({
  clinicName,
  user,
  areas,
  canChangePassword,
  children,
}: {
  clinicName: string;
  user: { name: string; email: string; role: StaffRole };
  areas: WorkspaceArea[];
  canChangePassword: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-1 flex-col bg-slate-50">
      <TopBar>
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
          <BrandLink href="/dashboard">
            <span className="truncate">{clinicName}</span>
          </BrandLink>
          <UserMenu
            name={user.name}
            email={user.email}
            roleLabel={STAFF_ROLE_LABELS[user.role]}
            canChangePassword={canChangePassword}
          />
        </div>
        {/* On a phone the sections scroll sideways instead of wrapping. */}
        <NavTabs
          label="Workspace"
          links={areas.map(({ href, label }) => ({ href, label }))}
          className="mx-auto max-w-6xl px-2 sm:px-4"
        />
      </TopBar>
      <main
        id="main"
        className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6 sm:px-6 sm:py-8"
      >
        {children}
      </main>
    </div>
  );
}
