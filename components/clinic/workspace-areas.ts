import { type ClinicPermission, clinicRoleCan } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/generated/tenant/enums";

export type WorkspaceArea = { href: string; label: string; summary: string };

// The workspace's pages and the permission each needs: the navigation and the dashboard show a
// role only what it may open (the pages and actions check again for themselves).
const AREAS: (WorkspaceArea & { permission: ClinicPermission })[] = [
  {
    href: "/dashboard",
    label: "Dashboard",
    permission: "clinic.view",
    summary: "Your start page in the clinic.",
  },
  {
    href: "/staff",
    label: "Staff",
    permission: "staff.view",
    summary: "Add people, change their roles, deactivate accounts that should no longer sign in.",
  },
  {
    href: "/settings",
    label: "Settings",
    permission: "settings.manage",
    summary: "The clinic's name, time zone, currency and contact details.",
  },
  {
    href: "/audit",
    label: "Audit log",
    permission: "audit.view",
    summary: "Who did what in the clinic, when and from where.",
  },
];

export function workspaceAreasFor(role: StaffRole): WorkspaceArea[] {
  return AREAS.filter((area) => clinicRoleCan(role, area.permission)).map(({ permission, ...area }) => area);
}
