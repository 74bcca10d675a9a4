import Link from "next/link";
import type { ReactNode } from "react";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { UserMenu } from "./user-menu";
import type { WorkspaceArea } from "./workspace-areas";
import { WorkspaceNav } from "./workspace-nav";

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
      <header className="border-b border-slate-200 bg-white">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
          <Link href="/dashboard" className="flex min-w-0 items-center gap-2 font-semibold text-slate-900">
            <span
              aria-hidden="true"
              className="grid size-8 shrink-0 place-items-center rounded-md bg-brand-700 text-white"
            >
              +
            </span>
            <span className="truncate">{clinicName}</span>
          </Link>
          <UserMenu
            name={user.name}
            email={user.email}
            roleLabel={STAFF_ROLE_LABELS[user.role]}
            canChangePassword={canChangePassword}
          />
        </div>
        <WorkspaceNav areas={areas.map(({ href, label }) => ({ href, label }))} />
      </header>
      <main
        id="main"
        className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6 sm:px-6 sm:py-8"
      >
        {children}
      </main>
    </div>
  );
}
